// One scrape of GET /metrics answers for every worker: whichever worker receives it, the figures
// are the sum over all of them.
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    server = await startServer({ DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'v.db')}`, WORKERS: '2', METRICS: 'on', SECRET: 'test-secret-0123456789abcdef' });
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
});
