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
 * Whether a transaction may create a row it then locks. On SQLite it may: a transaction holds the
 * one write lock from its BEGIN IMMEDIATE, so the insert waits for nobody and costs no extra commit
 * (an fsync). On PostgreSQL and MySQL lazily made rows are inserted outside the transaction
 * (MissingRow in services/transact.ts), since MySQL's insert locks can deadlock two transactions.
 */
export function createsRowsInTransaction(db: Db): boolean {
  return isSqlite(db);
}

/**
 * One writer at a time, whose COMMIT (an fsync) runs on the event loop: SQLite through
 * better-sqlite3. Transactions on such a store are committed in groups (services/commit-group.ts).
 */
export function commitsOnEventLoop(db: Db): boolean {
  return isSqlite(db);
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
export async function insertReturningId<T extends 'booking' | 'ticket' | 'phone_verification' | 'waitlist_entry' | 'waitlist_hold' | 'rating' | 'rating_case' | 'webhook_endpoint' | 'webhook_delivery'>(
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

/**
 * The store cannot be reached or dropped the connection the statement ran on: a restart, a
 * failover, an administrator's pg_terminate_backend or KILL, a full connection table. Nothing
 * about the request was wrong, and the same request may succeed a moment later.
 *
 * A transaction that fails this way before COMMIT returned was rolled back by the server. Only a
 * connection lost while COMMIT itself was on the wire leaves the outcome unknown, which is why
 * the answer is "try again" (503) and a booking retried with its Idempotency-Key replays instead
 * of booking twice.
 */
export function isStoreUnavailable(error: unknown): boolean {
  for (let e = error as StoreError | undefined, depth = 0; e && depth < 5; e = e.cause as StoreError | undefined, depth++) {
    if (e instanceof AggregateError && e.errors.some(isStoreUnavailable)) return true;
    if (isConnectionLevel(e)) return true;
  }
  return false;
}

interface StoreError {
  code?: unknown;
  errno?: unknown;
  fatal?: unknown;
  message?: unknown;
  cause?: unknown;
}

/** Socket-level failures, as Node reports them for every driver. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// PostgreSQL SQLSTATEs: 57P01 admin_shutdown (pg_terminate_backend, fast shutdown), 57P02
// crash_shutdown, 57P03 cannot_connect_now (starting up, in recovery), 53300
// too_many_connections; class 08 is connection_exception.
const PG_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

// What node-postgres says, without a code, about a client whose connection is gone.
const PG_MESSAGES = [
  /^Connection terminated/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^timeout exceeded when trying to connect/,
];

// mysql2: the connection is gone (PROTOCOL_*); 1040 too many connections; 1053 server shutdown;
// 1927 connection killed (MariaDB's KILL); 4031 disconnected by the server for inactivity.
const MYSQL_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CLIENT_INTERACTION_TIMEOUT',
]);
const MYSQL_ERRNOS = new Set([1040, 1053, 1927, 4031]);

// SQLite: the file cannot be opened or read or written (disk, permissions, a lost mount), or
// another process held the lock past the busy timeout.
const SQLITE_CODE = /^SQLITE_(CANTOPEN|IOERR|FULL|BUSY|PROTOCOL)/;

function isConnectionLevel(e: StoreError): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  if (NETWORK_CODES.has(code)) return true;
  if (PG_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (PG_MESSAGES.some((m) => m.test(message))) return true;
  if (MYSQL_CODES.has(code) || (typeof e.errno === 'number' && MYSQL_ERRNOS.has(e.errno) && !code.startsWith('SQLITE'))) return true;
  // mysql2 marks every error after which the connection cannot be used again as fatal.
  if (e.fatal === true) return true;
  if (message === "Can't add new command when connection is in closed state") return true;
  return SQLITE_CODE.test(code);
}

/** One round trip to the store: for the readiness probe. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
