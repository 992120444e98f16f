// Several counters calling at once on each real database: every ticket is called exactly once,
// and no counter ever holds two open tickets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post } from '../support/http.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

for (const kind of wantedStores()) {
  describe(`counters on ${kind}`, () => {
    let temp: TempDatabase | null = null;
    let t: TestApp | null = null;
    let staff: Record<string, string> = {};

    beforeAll(async () => {
      if (kind !== 'sqlite') {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return;
      }
      t = await makeTestApp({ now: '2026-11-25T10:00:00+08:00', databaseUrl: temp?.url });
      staff = await t.signIn('staff');
      for (const n of [5, 6, 7, 8]) {
        await t.app.inject({ method: 'PUT', url: `/api/v1/counters/${n}`, payload: { name: `${n} 号`, serviceIds: [2] }, headers: staff });
      }
    });
    afterAll(async () => {
      await t?.close();
      await temp?.drop();
    });

    it('4 counters call 30 walk-ins in parallel: each ticket called once', async (c) => {
      if (!t) return c.skip();
      const app = t.app;
      for (let i = 0; i < 30; i++) expect((await post(app, '/api/v1/kiosk/walk-in', { serviceId: 2 }, t.kiosk)).status).toBe(201);
      const calledBy = new Map<string, number>();
      await Promise.all(
        [5, 6, 7, 8].map(async (counter) => {
          for (;;) {
            const res = await post(app, `/api/v1/counters/${counter}/call-next`, {}, staff);
            if (res.body.code === 'QUEUE_EMPTY') return;
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            const number = res.body.ticket.number as string;
            expect(calledBy.has(number), `${number} called twice`).toBe(false);
            calledBy.set(number, counter);
            expect((await post(app, `/api/v1/tickets/${number}/complete`, {}, staff)).status).toBe(200);
          }
        }),
      );
      expect(calledBy.size).toBe(30);
      expect(new Set(calledBy.values()).size).toBeGreaterThan(1);
    });

    it('one counter pressing 叫号 six times at once opens only one ticket', async (c) => {
      if (!t) return c.skip();
      const app = t.app;
      for (let i = 0; i < 6; i++) await post(app, '/api/v1/kiosk/walk-in', { serviceId: 2 }, t.kiosk);
      const results = await Promise.all(Array.from({ length: 6 }, () => post(app, '/api/v1/counters/5/call-next', {}, staff)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.body.code === 'COUNTER_BUSY')).toHaveLength(5);
      const open = await t.store.db.selectFrom('ticket').select('number').where('open_counter_id', 'is not', null).execute();
      expect(open).toHaveLength(1);
    });
  });
}
