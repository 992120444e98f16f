// The SQL behind `vreserve backup` and `vreserve restore`: whole tables read a page at a time in
// key order, written back in batches, on any of the three databases. Table and column names come
// from the backup's table list or the store's own catalogue, never from user input.
import { type Kysely, PostgresAdapter, SqliteAdapter, sql } from 'kysely';

/** Any store, seen without its row types: backups move whole tables by name. */
type AnyDb = Kysely<any>;

export interface StoredTable {
  name: string;
  columns: string[];
}

function loose(db: Kysely<any>): AnyDb {
  return db as AnyDb;
}

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function isSqlite(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** The store's tables (not views) with their columns in table order, migration tables included. */
export async function storedTables(db: Kysely<any>): Promise<StoredTable[]> {
  const d = loose(db);
  let schema: string | null = null;
  if (isPostgres(d)) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(d);
    schema = rows[0]?.schema ?? 'public';
  }
  const tables = await d.introspection.getTables({ withInternalKyselyTables: true });
  return tables
    .filter((t) => !t.isView && (schema === null || t.schema === schema))
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }));
}

/** Names of the migrations applied to the store, oldest first (none when it was never migrated). */
export async function appliedMigrations(db: Kysely<any>, tableNames: string[]): Promise<string[]> {
  if (!tableNames.includes('kysely_migration')) return [];
  const rows = await loose(db).selectFrom('kysely_migration').select('name').orderBy('name').execute();
  return rows.map((r) => String(r.name));
}

export async function countRows(db: Kysely<any>, table: string): Promise<number> {
  const row = await loose(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * One page of a table in key order: the rows after `after` (the key of the previous page's last
 * row; null for the first page), as arrays in `columns` order.
 */
export async function readPage(
  db: Kysely<any>,
  table: string,
  columns: string[],
  key: string[],
  after: unknown[] | null,
  limit: number,
): Promise<unknown[][]> {
  let q = loose(db).selectFrom(table).select(columns);
  if (after) {
    const last = after;
    // (k1 > v1) or (k1 = v1 and k2 > v2) or …: every database uses the key's index for it.
    q = q.where((eb) =>
      eb.or(key.map((k, i) => eb.and([...key.slice(0, i).map((earlier, j) => eb(earlier, '=', last[j])), eb(k, '>', last[i])]))),
    );
  }
  for (const k of key) q = q.orderBy(k);
  const rows = await q.limit(limit).execute();
  return rows.map((r) => columns.map((c) => (r as Record<string, unknown>)[c]));
}

/**
 * Runs `work` in one read-only transaction that sees a single snapshot of the whole store while
 * others keep writing: REPEATABLE READ on PostgreSQL (a snapshot) and on MySQL/InnoDB (a
 * consistent read view). Not for SQLite, whose backups copy the file through the backup API.
 */
export async function inSnapshot<T>(db: Kysely<any>, work: (db: Kysely<any>) => Promise<T>): Promise<T> {
  const d = loose(db);
  if (isSqlite(d)) throw new Error('inSnapshot is for PostgreSQL and MySQL; SQLite stores are copied with the backup API');
  return d.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
}

export async function insertRows(db: Kysely<any>, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
  await loose(db).insertInto(table).values(values).execute();
}

/** Runs `work` in one write transaction. */
export async function inTransaction<T>(db: Kysely<any>, work: (db: Kysely<any>) => Promise<T>): Promise<T> {
  return loose(db).transaction().execute(work);
}

export async function deleteAllRows(db: Kysely<any>, table: string): Promise<void> {
  await loose(db).deleteFrom(table).execute();
}

export async function dropTable(db: Kysely<any>, table: string): Promise<void> {
  await loose(db).schema.dropTable(table).ifExists().execute();
}

/**
 * After rows were inserted with their ids, the next generated id must come after them.
 * PostgreSQL's serial sequence does not move by itself; MySQL/InnoDB and SQLite's AUTOINCREMENT
 * move past an explicitly inserted id on their own.
 */
export async function moveIdSequencePastRows(db: Kysely<any>, table: string): Promise<void> {
  const d = loose(db);
  if (!isPostgres(d)) return;
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(d);
}

/** Rows per INSERT: far below every database's limit on bound values (SQLite's is 32766). */
export function insertBatchSize(columnCount: number): number {
  return Math.max(1, Math.min(500, Math.floor(30_000 / Math.max(1, columnCount))));
}
