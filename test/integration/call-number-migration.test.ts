// A hall upgraded mid-day: tickets issued before call numbers existed get them, in the order they
// were issued, per issuing service and day; the next ticket carries on from there.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely/migration';
import { afterAll, describe, expect, it } from 'vitest';
import { type Store, openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { migrations } from '../../src/server/db/migrations/index.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';

const BEFORE = '2026120201-booking-request-fingerprint';

for (const kind of wantedStores()) {
  describe(`call numbers for tickets issued before the upgrade (${kind})`, () => {
    let temp: TempDatabase | null = null;
    let store: Store | null = null;
    afterAll(async () => {
      await store?.close();
      await temp?.drop();
    });

    it('numbers them in issue order per issuing service and day, and carries on from there', async (c) => {
      if (kind === 'sqlite') {
        store = openStore(`sqlite:${join(mkdtempSync(join(tmpdir(), 'vreserve-mig-')), 'old.db')}`);
      } else {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return c.skip();
        store = openStore(temp.url);
      }
      const db = store.db;
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const { error } = await migrator.migrateTo(BEFORE);
      expect(error).toBeUndefined();
      const ticket = (number: string, serviceId: number, queuedAt: string, transferredFrom: number | null = null) => ({
        number,
        service_id: serviceId,
        date: number.slice(1, 9).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3'),
        kind: 'walk_in',
        booking_id: null,
        slot_start: null,
        slot_end: null,
        status: 'waiting',
        queued_at: queuedAt,
        updated_at: queuedAt,
        transferred_from: transferredFrom,
      });
      // Inserted out of issue order; one Y ticket was transferred to H before the upgrade.
      const rows = [
        ticket('Y20261125091502', 1, '2026-11-25T01:15:30.000Z'),
        ticket('Y20261125090001', 2, '2026-11-25T01:00:10.000Z', 1),
        ticket('H20261125091001', 2, '2026-11-25T01:10:00.000Z'),
        ticket('Y20261125091001', 1, '2026-11-25T01:10:05.000Z'),
        ticket('Y20261126090001', 1, '2026-11-26T01:00:00.000Z'),
      ];
      // The table as it was before this release (no call_number yet).
      for (const r of rows) await (db as any).insertInto('ticket').values(r).execute();

      await migrateToLatest(db);
      const numbered = await db.selectFrom('ticket').select(['number', 'call_number']).orderBy('number').execute();
      expect(Object.fromEntries(numbered.map((r) => [r.number, r.call_number]))).toEqual({
        H20261125091001: 'H001',
        Y20261125090001: 'Y001',
        Y20261125091001: 'Y002',
        Y20261125091502: 'Y003',
        Y20261126090001: 'Y001',
      });
      const counters = await db.selectFrom('number_counter').selectAll().where('time', '=', 'call').orderBy('service_id').orderBy('date').execute();
      expect(counters.map((r) => [r.service_id, r.date, Number(r.last_order)])).toEqual([
        [1, '2026-11-25', 3],
        [1, '2026-11-26', 1],
        [2, '2026-11-25', 1],
      ]);
    });
  });
}
