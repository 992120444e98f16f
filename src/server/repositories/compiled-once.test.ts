import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store, openStore, runNowOf } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrate.js';
import { compiledOnce } from './compiled-once.js';

let dir = '';
let store: Store;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vreserve-compiled-'));
  store = openStore(`sqlite:${join(dir, 'test.db')}`);
  await migrateToLatest(store.db);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a query compiled once', () => {
  const serviceByLetterAndHall = compiledOnce((db, letter: string, hallId: number) =>
    db.selectFrom('service').select(['id', 'letter']).where('letter', '=', letter).where('hall_id', '=', hallId).where('active', '=', 1),
  );

  it('answers each call with its own values, as the query built each time would', async () => {
    for (const letter of ['Y', 'H', 'F', 'S', 'Q']) {
      const built = await store.db.selectFrom('service').select(['id', 'letter']).where('letter', '=', letter).where('hall_id', '=', 1).where('active', '=', 1).execute();
      expect(await serviceByLetterAndHall(store.db, letter, 1)).toEqual(built);
    }
    expect(await serviceByLetterAndHall(store.db, 'Y', 1)).toHaveLength(1);
    expect(await serviceByLetterAndHall(store.db, 'Y', 2)).toEqual([]);
  });

  it('runs on the connection it is given: inside a transaction it sees the transaction’s own writes', async () => {
    await store.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('service').set({ active: 0 }).where('letter', '=', 'Y').execute();
        expect(await serviceByLetterAndHall(trx, 'Y', 1)).toEqual([]);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await serviceByLetterAndHall(store.db, 'Y', 1)).toHaveLength(1);
  });

  it('on SQLite (run on the store’s connection, past Kysely’s executor) each store answers from its own file', async () => {
    // The store and its transactions have the direct path (the rest of this test checks it answers as Kysely would).
    expect(runNowOf(store.db.getExecutor().adapter)).toBeDefined();
    await store.db.transaction().execute(async (trx) => {
      expect(runNowOf(trx.getExecutor().adapter)).toBeDefined();
    });
    const other = openStore(`sqlite:${join(dir, 'other.db')}`);
    try {
      await migrateToLatest(other.db);
      await other.db.updateTable('service').set({ active: 0 }).where('letter', '=', 'Y').execute();
      expect(await serviceByLetterAndHall(other.db, 'Y', 1)).toEqual([]);
      expect(await serviceByLetterAndHall(store.db, 'Y', 1)).toHaveLength(1);
      await other.db.transaction().execute(async (trx) => {
        expect(await serviceByLetterAndHall(trx, 'Y', 1)).toEqual([]);
      });
    } finally {
      await other.close();
    }
    // A closed store's query fails as a rejected promise (not a throw out of the call).
    const call = serviceByLetterAndHall(other.db, 'Y', 1);
    expect(call).toBeInstanceOf(Promise);
    await expect(call).rejects.toThrow();
  });

  it('refuses a builder that does not use an argument as a value of the query', async () => {
    const wrong = compiledOnce((db, _unused: number) => db.selectFrom('service').select('id'));
    await expect(wrong(store.db, 1)).rejects.toThrow(/not a value of the query/);
  });
});
