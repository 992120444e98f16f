// SQL that must be spelled differently per database. Repositories call these instead of
// branching on the dialect themselves.
import { type InsertQueryBuilder, type InsertResult, type Kysely, MysqlAdapter, PostgresAdapter, SqliteAdapter, sql } from 'kysely';
import type { Database } from '../db/schema.js';

export type Db = Kysely<Database>;

function isMysql(db: Db): boolean {
  return db.getExecutor().adapter instanceof MysqlAdapter;
}

function isSqlite(db: Db): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * A read that must see the latest committed row and keep it until commit (SELECT … FOR UPDATE).
 * SQLite has no such clause and needs none: its transactions already run one at a time.
 */
export function forUpdate<Q extends { forUpdate(): Q }>(db: Db, query: Q): Q {
  return isSqlite(db) ? query : query.forUpdate();
}

/** INSERT, or UPDATE of the given columns when the row's key already exists. */
export async function upsert<T extends keyof Database>(
  db: Db,
  table: T,
  values: Parameters<InsertQueryBuilder<Database, T, InsertResult>['values']>[0],
  key: string[],
  update: Record<string, unknown>,
): Promise<void> {
  const q = db.insertInto(table).values(values);
  await (isMysql(db)
    ? q.onDuplicateKeyUpdate(update as never)
    : q.onConflict((oc) => oc.columns(key as never).doUpdateSet(update as never))
  ).execute();
}

/** INSERT of one row that returns its generated id in one statement on every database. */
export async function insertReturningId<T extends 'booking' | 'ticket'>(
  db: Db,
  table: T,
  values: Parameters<InsertQueryBuilder<Database, T, InsertResult>['values']>[0],
): Promise<number> {
  const q = db.insertInto(table).values(values);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const row = await q.returning('id' as never).executeTakeFirstOrThrow();
    return Number((row as unknown as { id: number }).id);
  }
  // SQLite and MySQL report the new row's id with the insert (MySQL has no RETURNING).
  return Number((await q.executeTakeFirstOrThrow()).insertId);
}

/** INSERT that silently does nothing when the row (by primary or unique key) already exists. */
export async function insertIgnore<T extends keyof Database>(
  db: Db,
  table: T,
  values: Parameters<InsertQueryBuilder<Database, T, InsertResult>['values']>[0],
): Promise<void> {
  const q = db.insertInto(table).values(values);
  await (isMysql(db) ? q.ignore() : q.onConflict((oc) => oc.doNothing())).execute();
}

export function affected(result: { numUpdatedRows?: bigint } | { numDeletedRows?: bigint }): number {
  const n = 'numUpdatedRows' in result ? result.numUpdatedRows : 'numDeletedRows' in result ? result.numDeletedRows : 0n;
  return Number(n ?? 0n);
}

/** Duplicate key on any of the three databases. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; message?: string } | null;
  if (!e) return false;
  return (
    e.code === '23505' || // PostgreSQL
    e.code === 'ER_DUP_ENTRY' ||
    e.errno === 1062 || // MySQL / MariaDB
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** The database gave up on this transaction because of lock contention; running it again is safe. */
export function isRetryableConflict(error: unknown): boolean {
  const e = error as { code?: string; errno?: number } | null;
  if (!e) return false;
  return (
    e.code === '40001' || // PostgreSQL serialization failure
    e.code === '40P01' || // PostgreSQL deadlock
    e.code === 'ER_LOCK_DEADLOCK' ||
    e.errno === 1213 ||
    e.code === 'ER_LOCK_WAIT_TIMEOUT' ||
    e.errno === 1205 ||
    e.code === 'SQLITE_BUSY'
  );
}

/** One round trip to the store: for the readiness probe. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
