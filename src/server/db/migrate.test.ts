// What a release does with a schema it did not make: newer (a rolling upgrade under way) is
// served as it is; from another line of releases is refused; its own is brought up to date once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Store, openStore } from './dialect.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

const NEWER = '2099123100-a-newer-release';
let store: Store;

beforeEach(() => {
  store = openStore('sqlite::memory:');
});
afterEach(() => store.close());

async function recordMigration(name: string): Promise<void> {
  await store.db
    .insertInto('kysely_migration' as never)
    .values({ name, timestamp: new Date().toISOString() } as never)
    .execute();
}

describe('migrateToLatest', () => {
  it('applies every migration once, and nothing the second time', async () => {
    const first = await migrateToLatest(store.db);
    expect(first.map((r) => `${r.migrationName} ${r.status}`)).toEqual(Object.keys(migrations).map((n) => `${n} Success`));
    expect(await migrateToLatest(store.db)).toEqual([]);
  });

  it('serves a schema a newer release migrated, and says which migrations it does not know', async () => {
    await migrateToLatest(store.db);
    await recordMigration(NEWER);
    const told: string[][] = [];
    expect(await migrateToLatest(store.db, { onNewerSchema: (unknown) => told.push(unknown) })).toEqual([]);
    expect(told).toEqual([[NEWER]]);
  });

  it('refuses a store with migrations it does not know that lacks some of its own', async () => {
    await migrateToLatest(store.db);
    const [last] = Object.keys(migrations).slice(-1);
    await store.db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', last as never)
      .execute();
    await recordMigration(NEWER);
    await expect(migrateToLatest(store.db, { onNewerSchema: () => {} })).rejects.toThrow(
      `the store holds migrations this release does not know (${NEWER}) but lacks some of its own (${last}); it was migrated by another line of releases`,
    );
  });

  it('leaves nothing behind when a migration fails on SQLite (the run is one transaction)', async () => {
    // A table in the way of the first migration: it fails, and kysely_migration stays empty.
    await store.db.schema.createTable('service').addColumn('x', 'integer').execute();
    await expect(migrateToLatest(store.db)).rejects.toThrow(/^migration 2026112401-core failed: /);
    const tables = (await store.db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name);
    expect(tables).toEqual(['service']);
  });
});
