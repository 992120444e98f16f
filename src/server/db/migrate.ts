import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { type MigrationResult, Migrator } from 'kysely/migration';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

/**
 * How long a process waits for another one's migrations before giving up (as Kysely's own
 * PostgreSQL and MySQL locks do): a first start on a big store may take minutes.
 */
const LOCK_WAIT_MS = 60 * 60 * 1000;

/** Kysely's table of executed migrations. */
const MIGRATION_TABLE = 'kysely_migration';

/**
 * Brings the schema up to date. Safe to run from several processes at once: each migration runs
 * exactly once, and every process returns only when the schema is up to date.
 *
 * The lock per store: PostgreSQL, Kysely's session advisory lock (per database) with the
 * migrations in one transaction; MySQL/MariaDB, Kysely's GET_LOCK (per server) on the connection
 * that runs them (MySQL cannot roll DDL back, so a failed migration leaves what it did). SQLite,
 * for which Kysely takes no lock at all, holds the database's write lock (BEGIN IMMEDIATE) from
 * reading the migration table to the last migration, so the run is also all-or-nothing there.
 */
export interface MigrateOptions {
  /**
   * The store was migrated by a newer release (a rolling upgrade is under way): called with the
   * migrations this release does not know, and the schema is left as it is.
   */
  onNewerSchema?(unknown: string[]): void;
}

export async function migrateToLatest(db: Kysely<Database>, opts: MigrateOptions = {}): Promise<MigrationResult[]> {
  const run = async () => {
    if (await isNewerSchema(db, opts)) return [];
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      // A newer release may have migrated while this process waited for the lock.
      if (await isNewerSchema(db, opts)) return [];
      const failed = results?.find((r) => r.status === 'Error');
      throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    return results ?? [];
  };
  return db.getExecutor().adapter instanceof SqliteAdapter ? underSqliteWriteLock(db, run) : run();
}

/**
 * Expand, then contract (docs/deploy.md): a release's migrations only add what the previous
 * release can ignore, so an instance of the previous release may start, or restart, on a schema a
 * newer one already migrated, and must serve on it instead of refusing (Kysely would call the
 * store "corrupted"). A store that lacks migrations of this release while holding unknown ones
 * comes from another line of releases: that stays an error.
 */
async function isNewerSchema(db: Kysely<Database>, opts: MigrateOptions): Promise<boolean> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === MIGRATION_TABLE)) return false;
  const rows = await db
    .selectFrom(MIGRATION_TABLE as never)
    .select('name' as never)
    .execute();
  const executed = new Set((rows as { name: string }[]).map((r) => r.name));
  const unknown = [...executed].filter((name) => !(name in migrations)).sort();
  if (unknown.length === 0) return false;
  const missing = Object.keys(migrations).filter((name) => !executed.has(name));
  if (missing.length > 0) {
    throw new Error(
      `the store holds migrations this release does not know (${unknown.join(', ')}) but lacks some of its own (${missing.join(', ')}); it was migrated by another line of releases`,
    );
  }
  opts.onNewerSchema?.(unknown);
  return true;
}

/**
 * Runs `work` inside one SQLite write transaction. The store's single connection carries every
 * statement of `work`, so they all run inside it. BEGIN IMMEDIATE waits the busy timeout for
 * another process's migrations; past that it is tried again, up to LOCK_WAIT_MS.
 */
async function underSqliteWriteLock<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  // A migration may rebuild a table others refer to (SQLite cannot drop a constraint): foreign keys
  // are enforced again after the commit, and checked as a whole before it (SQLite's own procedure).
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    return await inWriteTransaction(db, deadline, work);
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

async function inWriteTransaction<T>(db: Kysely<Database>, deadline: number, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await sql`begin immediate`.execute(db);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
    }
  }
  try {
    const result = await work();
    const broken = await sql<{ table: string; parent: string }>`pragma foreign_key_check`.execute(db);
    if (broken.rows.length > 0) {
      const first = broken.rows[0] as { table: string; parent: string };
      throw new Error(`the migrations left ${broken.rows.length} row(s) without their parent (${first.table} -> ${first.parent})`);
    }
    await sql`commit`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback`.execute(db).catch(() => {});
    throw error;
  }
}
