// 优先 tickets on each real database: the same call order on every store, the bound of 3 passes in
// a row kept while 4 counters call at once, and the 绿色通道 reserve never over its 5 numbers under
// concurrent walk-ins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeIdCard } from '../../src/domain/id-card.js';
import { DEFAULT_PRIORITY_MAX_PASSES } from '../../src/domain/priority.js';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { post } from '../support/http.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

const ELDERLY = composeIdCard('11010519501231004');

for (const kind of wantedStores()) {
  describe(`优先 tickets on ${kind}`, () => {
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

    const walkIn = (app: TestApp, serviceId: number, body: Record<string, unknown> = {}) => post(app.app, '/api/v1/kiosk/walk-in', { serviceId, ...body }, app.kiosk);

    it('one counter calls in the same order as every store: 3 priority tickets, the normal one they passed, then the next', async (c) => {
      if (!t) return c.skip();
      const plan = [null, 'elderly', 'disabled', 'pregnant', 'military', null, 'elderly'];
      const numbers: string[] = [];
      for (const group of plan) {
        const res = await walkIn(t, 1, group === 'elderly' ? { idCard: ELDERLY } : group ? { priority: group } : {});
        expect(res.status).toBe(201);
        expect(res.body.ticket.priority).toBe(group);
        numbers.push(res.body.ticket.number);
      }
      const called: string[] = [];
      for (let i = 0; i < plan.length; i++) {
        const res = await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        called.push(res.body.ticket.number);
        expect((await post(t.app, `/api/v1/tickets/${res.body.ticket.number}/complete`, {}, staff)).status).toBe(200);
      }
      const n = (i: number) => numbers[i] as string;
      expect(called).toEqual([n(1), n(2), n(3), n(0), n(4), n(6), n(5)]);
    });

    it('4 counters calling at once: each ticket once, and no normal ticket passed more than 3 times in a row', async (c) => {
      if (!t) return c.skip();
      const app = t;
      // 10 normal, then 20 priority, interleaved: priority tickets keep coming behind the normal ones.
      const priorityOf = new Map<string, boolean>();
      const arrival = new Map<string, number>();
      for (let i = 0; i < 30; i++) {
        const isPriority = i % 3 !== 0;
        const res = await walkIn(app, 2, isPriority ? { priority: 'disabled' } : {});
        expect(res.status).toBe(201);
        priorityOf.set(res.body.ticket.number, isPriority);
        arrival.set(res.body.ticket.number, i);
      }
      const firstEvent = await app.store.db.selectFrom('event').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
      const calledBy = new Map<string, number>();
      await Promise.all(
        [5, 6, 7, 8].map(async (counter) => {
          for (;;) {
            const res = await post(app.app, `/api/v1/counters/${counter}/call-next`, {}, staff);
            if (res.body.code === 'QUEUE_EMPTY') return;
            expect(res.status, JSON.stringify(res.body)).toBe(200);
            const number = res.body.ticket.number as string;
            expect(calledBy.has(number), `${number} called twice`).toBe(false);
            calledBy.set(number, counter);
            expect((await post(app.app, `/api/v1/tickets/${number}/complete`, {}, staff)).status).toBe(200);
          }
        }),
      );
      expect(calledBy.size).toBe(30);
      // The calls in the order they were decided: the waiting tickets are held while a call is made,
      // so the outbox's event ids follow the calls.
      const calls = await app.store.db
        .selectFrom('event')
        .select(['id', 'payload'])
        .where('type', '=', 'ticket.called')
        .where('id', '>', Number(firstEvent?.id ?? 0))
        .orderBy('id')
        .execute();
      expect(calls).toHaveLength(30);
      const done = new Set<string>();
      const row = new Map<string, number>();
      let passes = 0;
      for (const { payload } of calls) {
        const n = (JSON.parse(payload) as { number: string }).number;
        done.add(n);
        if (!priorityOf.get(n)) {
          row.clear();
          continue;
        }
        for (const [other, isPriority] of priorityOf) {
          if (isPriority || done.has(other) || (arrival.get(other) as number) > (arrival.get(n) as number)) continue;
          row.set(other, (row.get(other) ?? 0) + 1);
          passes++;
          expect(row.get(other), `${other} passed too often in a row`).toBeLessThanOrEqual(DEFAULT_PRIORITY_MAX_PASSES);
        }
      }
      expect(passes).toBeGreaterThan(0);
    });

    it('绿色通道 under concurrent walk-ins: never more than the 5 reserved numbers beyond the quota', async (c) => {
      if (!t) return c.skip();
      const app = t;
      // Service 3's quota, used up first (its walk-in quota is read from the store).
      let issued = 0;
      for (;;) {
        const res = await walkIn(app, 3);
        if (res.body.code === 'WALK_IN_FULL') break;
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        issued++;
      }
      const results = await Promise.all(Array.from({ length: 14 }, (_, i) => walkIn(app, 3, i % 2 === 0 ? { idCard: ELDERLY } : {})));
      expect(results.filter((r) => r.status === 201)).toHaveLength(5);
      expect(results.filter((r) => r.status === 201).every((r) => r.body.ticket.priority === 'elderly')).toBe(true);
      expect(results.filter((r) => r.body.code === 'WALK_IN_FULL')).toHaveLength(9);
      const row = await app.store.db
        .selectFrom('walk_in_inventory')
        .select(['issued', 'quota', 'priority_issued', 'priority_reserve'])
        .where('service_id', '=', 3)
        .where('date', '=', '2026-11-25')
        .executeTakeFirstOrThrow();
      expect({ issued: Number(row.issued), priorityIssued: Number(row.priority_issued), reserve: Number(row.priority_reserve) }).toEqual({
        issued,
        priorityIssued: 5,
        reserve: 5,
      });
      expect((await checkInvariants(app.store.db)).problems).toEqual([]);
    });
  });
}
