import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Store, openStore } from '../db/dialect.js';
import { AppError } from './app-error.js';
import { transact } from './transact.js';

// Transactions on SQLite that are ready together commit together (one fsync): what each caller
// sees must be what it would see with a transaction of its own.
describe('SQLite transactions committed in a group', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vreserve-group-'));
    store = openStore(`sqlite:${join(dir, 'group.db')}`);
    await sql`create table scratch (id integer primary key, name text not null unique)`.execute(store.db);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const names = async () => (await sql<{ name: string }>`select name from scratch order by name`.execute(store.db)).rows.map((r) => r.name);
  const insert = (db: Parameters<Parameters<typeof transact>[1]>[0], name: string) => sql`insert into scratch (name) values (${name})`.execute(db);

  it('a unit that is refused leaves nothing, and the units beside it commit with their own results', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        transact(store.db, async (trx) => {
          await insert(trx, `n${String(i).padStart(2, '0')}`);
          if (i % 3 === 1) throw new AppError('SLOT_FULL');
          return i;
        }),
      ),
    );
    outcomes.forEach((o, i) => {
      if (i % 3 === 1) expect(o).toMatchObject({ status: 'rejected', reason: { code: 'SLOT_FULL' } });
      else expect(o).toEqual({ status: 'fulfilled', value: i });
    });
    const expected = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 !== 1).map((i) => `n${String(i).padStart(2, '0')}`);
    expect(await names()).toEqual(expected);
  });

  it('a unit whose statement fails is rolled back alone; a later unit sees what an earlier one wrote', async () => {
    const [first, duplicate, reader] = await Promise.allSettled([
      transact(store.db, (trx) => insert(trx, 'same').then(() => 'first')),
      transact(store.db, async (trx) => {
        await insert(trx, 'mine');
        await insert(trx, 'same');
        return 'duplicate';
      }),
      transact(store.db, async (trx) => (await sql<{ n: number }>`select count(*) as n from scratch`.execute(trx)).rows[0]?.n),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: 'first' });
    expect(duplicate).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_CONSTRAINT_UNIQUE' } });
    expect(reader).toEqual({ status: 'fulfilled', value: 1 });
    expect(await names()).toEqual(['same']);
  });
});
