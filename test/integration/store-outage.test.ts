// While the database cannot be reached (a restart, a failover) every request that needs it is
// answered 503 STORE_UNAVAILABLE with Retry-After, never 500; the process stays up and serves
// again by itself once the database is back. The outage is played by a TCP proxy in front of the
// real PostgreSQL and MariaDB servers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCard, person, phone } from '../support/people.js';
import { type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TcpProxy, startTcpProxy } from '../support/tcp-proxy.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

const DATE = '2026-11-25';

for (const kind of wantedStores().filter((k) => k !== 'sqlite') as ('postgres' | 'mysql')[]) {
  describe(`a ${kind} outage`, () => {
    let temp: TempDatabase | null = null;
    let proxy: TcpProxy | null = null;
    let t: TestApp | null = null;

    beforeAll(async () => {
      temp = await createTempDatabase(kind);
      if (!temp) return;
      proxy = await startTcpProxy(temp.url);
      t = await makeTestApp({ databaseUrl: proxy.via(temp.url) });
    });

    afterAll(async () => {
      await proxy?.restore();
      await t?.close();
      await proxy?.close();
      await temp?.drop();
    });

    const book = (app: TestApp['app'], n: number, lang = 'zh-CN') =>
      app.inject({
        method: 'POST',
        url: '/api/v1/bookings',
        headers: { 'accept-language': lang, 'idempotency-key': `outage-${n}` },
        payload: { serviceId: 1, date: DATE, slot: '10:00', ...person(n) },
      });

    it('answers 503 STORE_UNAVAILABLE with Retry-After while down, and serves again once it is back', async (c) => {
      if (!t || !proxy) return c.skip();
      const { app } = t;
      expect((await book(app, 1)).statusCode).toBe(201);
      await proxy.cut();

      const down = [
        await app.inject({ method: 'GET', url: `/api/v1/services?date=${DATE}` }),
        await book(app, 2),
        await app.inject({ method: 'POST', url: '/api/v1/bookings/lookup', payload: person(1) }),
        await app.inject({ method: 'POST', url: '/api/v1/kiosk/walk-in', headers: t.kiosk, payload: { serviceId: 1 } }),
      ];
      for (const res of down) {
        expect([res.statusCode, res.json().code]).toEqual([503, 'STORE_UNAVAILABLE']);
        expect(res.json().message).toBe('数据库暂时无法访问，请稍后再试');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
      const en = await book(app, 3, 'en');
      expect(en.json()).toEqual({ code: 'STORE_UNAVAILABLE', message: 'The database is temporarily unavailable; please try again shortly' });

      // The seed client's API answers in its own shape, with the same status.
      const legacy = await app.inject({
        method: 'POST',
        url: '/order/insertOne',
        payload: { idcard: idCard(4), phone: phone(4), serviceId: 1, reserveTakeTime: `${DATE} 10:00:00` },
      });
      expect(legacy.statusCode).toBe(503);
      expect(legacy.json().msg).toBe('数据库暂时无法访问，请稍后再试');

      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);

      await proxy.restore();
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      const again = await book(app, 2);
      expect(again.statusCode).toBe(201);
      const services = await app.inject({ method: 'GET', url: `/api/v1/services?date=${DATE}` });
      expect(services.statusCode).toBe(200);
    });

    it('a booking retried with its Idempotency-Key after a 503 is booked once', async (c) => {
      if (!t || !proxy) return c.skip();
      const { app } = t;
      await proxy.cut();
      expect((await book(app, 10)).statusCode).toBe(503);
      await proxy.restore();
      const first = await book(app, 10);
      const retry = await book(app, 10);
      expect([first.statusCode, retry.statusCode]).toEqual([201, 200]);
      expect(retry.json().booking.number).toBe(first.json().booking.number);
    });
  });
}
