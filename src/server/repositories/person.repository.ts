// 用户表: one row per ID card, keyed by its HMAC. Locking the row serialises one person's
// bookings across processes, so per-person limits cannot be raced.
import { sql } from 'kysely';
import { type Db, affected, createsRowsInTransaction, insertIgnore } from './portable.js';

export async function ensurePerson(db: Db, p: { idHash: string; idMasked: string; at: string }): Promise<void> {
  await insertIgnore(db, 'person', {
    id_hash: p.idHash,
    id_masked: p.idMasked,
    lock_version: 0,
    created_at: p.at,
    updated_at: p.at,
  });
}

/** Locks the person's row for the rest of the transaction; null when there is no such row yet. */
export async function lockPerson(db: Db, idHash: string, at: string): Promise<number | null> {
  const result = await db
    .updateTable('person')
    .set({ lock_version: sql`lock_version + 1`, updated_at: at })
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  if (affected(result) !== 1) return null;
  const row = await db.selectFrom('person').select('id').where('id_hash', '=', idHash).executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Locks several people's rows with one UPDATE, before anything of the transaction is read: on
 * MySQL (REPEATABLE READ) a read taken before a lock was waited for would not see what the lock's
 * holder committed. One statement also takes the rows in one order, so two of them cannot deadlock.
 * The ids by hash; null when a row does not exist yet.
 */
export async function lockPersons(db: Db, idHashes: string[], at: string): Promise<Map<string, number> | null> {
  return lockRows(db, idHashes, at);
}

/**
 * lockPersons for people who may have no row yet: on SQLite the missing rows are made in this
 * transaction, in the same statement for all of them, so a first booking commits once (one fsync)
 * instead of twice; a booking refused later leaves no row behind. Elsewhere as lockPersons (null:
 * make the rows outside the transaction, then run it again).
 */
export async function lockOrCreatePersons(db: Db, people: { idHash: string; idMasked: string }[], at: string): Promise<Map<string, number> | null> {
  if (createsRowsInTransaction(db)) {
    await insertIgnore(
      db,
      'person',
      people.map((p) => ({ id_hash: p.idHash, id_masked: p.idMasked, lock_version: 0, created_at: at, updated_at: at })),
    );
  }
  return lockRows(
    db,
    people.map((p) => p.idHash),
    at,
  );
}

async function lockRows(db: Db, idHashes: string[], at: string): Promise<Map<string, number> | null> {
  const result = await db
    .updateTable('person')
    .set({ lock_version: sql`lock_version + 1`, updated_at: at })
    .where('id_hash', 'in', idHashes)
    .executeTakeFirst();
  if (affected(result) !== idHashes.length) return null;
  const rows = await db.selectFrom('person').select(['id', 'id_hash']).where('id_hash', 'in', idHashes).execute();
  return new Map(rows.map((r) => [r.id_hash, r.id]));
}
