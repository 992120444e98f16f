// Issue 12: a store made before public tokens gets one for every booking and walk-in (in batches),
// a check-in ticket takes its booking's, and their pages and the QR check-in work at once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely/migration';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { type Store, openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { migrations } from '../../src/server/db/migrations/index.js';
import { tokenHash } from '../../src/server/services/auth.service.js';
import { createPiiHasher } from '../../src/server/services/pii.js';
import { get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { TEST_SECRET } from '../support/test-app.js';

const BEFORE_TOKENS = '2026120401-notifications';
/** More than two batches of the migration (500 rows each). */
const BOOKINGS = 1203;
const TOKEN_RE = /^[A-Za-z0-9_-]{22}$/;

for (const kind of wantedStores()) {
  describe(`public tokens for an existing store (${kind})`, () => {
    let temp: TempDatabase | null = null;
    let store: Store | null = null;
    afterAll(async () => {
      await store?.close();
      await temp?.drop();
    });

    it('every booking and walk-in gets a unique token; a check-in ticket its booking’s', async (c) => {
      if (kind === 'sqlite') {
        store = openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'vreserve-tokens-')), 'old.db')}`);
      } else {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return c.skip();
        store = openStore(temp.url);
      }
      const db = store.db as any;
      const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo(BEFORE_TOKENS);
      expect(error).toBeUndefined();

      const pii = createPiiHasher(TEST_SECRET);
      const p = person(1);
      const at = '2026-11-25T00:30:00.000Z';
      await db.insertInto('person').values({ id_hash: pii.idCard(p.idCard), id_masked: '110105********0011', lock_version: 0, created_at: at, updated_at: at }).execute();
      const personId = Number((await db.selectFrom('person').select('id').executeTakeFirstOrThrow()).id);
      const booking = (i: number) => ({
        hall_id: 1,
        number: `Y20261125${i === 0 ? '0900' : '1000'}${String(i + 1).padStart(4, '0')}`,
        service_id: 1,
        date: '2026-11-25',
        slot_start: i === 0 ? '09:00' : '10:00',
        slot_end: i === 0 ? '10:00' : '11:00',
        person_id: personId,
        id_hash: i === 0 ? pii.idCard(p.idCard) : `h${i}`,
        id_masked: `110105********${p.idCard.slice(-4)}`,
        phone_hash: `p${i}`,
        phone_masked: '138****0001',
        status: i === 0 ? 'checked_in' : 'booked',
        created_at: at,
        updated_at: at,
        checked_in_at: i === 0 ? at : null,
      });
      for (let from = 0; from < BOOKINGS; from += 200) {
        const rows = Array.from({ length: Math.min(200, BOOKINGS - from) }, (_, k) => booking(from + k));
        await db.insertInto('booking').values(rows).execute();
      }
      const first = await db.selectFrom('booking').select(['id', 'number']).orderBy('id').executeTakeFirstOrThrow();
      const ticket = (over: object) => ({
        hall_id: 1,
        service_id: 1,
        issued_service_id: 1,
        date: '2026-11-25',
        status: 'waiting',
        queued_at: at,
        updated_at: at,
        ...over,
      });
      await db
        .insertInto('ticket')
        .values([
          ticket({ number: first.number, call_number: 'Y001', kind: 'booking', booking_id: first.id, slot_start: '09:00', slot_end: '10:00' }),
          ticket({ number: 'Y20261125091501', call_number: 'Y002', kind: 'walk_in', booking_id: null, slot_start: null, slot_end: null }),
        ])
        .execute();
      // The call numbers given so far (as the release before wrote them with its tickets).
      await db.insertInto('number_counter').values({ service_id: 1, date: '2026-11-25', time: 'call', last_order: 2 }).execute();
      await db.insertInto('device').values({ hall_id: 1, kind: 'kiosk', name: '取号机 1', token_hash: tokenHash('old-kiosk'), created_at: at }).execute();

      await migrateToLatest(store.db);

      const bookings = await store.db.selectFrom('booking').select(['id', 'public_token']).execute();
      expect(bookings).toHaveLength(BOOKINGS);
      expect(bookings.every((b) => TOKEN_RE.test(b.public_token ?? ''))).toBe(true);
      expect(new Set(bookings.map((b) => b.public_token)).size).toBe(BOOKINGS);
      const tickets = await store.db.selectFrom('ticket').select(['kind', 'booking_id', 'public_token']).orderBy('id').execute();
      const firstToken = bookings.find((b) => b.id === Number(first.id))?.public_token;
      expect(tickets[0]?.public_token).toBe(firstToken);
      expect(tickets[1]?.public_token).toMatch(TOKEN_RE);
      expect(new Set(bookings.map((b) => b.public_token)).has(tickets[1]?.public_token ?? null)).toBe(false);
      // The unique indexes stand behind them.
      await expect(
        store.db.updateTable('booking').set({ public_token: firstToken }).where('id', '!=', Number(first.id)).where('status', '=', 'booked').execute(),
      ).rejects.toThrow();

      const app = await buildApp({ store, clock: () => new Date('2026-11-25T09:40:00+08:00'), hallTz: 'Asia/Shanghai', secret: TEST_SECRET, readCacheMs: 0 });
      try {
        expect((await get(app, `/api/v1/t/${firstToken}`)).body).toMatchObject({ state: 'waiting', callNumber: 'Y001' });
        expect((await get(app, `/api/v1/t/${tickets[1]?.public_token}`)).body).toMatchObject({ state: 'waiting', kind: 'walk_in' });
        const second = bookings.find((b) => b.id !== Number(first.id)) as { public_token: string };
        const kiosk = { authorization: 'Bearer old-kiosk' };
        const checkIn = await post(app, '/api/v1/kiosk/check-in', { token: second.public_token, idCardLast4: p.idCard.slice(-4) }, kiosk);
        expect(checkIn.status).toBe(200);
        expect(checkIn.body.tickets[0].publicToken).toBe(second.public_token);
      } finally {
        await app.close();
      }

      // Down and up again: the columns go, and come back with fresh tokens.
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo(BEFORE_TOKENS)).error).toBeUndefined();
      const columns = (await store.db.introspection.getTables()).find((x) => x.name === 'booking')?.columns.map((c) => c.name);
      expect(columns).not.toContain('public_token');
      await migrateToLatest(store.db);
      const again = await store.db.selectFrom('booking').select('public_token').execute();
      expect(again.every((b) => TOKEN_RE.test(b.public_token ?? ''))).toBe(true);
    });
  });
}
