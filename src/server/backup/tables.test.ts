// The backup's table list against the tables the migrations create: every table is either backed
// up or deliberately skipped, and every table's parents (foreign keys) are restored before it.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store, openStore } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrate.js';
import { storedTables } from '../repositories/backup.repository.js';
import { BACKUP_TABLES, MIGRATION_TABLES, SKIPPED_TABLES } from './tables.js';

let store: Store;
beforeAll(async () => {
  store = openStore('sqlite::memory:');
  await migrateToLatest(store.db);
});
afterAll(() => store.close());

describe('the tables a backup holds', () => {
  it('are every table of the schema, except those skipped on purpose', async () => {
    const names = (await storedTables(store.db)).map((t) => t.name).sort();
    expect(names).toEqual([...BACKUP_TABLES.map((t) => t.name), ...SKIPPED_TABLES, ...MIGRATION_TABLES].sort());
  });

  it('come in an order where every foreign key points to a table restored earlier', async () => {
    const order = BACKUP_TABLES.map((t) => t.name);
    for (const [i, table] of order.entries()) {
      const { rows } = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(store.db);
      for (const parent of rows.map((r) => r.table)) expect(order.indexOf(parent), `${table} -> ${parent}`).toBeLessThan(i);
    }
  });

  it('name their primary key and whether it is a generated id', async () => {
    for (const t of BACKUP_TABLES) {
      const { rows } = await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${t.name}) where pk > 0 order by pk`.execute(store.db);
      expect(
        rows.map((r) => r.name),
        t.name,
      ).toEqual(t.key);
      expect(t.generatedId, t.name).toBe(t.key.length === 1 && t.key[0] === 'id');
    }
  });
});
