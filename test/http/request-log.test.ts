// The request log: one line per answered request, and no ID card number or phone in any line,
// wherever the request put them (body, query, path).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { type Store, openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { createLogger } from '../../src/server/http/logging.js';
import type { App } from '../../src/server/http/types.js';
import { person } from '../support/people.js';
import { TEST_SECRET } from '../support/test-app.js';

const citizen = person(7);

describe('request log', () => {
  let dir: string;
  let store: Store;
  const written: string[] = [];
  const lines = () => written.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const requestLines = () => lines().filter((l) => l.msg === 'request');

  async function appAt(level: string): Promise<App> {
    const logger = createLogger(level, { write: (s: string) => void written.push(s) });
    const app = await buildApp({ store, clock: () => new Date('2026-11-25T08:30:00+08:00'), hallTz: 'Asia/Shanghai', secret: TEST_SECRET, logger, webRoot: join(dir, 'no-web') });
    await app.ready();
    return app;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vreserve-log-'));
    store = openStore(`sqlite:${join(dir, 'test.db')}`);
    await migrateToLatest(store.db);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one line per request, when answered, with its status and time', async () => {
    written.length = 0;
    const app = await appAt('info');
    try {
      const ok = await app.inject({ url: '/api/v1/services?date=2026-11-26' });
      const missing = await app.inject({ url: '/no/such/page' });
      const booked = await app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { serviceId: 1, date: '2026-11-26', slot: '09:00', ...citizen } });
      expect([ok.statusCode, missing.statusCode, booked.statusCode]).toEqual([200, 404, 201]);

      const seen = requestLines();
      expect(seen.map((l) => [l.method, l.url, l.status])).toEqual([
        ['GET', '/api/v1/services?date=2026-11-26', 200],
        ['GET', '/no/such/page', 404],
        ['POST', '/api/v1/bookings', 201],
      ]);
      for (const l of seen) {
        expect(typeof l.ms).toBe('number');
        expect(l.reqId).toEqual(expect.any(String));
        expect(l.ip).toBe('127.0.0.1');
      }
      // Fastify's own pair of lines is gone.
      expect(lines().filter((l) => /incoming request|request completed|not found/.test(String(l.msg)))).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('never carries an ID card number or a phone, from a body, a query or a path', async () => {
    written.length = 0;
    const app = await appAt('info');
    try {
      await app.inject({ method: 'POST', url: '/api/v1/bookings/lookup', payload: citizen });
      await app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { serviceId: 1, date: 'not-a-date', slot: '09:00', ...citizen } });
      await app.inject({ url: `/order/selectAll?idcard=${citizen.idCard}&phone=${citizen.phone}` });
      await app.inject({ url: `/api/v1/bookings/${citizen.idCard}/cancel`, method: 'POST', payload: citizen });
      await app.inject({ url: `/nothing/${citizen.phone}` });

      expect(requestLines()).toHaveLength(5);
      const text = written.join('');
      expect(text).not.toContain(citizen.idCard);
      expect(text).not.toContain(citizen.idCard.slice(0, 17));
      expect(text).not.toContain(citizen.phone);
      expect(requestLines().map((l) => l.url)).toContain('/order/selectAll?idcard=***&phone=***');
    } finally {
      await app.close();
    }
  });

  it('says nothing per request above info', async () => {
    written.length = 0;
    const app = await appAt('warn');
    try {
      expect((await app.inject({ url: '/api/v1/services' })).statusCode).toBe(200);
      expect(requestLines()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
