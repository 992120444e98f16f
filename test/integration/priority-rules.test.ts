// 优先 per hall on each real database: the rule's round trip through the repository, the migration
// stepping back and forth, a hall with 老年人 off, and the hall's 绿色通道 reserve under concurrent
// walk-ins after the admin changed it.
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeIdCard } from '../../src/domain/id-card.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { migrations } from '../../src/server/db/migrations/index.js';
import { findPriorityRule, savePriorityRule } from '../../src/server/repositories/priority.repository.js';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { priorityOf } from '../../src/server/services/priority.service.js';
import { post } from '../support/http.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

/** Born 1951-11-25: 75 on 2026-11-25. */
const SEVENTY_FIVE = composeIdCard('11010519511125003');
const ALL = ['elderly', 'disabled', 'pregnant', 'military'] as const;
const RULE = { groups: [...ALL], age: 70, maxPasses: 3, maxExtraMinutes: 15, reserve: 5 };

for (const kind of wantedStores()) {
  describe(`优先 rules per hall on ${kind}`, () => {
    let temp: TempDatabase | null = null;
    let t: TestApp | null = null;
    let admin: Record<string, string> = {};

    beforeAll(async () => {
      if (kind !== 'sqlite') {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return;
      }
      t = await makeTestApp({ now: '2026-11-25T10:00:00+08:00', databaseUrl: temp?.url });
      admin = await t.signIn('admin');
    });
    afterAll(async () => {
      await t?.close();
      await temp?.drop();
    });

    const walkIn = (app: TestApp, serviceId: number, body: Record<string, unknown> = {}) => post(app.app, '/api/v1/kiosk/walk-in', { serviceId, ...body }, app.kiosk);
    const setRule = async (app: TestApp, over: Partial<typeof RULE>) => {
      const res = await app.app.inject({ method: 'PUT', url: '/api/v1/admin/priority/rule', payload: { ...RULE, ...over }, headers: admin });
      expect(res.statusCode, res.body).toBe(200);
    };

    it('the repository keeps a hall’s rule and changes it in place; a hall without one gets the defaults', async (c) => {
      if (!t) return c.skip();
      const db = t.store.db;
      expect(await findPriorityRule(db, 7)).toBeUndefined();
      expect(await priorityOf(t.ctx, 7)).toMatchObject(RULE);
      const rule = { groups: ['disabled', 'military'] as const, age: 65, maxPasses: 0, maxExtraMinutes: 480, reserve: 0 };
      await savePriorityRule(db, 7, rule, '2026-11-25T02:00:00.000Z', 'boss');
      expect(await findPriorityRule(db, 7)).toEqual(rule);
      await savePriorityRule(db, 7, { ...rule, groups: ['elderly'], reserve: 1000 }, '2026-11-25T02:01:00.000Z', 'boss');
      expect(await priorityOf(t.ctx, 7)).toEqual({ ...rule, groups: ['elderly'], reserve: 1000 });
      expect(await db.selectFrom('priority_rule').select('hall_id').where('hall_id', '=', 7).execute()).toHaveLength(1);
      await db.deleteFrom('priority_rule').where('hall_id', '=', 7).execute();
    });

    it('a hall with 老年人 off issues a normal ticket to a 75-year-old; on again, 优先 · 老年人', async (c) => {
      if (!t) return c.skip();
      await setRule(t, { groups: ['disabled', 'pregnant', 'military'] });
      const off = await walkIn(t, 1, { idCard: SEVENTY_FIVE });
      expect(off.status, JSON.stringify(off.body)).toBe(201);
      expect(off.body.ticket.priority).toBeNull();
      await setRule(t, {});
      expect((await walkIn(t, 1, { idCard: SEVENTY_FIVE })).body.ticket.priority).toBe('elderly');
    });

    it('the hall’s 绿色通道 reserve under concurrent walk-ins: exactly the reserve set by the admin, never more', async (c) => {
      if (!t) return c.skip();
      const app = t;
      for (;;) {
        const res = await walkIn(app, 4);
        if (res.body.code === 'WALK_IN_FULL') break;
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
      await setRule(app, { reserve: 2 });
      const results = await Promise.all(Array.from({ length: 8 }, () => walkIn(app, 4, { idCard: SEVENTY_FIVE })));
      expect(results.filter((r) => r.status === 201)).toHaveLength(2);
      expect(results.filter((r) => r.body.code === 'WALK_IN_FULL')).toHaveLength(6);
      const row = await app.store.db
        .selectFrom('walk_in_inventory')
        .select(['priority_issued', 'priority_reserve'])
        .where('service_id', '=', 4)
        .where('date', '=', '2026-11-25')
        .executeTakeFirstOrThrow();
      expect([Number(row.priority_issued), Number(row.priority_reserve)]).toEqual([2, 2]);
      expect((await checkInvariants(app.store.db)).problems).toEqual([]);
    });

    it('the migration steps back (the table goes) and forth', async (c) => {
      if (!t) return c.skip();
      const db = t.store.db;
      const names = Object.keys(migrations);
      const index = names.indexOf('2026121201-priority-rules');
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(names[index - 1] as string);
      expect(error).toBeUndefined();
      await expect(db.selectFrom('priority_rule').selectAll().execute()).rejects.toThrow();
      await migrateToLatest(db);
      expect(await db.selectFrom('priority_rule').selectAll().execute()).toEqual([]);
    });
  });
}
