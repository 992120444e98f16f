// The only module that knows the database drivers. Everything else sees a Kysely<Database>.
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  Kysely,
  MysqlDialect,
  PostgresDialect,
  type QueryResult,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres' | 'mysql';

export interface Store {
  db: Kysely<Database>;
  dialect: DialectName;
  /** A description of where the data lives, without credentials. */
  location: string;
  close(): Promise<void>;
  /** The connection pool's use now (PostgreSQL, MySQL); null before the first query or on SQLite. */
  poolUse?(): PoolUse | null;
}

export interface PoolUse {
  /** Connections open. */
  total: number;
  /** Open and not checked out. */
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
}

/** Runs queries on one better-sqlite3 handle, keeping each distinct statement prepared. */
class SqliteStatementCache implements DatabaseConnection {
  readonly #statements = new Map<string, SQLite.Statement>();
  constructor(readonly db: SQLite.Database) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.run<R>(query.sql, query.parameters);
  }

  /** Runs a statement at once: better-sqlite3 is synchronous, the promise above only wraps this. */
  run<R>(sql: string, parameters: readonly unknown[]): QueryResult<R> {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      if (this.#statements.size >= 1000) this.#statements.clear();
      stmt = this.db.prepare(sql);
      this.#statements.set(sql, stmt);
    }
    const params = parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(params) as R[] };
    const { changes, lastInsertRowid } = stmt.run(params);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered on SQLite; callers get a clear error.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on SQLite');
  }
}

/**
 * SQLite transactions start with BEGIN IMMEDIATE: the write lock is taken (waiting up to the busy
 * timeout) before anything is read, so a transaction never fails with SQLITE_BUSY half-way.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #connection: SqliteStatementCache;
  constructor(connection: SqliteStatementCache) {
    super({ database: connection.db });
    this.#connection = connection;
  }
  override async init(): Promise<void> {}
  override async acquireConnection(): Promise<DatabaseConnection> {
    return this.#connection;
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  override async destroy(): Promise<void> {
    this.#connection.db.close();
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #connection: SqliteStatementCache;
  constructor(db: SQLite.Database) {
    super({ database: db });
    this.#connection = new SqliteStatementCache(db);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.#connection);
  }
  override createAdapter() {
    const adapter = super.createAdapter();
    sqliteConnections.set(adapter, this.#connection);
    return adapter;
  }
}

/** A SQLite store's one connection, by the adapter its Kysely instance (and every transaction of it) shares. */
const sqliteConnections = new WeakMap<object, SqliteStatementCache>();

export type RunNow = <R>(sql: string, parameters: readonly unknown[]) => QueryResult<R>;

/**
 * On SQLite, a way to run a compiled query at once on the store's one connection, without Kysely's
 * executor (its promises and connection bookkeeping cost more than the statement itself for a
 * read by primary key). It is the connection every query and transaction of that store runs on
 * (the driver has no other), so what it reads is what the same query through Kysely reads.
 * Undefined for the client/server databases, whose queries go through their pools.
 */
export function runNowOf(adapter: object): RunNow | undefined {
  const connection = sqliteConnections.get(adapter);
  return connection ? (sql, parameters) => connection.run(sql, parameters) : undefined;
}

export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return 'mysql';
  throw new Error(`DATABASE_URL must start with sqlite:, postgres:// or mysql:// (got "${redactUrl(url)}")`);
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export function sqlitePath(url: string): string {
  const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
  return path === ':memory:' ? path : resolve(path);
}

/** Errors of a client connection reach the statement that used it; the process ignores them. */
const ignore = () => {};

/**
 * How long to wait for a database connection before answering "unavailable": a failover whose
 * address does not answer at all must not hold requests for the OS's TCP timeout (minutes).
 */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A SQLite store holds personal data: only the server's own user may read it. The file is created
 * with mode 0600 before SQLite opens it (SQLite gives its -wal and -shm files the mode of the
 * database file), and a store made by an older version is tightened when it is opened.
 */
function createPrivately(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  keepPrivate(file);
}

function tightenSidecars(file: string): void {
  for (const f of [`${file}-wal`, `${file}-shm`]) keepPrivate(f);
}

function keepPrivate(file: string): void {
  try {
    chmodSync(file, 0o600);
  } catch (error) {
    // Absent, or owned by another user who chose its mode: leave it as it is.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EPERM') throw error;
  }
}

export function openStore(url: string, opts: { poolSize?: number } = {}): Store {
  const dialect = dialectOf(url);
  const poolSize = opts.poolSize ?? 10;
  if (dialect === 'sqlite') {
    const file = sqlitePath(url);
    if (file !== ':memory:') {
      mkdirSync(dirname(file), { recursive: true });
      createPrivately(file);
    }
    const sqlite = new SQLite(file, { timeout: 15_000 });
    sqlite.pragma('journal_mode = WAL');
    if (file !== ':memory:') tightenSidecars(file);
    // FULL: an acknowledged booking survives a power cut, not only a process crash.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
    return { db, dialect, location: `sqlite:${file}`, close: () => db.destroy() };
  }
  // The client/server drivers are loaded only when configured: a SQLite hall never pays for them.
  if (dialect === 'postgres') {
    let made: import('pg').Pool | null = null;
    const pool = async () => {
      const { default: pg } = await import('pg');
      const p = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
      // A connection dropped by the server (restart, failover, pg_terminate_backend) must not
      // crash the process. An idle one: the pool discards it. One checked out by a transaction
      // between two statements: its next statement fails (and the request gets a 503), and the
      // pool discards it on release because it is no longer queryable.
      p.on('error', ignore);
      p.on('connect', (client) => client.on('error', ignore));
      made = p;
      return p;
    };
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const poolUse = () => (made ? { total: made.totalCount, idle: made.idleCount, waiting: made.waitingCount } : null);
    return { db, dialect, location: redactUrl(url), close: () => db.destroy(), poolUse };
  }
  let made: MysqlPoolInternals | null = null;
  const pool = async () => {
    const { createPool } = await import('mysql2');
    const p = createPool({
      uri: url.replace(/^mariadb:/, 'mysql:'),
      connectionLimit: poolSize,
      timezone: 'Z',
      charset: 'utf8mb4',
      connectTimeout: CONNECT_TIMEOUT_MS,
    });
    // Same for a connection the server killed: the pool removes it on its first error, and a
    // second error event on it (a write after the loss) must not go unhandled.
    p.on('connection', (connection) => connection.on('error', ignore));
    made = p as unknown as MysqlPoolInternals;
    return p;
  };
  const db = new Kysely<Database>({ dialect: new MysqlDialect({ pool }) });
  const poolUse = () =>
    made
      ? { total: made._allConnections.length, idle: made._freeConnections.length, waiting: made._connectionQueue.length }
      : null;
  return { db, dialect, location: redactUrl(url), close: () => db.destroy(), poolUse };
}

/** mysql2 keeps its pool's lists in these fields (no public counts); read only for the metrics. */
interface MysqlPoolInternals {
  _allConnections: { length: number };
  _freeConnections: { length: number };
  _connectionQueue: { length: number };
}

export interface NotifyChannel {
  notify(): Promise<void>;
  onNotify(listener: () => void): void;
  close(): Promise<void>;
}

export interface ReconnectHooks {
  /** A lost connection or a failed attempt to reconnect (for the log). */
  onError?: (error: unknown) => void;
  /** Listening again after `downMs` without a connection. */
  onReconnect?: (downMs: number) => void;
}

/** Reconnect delays of a lost wake-up connection: 0.1 s, doubling, at most 5 s. */
export const RECONNECT_FIRST_MS = 100;
export const RECONNECT_MAX_MS = 5000;

/**
 * PostgreSQL LISTEN/NOTIFY on a channel, for waking other processes when events were committed.
 * One dedicated connection listens; NOTIFY goes through any connection. When the listening
 * connection is lost (restart, failover, pg_terminate_backend) it is opened again with backoff;
 * once it listens again the listeners are called once, because a NOTIFY sent meanwhile is lost.
 */
export async function openPgNotifyChannel(url: string, channel: string, hooks: ReconnectHooks = {}): Promise<NotifyChannel> {
  const { default: pg } = await import('pg');
  const sender = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  sender.on('error', ignore);
  sender.on('connect', (client) => client.on('error', ignore));
  const listeners: (() => void)[] = [];
  const wakeAll = () => {
    for (const l of listeners) l();
  };
  let current: InstanceType<typeof pg.Client> | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let delay = RECONNECT_FIRST_MS;
  let lostAt = 0;

  const lost = (client: InstanceType<typeof pg.Client>, error?: unknown) => {
    if (client !== current) return; // an old client's late events, or one that never listened
    current = null;
    lostAt = Date.now();
    if (error) hooks.onError?.(error);
    client.end().catch(ignore);
    if (!closed) retryLater();
  };

  /** Connects, listens, and becomes the current client; throws when it cannot. */
  const listen = async () => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client));
    client.on('notification', wakeAll);
    try {
      await client.connect();
      await client.query(`listen ${channel}`);
    } catch (error) {
      client.end().catch(ignore);
      throw error;
    }
    if (closed) {
      await client.end().catch(ignore);
      return;
    }
    current = client;
  };

  function retryLater() {
    timer = setTimeout(async () => {
      timer = null;
      if (closed) return;
      try {
        await listen();
      } catch (error) {
        hooks.onError?.(error);
        delay = Math.min(delay * 2, RECONNECT_MAX_MS);
        if (!closed) retryLater();
        return;
      }
      delay = RECONNECT_FIRST_MS;
      if (closed) return;
      hooks.onReconnect?.(Date.now() - lostAt);
      wakeAll();
    }, delay);
    timer.unref();
  }

  await listen();
  return {
    async notify() {
      await sender.query(`notify ${channel}`);
    },
    onNotify(l) {
      listeners.push(l);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const client = current;
      current = null;
      await client?.end().catch(ignore);
      await sender.end();
    },
  };
}

/**
 * The machine-local SQLite file behind rate limits when the main store is SQLite, shared by every
 * worker: `<dataDir>/ratelimit.db`. Counters are not worth an fsync per request (the main store
 * runs synchronous=FULL), and losing a minute of them in a crash is harmless: WAL, synchronous=OFF.
 */
export async function openRateLimitStore(dataDir: string): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(dataDir, 'ratelimit.db');
  createPrivately(file);
  const sqlite = new SQLite(file, { timeout: 15_000 });
  sqlite.pragma('journal_mode = WAL');
  tightenSidecars(file);
  sqlite.pragma('synchronous = OFF');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
  try {
    // Same shape as the main store's rate_limit table (migration 2026112403).
    await db.schema
      .createTable('rate_limit')
      .ifNotExists()
      .addColumn('bucket', 'varchar(255)', (c) => c.primaryKey())
      .addColumn('hits', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rate_limit_expiry_idx').ifNotExists().on('rate_limit').column('expires_at').execute();
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, dialect: 'sqlite', location: `sqlite:${file}`, close: () => db.destroy() };
}

export interface BackupPages {
  totalPages: number;
  remainingPages: number;
}

/** Pages copied per step of an online backup (4 MB with SQLite's default 4 KB pages). */
const BACKUP_STEP_PAGES = 1024;
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a SQLite store that may be in use into `dest` with SQLite's online backup API, never by
 * copying the file (a live WAL store's file alone is not a consistent database). The copy is
 * made in steps, each under a read transaction; a write by another connection between two steps
 * makes SQLite start over, so after the first restart the rest is copied in one step: under a
 * steady stream of bookings the copy still finishes, and it is always one consistent snapshot.
 * The copy is left in rollback-journal mode, a single self-contained file.
 */
export async function backupSqliteStore(url: string, dest: string, onProgress?: (p: BackupPages) => void): Promise<BackupPages> {
  const file = sqlitePath(url);
  const source = new SQLite(file, { fileMustExist: true, timeout: 15_000 });
  let result: BackupPages;
  try {
    source.pragma('query_only = ON');
    let previous = Number.POSITIVE_INFINITY;
    let restarted = false;
    result = await source.backup(dest, {
      progress(p) {
        if (p.remainingPages > previous) restarted = true;
        previous = p.remainingPages;
        onProgress?.(p);
        return restarted ? ALL_PAGES : BACKUP_STEP_PAGES;
      },
    });
  } finally {
    source.close();
  }
  const copy = new SQLite(dest, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  onProgress?.(result);
  return result;
}

/** A SQLite backup file opened read-only, to count or restore its rows. */
export function openSqliteBackup(file: string): Store {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite) });
  return { db, dialect: 'sqlite', location: `sqlite:${resolve(file)}`, close: () => db.destroy() };
}

/** SQLite's own check of a backup file's structure: 'ok', or what is damaged. */
export function checkSqliteFile(file: string): string {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
    return rows.map((r) => r.quick_check).join('; ');
  } finally {
    sqlite.close();
  }
}
