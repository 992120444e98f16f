// One scrape of GET /metrics answers for every worker: whichever worker receives it, the figures
// are the sum over all of them.
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { person } from '../support/people.js';
import { type ServerProcess, startServer } from '../support/server-process.js';

const REQUESTS = 20;

/** A GET on a connection of its own, so the cluster hands each request to the next worker in turn. */
function fetchAlone(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('metrics across cluster workers', () => {
  let dir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vreserve-metrics-'));
    server = await startServer({ DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'v.db')}`, WORKERS: '2', METRICS: 'on', SECRET: 'test-secret-0123456789abcdef', VRESERVE_CLOCK: '2026-11-25T09:10:00+08:00' });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sums the requests that both workers answered', async () => {
    for (let i = 0; i < REQUESTS; i++) expect((await fetchAlone(`${server.url}/healthz`)).status).toBe(200);

    // Which worker answered each request, from the request log (one line each, written asynchronously).
    const answeredBy = () =>
      server
        .output()
        .split('\n')
        .filter((l) => l.includes('"url":"/healthz"'))
        .map((l) => (JSON.parse(l) as { pid: number }).pid);
    const deadline = Date.now() + 30_000;
    while (answeredBy().length < REQUESTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(answeredBy()).toHaveLength(REQUESTS);
    expect(new Set(answeredBy()).size).toBe(2);

    for (let scrape = 0; scrape < 2; scrape++) {
      const res = await fetchAlone(`${server.url}/metrics`);
      expect(res.status).toBe(200);
      const line = res.body.split('\n').find((l) => l.startsWith('vreserve_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}'));
      expect(Number(line?.split(' ').pop())).toBe(REQUESTS);
    }
  });

  it('reports the store’s figures once, not once per worker', async () => {
    const res = await fetch(`${server.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 1, date: '2026-11-26', slot: '10:00', ...person(7), notify: true }),
    });
    expect(res.status).toBe(201);
    // The reminders stay queued until their day; the confirmation goes out at once (log driver).
    const file = new Database(join(dir, 'v.db'), { readonly: true });
    try {
      const queuedInStore = () => Number((file.prepare("select count(*) as n from notification where status = 'queued'").get() as { n: number }).n);
      const deadline = Date.now() + 20_000;
      let scraped: number | undefined;
      let stored = -1;
      while (Date.now() < deadline) {
        stored = queuedInStore();
        const text = (await fetchAlone(`${server.url}/metrics`)).body;
        const line = text.split('\n').find((l) => l.startsWith('vreserve_notification_backlog{state="queued"}'));
        scraped = line === undefined ? undefined : Number(line.split(' ').pop());
        if (stored > 0 && scraped === stored) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(stored).toBeGreaterThan(0);
      expect(scraped).toBe(stored);
    } finally {
      file.close();
    }
  });
});
