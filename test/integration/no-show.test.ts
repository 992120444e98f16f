// 爽约 and unused places on every real database, with two apps (two workers) on one store:
// a slot's places are released exactly once while walk-ins and readers race, the walk-in quota is
// never passed, late check-ins are never refused; blocks and lifts read the same everywhere.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

for (const kind of wantedStores()) {
  describe(`store: ${kind}`, () => {
    let temp: TempDatabase | null = null;
    let dir: string | null = null;
    let a: TestApp | null = null;
    let b: TestApp | null = null;

    beforeAll(async () => {
      let url: string;
      if (kind === 'sqlite') {
        dir = mkdtempSync(join(tmpdir(), 'vreserve-noshow-'));
        url = `sqlite:${join(dir, 'store.db')}`;
      } else {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return;
        url = temp.url;
      }
      // Monday 2026-11-23, before the hall opens; two apps on one store, as two workers.
      a = await makeTestApp({ now: '2026-11-23T08:30:00+08:00', databaseUrl: url });
      // better-sqlite3 waits for a lock synchronously, so two apps on one file in one process would
      // block each other's event loop: SQLite's workers are separate processes (test/integration/workers).
      b = kind === 'sqlite' ? a : await makeTestApp({ now: '2026-11-23T08:30:00+08:00', databaseUrl: url });
    });
    afterAll(async () => {
      if (b !== a) await b?.close();
      await a?.close();
      await temp?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
    const setNow = (iso: string) => {
      a?.setNow(iso);
      b?.setNow(iso);
    };

    it('a slot is released exactly once while two workers read and issue walk-ins in parallel; late check-ins are never refused', async (c) => {
      if (!a || !b) return c.skip();
      const [x, y] = [a, b];
      // Service 2 has no walk-in numbers of its own today: only released places can be issued.
      await x.store.db.insertInto('walk_in_inventory').values({ service_id: 2, date: '2026-11-23', quota: 0, issued: 0 }).execute();
      for (let n = 1; n <= 8; n++) {
        const res = await post(x.app, '/api/v1/bookings', bookingBody(person(n), { serviceId: 2, date: '2026-11-23', slot: '09:00' }));
        expect(res.status).toBe(201);
      }
      expect((await post(x.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, x.kiosk)).status).toBe(200);
      setNow('2026-11-23T09:20:00+08:00');
      const results = await Promise.all(
        Array.from({ length: 24 }, (_, i) => {
          const t = i % 2 === 0 ? x : y;
          return i % 3 === 0 ? get(t.app, '/api/v1/services', t.kiosk) : post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 2 }, t.kiosk);
        }),
      );
      const walkIns = results.filter((r, i) => i % 3 !== 0 && r);
      expect(walkIns.filter((r) => r.status === 201)).toHaveLength(7);
      expect(walkIns.filter((r) => r.body.code === 'WALK_IN_FULL')).toHaveLength(16 - 7);
      const row = await x.store.db.selectFrom('walk_in_inventory').selectAll().where('service_id', '=', 2).where('date', '=', '2026-11-23').executeTakeFirstOrThrow();
      expect({ quota: Number(row.quota), issued: Number(row.issued), released: Number(row.released) }).toEqual({ quota: 7, issued: 7, released: 7 });
      const slot = await x.store.db.selectFrom('slot_inventory').selectAll().where('service_id', '=', 2).where('slot_start', '=', '09:00').executeTakeFirstOrThrow();
      expect(Number(slot.released)).toBe(7);

      // Latecomers, at once on both workers: every place went to walk-ins, and each is checked in.
      setNow('2026-11-23T09:40:00+08:00');
      const late = await Promise.all([2, 3, 4].map((n, i) => post((i % 2 ? y : x).app, '/api/v1/kiosk/check-in', { idCard: person(n).idCard }, x.kiosk)));
      expect(late.map((r) => r.status)).toEqual([200, 200, 200]);
      expect((await checkInvariants(x.store.db)).problems).toEqual([]);
    });

    it('late check-ins racing walk-ins for released places never pass the quota', async (c) => {
      if (!a || !b) return c.skip();
      const [x, y] = [a, b];
      setNow('2026-11-23T08:30:00+08:00');
      await x.store.db.insertInto('walk_in_inventory').values({ service_id: 3, date: '2026-11-23', quota: 0, issued: 0 }).execute();
      for (let n = 11; n <= 16; n++) {
        expect((await post(x.app, '/api/v1/bookings', bookingBody(person(n), { serviceId: 3, date: '2026-11-23', slot: '09:00' }))).status).toBe(201);
      }
      setNow('2026-11-23T09:30:00+08:00');
      expect((await get(y.app, '/api/v1/services', y.kiosk)).body.services[2].walkIn).toMatchObject({ quota: 6, released: 6 });
      const results = await Promise.all([
        ...[11, 12, 13].map((n, i) => post((i % 2 ? y : x).app, '/api/v1/kiosk/check-in', { idCard: person(n).idCard }, x.kiosk)),
        ...Array.from({ length: 6 }, (_, i) => post((i % 2 ? x : y).app, '/api/v1/kiosk/walk-in', { serviceId: 3 }, x.kiosk)),
      ]);
      expect(results.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
      const issued = results.slice(3).filter((r) => r.status === 201).length;
      const row = await x.store.db.selectFrom('walk_in_inventory').selectAll().where('service_id', '=', 3).where('date', '=', '2026-11-23').executeTakeFirstOrThrow();
      // Walk-ins plus places taken back by latecomers never exceed what was released.
      expect(issued + Number(row.reclaimed)).toBeLessThanOrEqual(6);
      expect(issued).toBeGreaterThanOrEqual(3);
      expect(Number(row.issued)).toBe(issued);
      expect(Number(row.quota)).toBe(6 - Number(row.reclaimed));
      expect((await checkInvariants(x.store.db)).problems).toEqual([]);
    });

    it('blocks and lifts read the same from both workers', async (c) => {
      if (!a || !b) return c.skip();
      const [x, y] = [a, b];
      setNow('2026-11-23T08:30:00+08:00');
      const admin = await x.signIn('admin');
      const put = await x.app.inject({
        method: 'PUT',
        url: '/api/v1/admin/no-show/rule',
        payload: { limit: 2, windowDays: 90, blockDays: 30, lateCancel: false, lateCancelMinutes: 60 },
        headers: admin,
      });
      expect(put.statusCode).toBe(200);
      const p = person(50);
      for (const serviceId of [1, 4]) expect((await post(x.app, '/api/v1/bookings', bookingBody(p, { serviceId, date: '2026-11-23', slot: '11:00' }))).status).toBe(201);
      setNow('2026-11-23T12:00:00+08:00');
      const tries = await Promise.all([x, y, x, y].map((t) => post(t.app, '/api/v1/bookings', bookingBody(p, { date: '2026-11-24', slot: '10:00' }))));
      expect(tries.map((r) => r.body.code)).toEqual(Array(4).fill('BOOKING_BLOCKED'));
      expect(tries[0]?.body.details).toMatchObject({ until: '2026-12-23', count: 2 });
      const blocked = (await get(y.app, '/api/v1/admin/no-show/blocked', admin)).body.people;
      expect(blocked).toHaveLength(1);
      const lift = await post(y.app, '/api/v1/admin/no-show/lift', { personKey: blocked[0].personKey, reason: '核实为系统原因' }, admin);
      expect(lift.status).toBe(200);
      expect((await post(x.app, '/api/v1/bookings/eligibility', { serviceId: 1, ...p })).status).toBe(200);
      expect((await post(y.app, '/api/v1/bookings', bookingBody(p, { date: '2026-11-24', slot: '10:00' }))).status).toBe(201);
      const audit = await x.store.db.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'no_show.lift').execute();
      expect(audit).toEqual([{ action: 'no_show.lift', target: blocked[0].idCardMasked }]);
    });
  });
}
