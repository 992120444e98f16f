import { type Kysely, SqliteAdapter, sql } from 'kysely';
import { type MigrationResult, Migrator } from 'kysely/migration';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';

/**
 * How long a process waits for another one's migrations before giving up (as Kysely's own
 * PostgreSQL and MySQL locks do): a first start on a big store may take minutes.
 */
const LOCK_WAIT_MS = 60 * 60 * 1000;

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
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResult[]> {
  const run = async () => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
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
 * Runs `work` inside one SQLite write transaction. The store's single connection carries every
 * statement of `work`, so they all run inside it. BEGIN IMMEDIATE waits the busy timeout for
 * another process's migrations; past that it is tried again, up to LOCK_WAIT_MS.
 */
async function underSqliteWriteLock<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + LOCK_WAIT_MS;
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
    await sql`commit`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback`.execute(db).catch(() => {});
    throw error;
  }
}
