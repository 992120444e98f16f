// Issue 11: a store made by the one-hall release becomes the first hall of a city. Nothing is
// lost or renumbered; staff and devices keep working; a second hall can then take the same
// service letters and counter numbers, with numbers that can never collide.
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
import { checkInvariants } from '../../src/server/services/check.service.js';
import { hashPassword } from '../../src/server/services/password.js';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { TEST_SECRET } from '../support/test-app.js';
import { createPiiHasher } from '../../src/server/services/pii.js';

const ONE_HALL_RELEASE = '2026120210-ticket-issuing-service';

for (const kind of wantedStores()) {
  describe(`a one-hall store becomes the first hall (${kind})`, () => {
    let temp: TempDatabase | null = null;
    let store: Store | null = null;
    afterAll(async () => {
      await store?.close();
      await temp?.drop();
    });

    it('keeps every booking, ticket, account and device, and a new hall works beside it', async (c) => {
      if (kind === 'sqlite') {
        store = openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'vreserve-halls-')), 'old.db')}`);
      } else {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return c.skip();
        store = openStore(temp.url);
      }
      const db = store.db as any;
      const { error } = await new Migrator({
        db,
        provider: { getMigrations: async () => migrations },
      }).migrateTo(ONE_HALL_RELEASE);
      expect(error).toBeUndefined();

      // What the one-hall release wrote: a booking checked in, its ticket, an admin, a kiosk, an event.
      const pii = createPiiHasher(TEST_SECRET);
      const p = person(1);
      const at = '2026-11-25T00:30:00.000Z';
      await db
        .insertInto('person')
        .values({
          id_hash: pii.idCard(p.idCard),
          id_masked: '110105********0011',
          lock_version: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      const personId = Number((await db.selectFrom('person').select('id').executeTakeFirstOrThrow()).id);
      const booking = {
        number: 'Y20261125090001',
        service_id: 1,
        date: '2026-11-25',
        slot_start: '09:00',
        slot_end: '09:30',
        person_id: personId,
        id_hash: pii.idCard(p.idCard),
        id_masked: '110105********0011',
        phone_hash: pii.phone(p.phone),
        phone_masked: '138****0001',
        status: 'booked',
        created_at: at,
        updated_at: at,
      };
      await db.insertInto('booking').values(booking).execute();
      await db
        .insertInto('slot_inventory')
        .values({
          service_id: 1,
          date: '2026-11-25',
          slot_start: '09:00',
          slot_end: '09:30',
          capacity: 10,
          reserved: 1,
        })
        .execute();
      await db
        .insertInto('number_counter')
        .values({
          service_id: 1,
          date: '2026-11-25',
          time: '09:00',
          last_order: 1,
        })
        .execute();
      await db
        .insertInto('staff')
        .values({
          username: 'boss',
          display_name: '老板',
          password_hash: await hashPassword('Boss-pass-123'),
          role: 'admin',
          active: 1,
          must_change_password: 0,
          failed_logins: 0,
          locked_until: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await db
        .insertInto('device')
        .values({
          kind: 'kiosk',
          name: '取号机 1',
          token_hash: tokenHash('old-kiosk-token'),
          created_at: at,
          revoked_at: null,
          last_seen_at: null,
        })
        .execute();
      await db
        .insertInto('event')
        .values({
          type: 'booking.created',
          service_id: 1,
          date: '2026-11-25',
          payload: '{}',
          created_at: at,
        })
        .execute();

      await migrateToLatest(store.db);
      expect((await checkInvariants(store.db)).problems).toEqual([]);
      const halls = await store.db.selectFrom('hall').selectAll().execute();
      expect(halls.map((h) => [h.code, h.number_prefix])).toEqual([['MAIN', '']]);
      expect(await store.db.selectFrom('staff').select(['role', 'hall_id']).executeTakeFirstOrThrow()).toEqual({ role: 'city_admin', hall_id: null });

      let now = Date.parse('2026-11-25T08:40:00+08:00');
      const app = await buildApp({
        store,
        clock: () => new Date(now),
        hallTz: 'Asia/Shanghai',
        secret: TEST_SECRET,
        readCacheMs: 0,
      });
      try {
        // The booking is there under its number, and the old kiosk checks it in.
        const mine = await post(app, '/api/v1/bookings/lookup', p);
        expect(mine.body.bookings).toEqual([
          expect.objectContaining({
            number: 'Y20261125090001',
            hallCode: 'MAIN',
            status: 'booked',
          }),
        ]);
        const kiosk = { authorization: 'Bearer old-kiosk-token' };
        const ticket = await post(app, '/api/v1/kiosk/check-in', { idCard: p.idCard }, kiosk);
        expect(ticket.body.tickets[0]).toMatchObject({
          number: 'Y20261125090001',
          callNumber: 'Y001',
        });
        // The admin of the one-hall store is now a city admin and opens a second hall.
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'boss', password: 'Boss-pass-123' },
        });
        const cookie = {
          cookie: `vr_session=${login.cookies.find((x) => x.name === 'vr_session')?.value}`,
          'sec-fetch-site': 'same-origin',
        };
        expect(login.json().staff).toMatchObject({
          role: 'city_admin',
          hall: null,
        });
        expect((await post(app, '/api/v1/admin/halls', { code: 'CD', nameZh: '城东大厅' }, cookie)).status).toBe(201);
        const east = (await get(app, '/api/v1/halls/CD/services')).body.services;
        expect(east.map((s: { letter: string }) => s.letter)).toEqual(['Y', 'H', 'F', 'S']);
        const there = await post(app, '/api/v1/bookings', bookingBody(person(2), { serviceId: east[0].id }));
        expect(there.body.booking.number).toBe('CD-Y20261125090001');
        const here = await post(app, '/api/v1/bookings', bookingBody(person(3)));
        expect(here.body.booking.number).toBe('Y20261125090002');
        now = Date.parse('2026-11-25T08:45:00+08:00');
        const counters = await store.db.selectFrom('counter').select(['hall_id', 'number']).orderBy('hall_id').orderBy('number').execute();
        expect(counters.map((r) => `${r.hall_id}:${r.number}`)).toEqual(['1:1', '1:2', '1:3', '1:4', '2:1', '2:2', '2:3', '2:4']);
        expect((await checkInvariants(store.db)).problems).toEqual([]);
      } finally {
        await app.close();
      }
    });
  });
}
