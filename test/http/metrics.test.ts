// GET /metrics: off unless METRICS=on, then only for the addresses in METRICS_ALLOW (default
// loopback), whatever a forwarded-for header claims; it counts requests by route and status and
// bookings by result.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { type Store, openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { App } from '../../src/server/http/types.js';
import { type MetricsOptions, metricsOptionsFromEnv } from '../../src/server/metrics/metrics-config.js';
import { person } from '../support/people.js';
import { TEST_SECRET, type TestApp, makeTestApp } from '../support/test-app.js';

/** The value of one sample line, e.g. sample(text, 'x_total{result="booked"}'); undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let dir: string;
  let store: Store;
  const apps: App[] = [];

  async function appWith(metrics?: MetricsOptions): Promise<App> {
    const app = await buildApp({
      store,
      clock: () => new Date('2026-11-25T08:30:00+08:00'),
      hallTz: 'Asia/Shanghai',
      secret: TEST_SECRET,
      webRoot: join(dir, 'no-web'),
      readCacheMs: 0,
      ...(metrics ? { metrics } : {}),
    });
    apps.push(app);
    return app;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vreserve-metrics-'));
    store = openStore(`sqlite:${join(dir, 'test.db')}`);
    await migrateToLatest(store.db);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is not there unless METRICS=on', async () => {
    const app = await appWith();
    const res = await app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(loadConfig({}).metrics).toEqual({ enabled: false, allow: ['loopback'] });
  });

  it.each([
    ['127.0.0.1', 200],
    ['127.8.9.10', 200],
    ['::1', 200],
    ['::ffff:127.0.0.1', 200],
    ['10.1.2.3', 403],
    ['192.168.1.20', 403],
    ['::ffff:10.1.2.3', 403],
    ['fd00::1', 403],
  ])('by default answers loopback only: %s gets %d', async (address, status) => {
    const app = await appWith(metricsOptionsFromEnv({ METRICS: 'on' }, []));
    const res = await app.inject({ url: '/metrics', remoteAddress: address });
    expect(res.statusCode).toBe(status);
    if (status === 403) {
      expect(res.json().code).toBe('FORBIDDEN');
      expect(res.body).not.toContain('vreserve_');
    } else expect(res.body).toContain('# TYPE vreserve_http_request_duration_seconds histogram');
  });

  it('believes the socket, not a forwarded-for header', async () => {
    const app = await appWith(metricsOptionsFromEnv({ METRICS: 'on' }, []));
    const res = await app.inject({ url: '/metrics', remoteAddress: '10.1.2.3', headers: { 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1' } });
    expect(res.statusCode).toBe(403);
  });

  it('METRICS_ALLOW names who may read it, and then nobody else (not even loopback)', async () => {
    const app = await appWith(metricsOptionsFromEnv({ METRICS: 'on', METRICS_ALLOW: '10.1.2.0/24, fd00::/8' }, []));
    const status = async (remoteAddress: string) => (await app.inject({ url: '/metrics', remoteAddress })).statusCode;
    expect(await status('10.1.2.3')).toBe(200);
    expect(await status('fd00::1')).toBe(200);
    expect(await status('10.1.3.3')).toBe(403);
    expect(await status('127.0.0.1')).toBe(403);
  });

  it('METRICS and METRICS_ALLOW are checked at start, every problem named', () => {
    const problems: string[] = [];
    metricsOptionsFromEnv({ METRICS: 'maybe', METRICS_ALLOW: '10.0.0.0/33, example.org' }, problems);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('METRICS must be "on" or "off"');
    expect(problems[1]).toContain('"10.0.0.0/33", "example.org"');
    expect(() => loadConfig({ METRICS: 'on', METRICS_ALLOW: 'nowhere' })).toThrow(/METRICS_ALLOW/);
    expect(loadConfig({ METRICS: 'off' }).metrics.enabled).toBe(false);
    expect(loadConfig({ METRICS: 'on', METRICS_ALLOW: 'none' }).metrics).toEqual({ enabled: true, allow: ['none'] });
  });

  it('counts requests by route pattern and status, and bookings by result', async () => {
    const app = await appWith(metricsOptionsFromEnv({ METRICS: 'on' }, []));
    const book = (payload: object) => app.inject({ method: 'POST', url: '/api/v1/bookings', payload });
    expect((await book({ serviceId: 1, date: '2026-11-26', slot: '10:00', ...person(41) })).statusCode).toBe(201);
    expect((await book({ serviceId: 1, date: '2026-11-26', slot: '10:00', ...person(42) })).statusCode).toBe(201);
    expect((await book({ serviceId: 1, date: '2026-11-26', slot: '10:00', ...person(41) })).statusCode).toBe(409);
    expect((await book({ serviceId: 1, date: 'soon', slot: '10:00', ...person(43) })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/v1/bookings/Y20261126100001/nothing' })).statusCode).toBe(404);
    for (let i = 0; i < 3; i++) expect((await app.inject({ url: '/api/v1/services' })).statusCode).toBe(200);

    const text = (await app.inject({ url: '/metrics' })).body;
    const refusal = (await book({ serviceId: 1, date: '2026-11-26', slot: '10:00', ...person(41) })).json().code;
    expect(sample(text, 'vreserve_booking_attempts_total{result="booked"}')).toBe(2);
    expect(sample(text, `vreserve_booking_attempts_total{result="${refusal}"}`)).toBe(1);
    expect(sample(text, 'vreserve_booking_attempts_total{result="VALIDATION"}')).toBe(1);
    const count = (route: string, status: number, method = 'GET') =>
      sample(text, `vreserve_http_request_duration_seconds_count{method="${method}",route="${route}",status="${status}"}`);
    expect(count('/api/v1/bookings', 201, 'POST')).toBe(2);
    expect(count('/api/v1/bookings', 400, 'POST')).toBe(1);
    expect(count('/api/v1/services', 200)).toBe(3);
    expect(count('(no route)', 404)).toBe(1);
    // Process figures come along (event-loop lag among them).
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});

describe('GET /metrics: the hall floor, the outbox and the process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ now: '2026-11-25T09:10:00+08:00', metrics: metricsOptionsFromEnv({ METRICS: 'on' }, []) });
  });
  afterAll(async () => {
    await t.close();
  });
  const scrape = async () => (await t.app.inject({ url: '/metrics' })).body;

  it('counts refusals by route and code, whatever the route', async () => {
    const walkIn = (serviceId: number) => t.app.inject({ method: 'POST', url: '/api/v1/kiosk/walk-in', payload: { serviceId }, headers: t.kiosk });
    expect((await walkIn(99)).statusCode).toBe(404);
    expect((await walkIn(99)).statusCode).toBe(404);
    const code = (await walkIn(99)).json().code;
    const cancel = await t.app.inject({ method: 'POST', url: '/api/v1/bookings/Y20261125100001/cancel', payload: person(5) });
    const text = await scrape();
    expect(sample(text, `vreserve_refusals_total{route="/api/v1/kiosk/walk-in",code="${code}"}`)).toBe(3);
    expect(sample(text, `vreserve_refusals_total{route="/api/v1/bookings/:number/cancel",code="${cancel.json().code}"}`)).toBe(1);
  });

  it('shows who waits, per hall and service, and for how long', async () => {
    const walkIn = (serviceId: number) => t.app.inject({ method: 'POST', url: '/api/v1/kiosk/walk-in', payload: { serviceId }, headers: t.kiosk });
    for (const serviceId of [1, 1, 1, 2]) expect((await walkIn(serviceId)).statusCode).toBe(201);
    t.setNow('2026-11-25T09:20:00+08:00');
    // Store figures are read at most every 2 s: wait that out after the earlier scrape.
    await new Promise((r) => setTimeout(r, 2_100));
    const text = await scrape();
    expect(sample(text, 'vreserve_queue_waiting{hall="MAIN",service="Y"}')).toBe(3);
    expect(sample(text, 'vreserve_queue_waiting{hall="MAIN",service="H"}')).toBe(1);
    expect(sample(text, 'vreserve_queue_waiting{hall="MAIN",service="F"}')).toBeUndefined();
    expect(sample(text, 'vreserve_queue_longest_wait_seconds{hall="MAIN",service="Y"}')).toBe(600);
  });

  it('shows the text-message backlog and how late its oldest message is', async () => {
    const booked = await t.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { serviceId: 3, date: '2026-11-26', slot: '10:00', ...person(61), notify: true } });
    expect(booked.statusCode).toBe(201);
    t.setNow('2026-11-25T09:25:00+08:00');
    await new Promise((r) => setTimeout(r, 2_100));
    const text = await scrape();
    // The confirmation (due at once, nobody sends in this test) and its reminders (due later).
    expect(sample(text, 'vreserve_notification_backlog{state="queued"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'vreserve_notification_backlog{state="failed"}')).toBe(0);
    expect(sample(text, 'vreserve_notification_oldest_due_seconds')).toBe(300);
  });

  it('shows the webhook backlog', async () => {
    const admin = await t.signIn('admin');
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/admin/webhooks', payload: { url: 'https://receiver.example/in', events: ['ticket.called'] }, headers: admin });
    expect(made.statusCode).toBe(201);
    // A test ping nobody delivers in this test.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/admin/webhooks/${made.json().endpoint.id}/test`, payload: {}, headers: admin })).statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 2_100));
    const text = await scrape();
    expect(sample(text, 'vreserve_webhook_backlog{state="queued"}')).toBe(1);
    expect(sample(text, 'vreserve_webhook_backlog{state="failed"}')).toBe(0);
  });

  it('counts the live streams open in this process', async () => {
    expect(sample(await scrape(), 'vreserve_sse_clients')).toBe(0);
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${address}/api/v1/events/public`, { signal: controller.signal });
    expect(res.status).toBe(200);
    const deadline = Date.now() + 5_000;
    let open = 0;
    while (open !== 1 && Date.now() < deadline) {
      open = sample(await scrape(), 'vreserve_sse_clients') ?? 0;
      if (open !== 1) await new Promise((r) => setTimeout(r, 50));
    }
    expect(open).toBe(1);
    controller.abort();
  });
});
