// `vreserve backup` and the server's scheduled backups: one consistent copy of the store taken
// while it serves. SQLite: the online backup API into a SQLite file. PostgreSQL and MySQL: every
// table read in one REPEATABLE READ snapshot into a portable dump (see dump-file.ts). The copy is
// written under a temporary name and renamed when complete, so a file with the final name is
// always a whole backup.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { backupSqliteStore, dialectOf, openSqliteBackup, openStore, sqlitePath } from '../db/dialect.js';
import { appliedMigrations, countRows, inSnapshot, readPage, storedTables } from '../repositories/backup.repository.js';
import { DumpWriter } from './dump-file.js';
import { type BackupKeys, keyFileOf, writeKeyFile } from './key-file.js';
import { dataKeyFile, envKeys, loadOrCreateKeyFile } from '../data-key.js';
import { BACKUP_TABLES, MIGRATION_TABLES, SKIPPED_TABLES } from './tables.js';

export type ProgressEvent =
  | { step: 'copy'; copiedPages: number; totalPages: number }
  | { step: 'table'; table: string; rows: number; totalRows: number | null };

export type Progress = (event: ProgressEvent) => void;

export interface TableCount {
  name: string;
  rows: number;
}

export interface BackupResult {
  file: string;
  format: 'sqlite' | 'dump';
  /** The key file written beside it, or null. */
  keyFile: string | null;
  bytes: number;
  seconds: number;
  tables: TableCount[];
  /** The schema version of the copy: the last migration applied. */
  schema: string;
  /** What the backup does not hold, to be kept separately. */
  keepSeparately: string[];
}

/** A backup that cannot be taken for a reason the operator can fix (exit 1, one line). */
export class BackupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusal';
  }
}

export interface BackupRequest {
  databaseUrl: string;
  /** The backup file to write; it must not exist yet. */
  to: string;
  /** The keys to write beside it (encrypted), when there is a passphrase. */
  keys: BackupKeys | null;
  passphrase: string | null;
  onProgress?: Progress;
}

const PAGE_ROWS = 2000;

/** The HMAC key the server uses: SECRET, or the generated DATA_DIR/secret.key; null when there is none yet. */
export function currentKeys(config: { secret: string | null; dataDir: string; dataKey?: string | null }): BackupKeys | null {
  const dataKeys = backedUpDataKeys(config);
  if (config.secret) return { hmacSecret: config.secret, hmacSource: 'SECRET', ...dataKeys };
  const file = join(config.dataDir, 'secret.key');
  if (!existsSync(file)) return null;
  return { hmacSecret: readFileSync(file, 'utf8').trim(), hmacSource: 'secret.key', ...dataKeys };
}

/** The data keys (DATA_KEY and DATA_KEY_PREVIOUS, or DATA_DIR/data.keys) that seal kept phone numbers. */
function backedUpDataKeys(config: { dataDir: string; dataKey?: string | null }): { dataKeys?: string[] } {
  const keys = config.dataKey
    ? envKeys(config.dataKey, process.env.DATA_KEY_PREVIOUS)
    : existsSync(dataKeyFile(config.dataDir))
      ? loadOrCreateKeyFile(config.dataDir, () => {})
      : [];
  return keys.length > 0 ? { dataKeys: keys.map((k) => k.bytes.toString('base64')) } : {};
}

/** The default name of a backup taken at `at`: vreserve-YYYYMMDD-HHmmss (UTC) with the store's extension. */
export function backupFileName(databaseUrl: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `vreserve-${stamp}${dialectOf(databaseUrl) === 'sqlite' ? '.sqlite' : '.jsonl.gz'}`;
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function takeBackup(req: BackupRequest): Promise<BackupResult> {
  const started = performance.now();
  const dialect = dialectOf(req.databaseUrl);
  if (existsSync(req.to)) throw new BackupRefusal(`${req.to} already exists; choose another name (a backup never overwrites a file)`);
  mkdirSync(dirname(req.to), { recursive: true, mode: 0o700 });
  const partial = `${req.to}.partial`;
  rmSync(partial, { force: true });
  const keyFile = req.keys && req.passphrase ? keyFileOf(req.to) : null;
  let copy: { tables: TableCount[]; schema: string };
  try {
    copy = dialect === 'sqlite' ? await copySqlite(req, partial) : await dumpStore(req, partial);
    syncFile(partial);
    // The key file first: a backup file under its final name always has its keys beside it.
    if (keyFile && req.keys && req.passphrase) writeKeyFile(keyFile, req.keys, req.passphrase);
    renameSync(partial, req.to);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const keepSeparately: string[] = [];
  if (!keyFile) {
    keepSeparately.push(
      req.keys
        ? `the HMAC key of ID card and phone numbers (${req.keys.hmacSource === 'SECRET' ? 'the SECRET setting' : 'DATA_DIR/secret.key'}); set BACKUP_PASSPHRASE or --passphrase-file to write it beside the backup, encrypted`
        : 'the HMAC key of ID card and phone numbers: SECRET is not set and DATA_DIR/secret.key does not exist here; keep the key of the server that uses this store',
    );
  }
  return {
    file: req.to,
    format: dialect === 'sqlite' ? 'sqlite' : 'dump',
    keyFile,
    bytes: statSync(req.to).size,
    seconds: (performance.now() - started) / 1000,
    tables: copy.tables,
    schema: copy.schema,
    keepSeparately,
  };
}

async function copySqlite(req: BackupRequest, partial: string): Promise<{ tables: TableCount[]; schema: string }> {
  const file = sqlitePath(req.databaseUrl);
  if (file === ':memory:') throw new BackupRefusal('an in-memory SQLite store cannot be backed up');
  if (!existsSync(file)) throw new BackupRefusal(`there is no store at ${file} (DATABASE_URL)`);
  // Created empty and owner-only first: SQLite keeps the mode of an existing file.
  closeSync(openSync(partial, 'wx', 0o600));
  await backupSqliteStore(req.databaseUrl, partial, (p) =>
    req.onProgress?.({ step: 'copy', copiedPages: p.totalPages - p.remainingPages, totalPages: p.totalPages }),
  );
  const store = openSqliteBackup(partial);
  try {
    const present = new Set((await storedTables(store.db)).map((t) => t.name));
    const migrations = await appliedMigrations(store.db, [...present]);
    if (migrations.length === 0) throw new BackupRefusal(`${file} is not a V-Reserve store (it has no migrations)`);
    const tables: TableCount[] = [];
    for (const t of BACKUP_TABLES) if (present.has(t.name)) tables.push({ name: t.name, rows: await countRows(store.db, t.name) });
    return { tables, schema: migrations.at(-1)! };
  } finally {
    await store.close();
  }
}

async function dumpStore(req: BackupRequest, partial: string): Promise<{ tables: TableCount[]; schema: string }> {
  const store = openStore(req.databaseUrl, { poolSize: 1 });
  const writer = new DumpWriter(partial);
  try {
    const result = await inSnapshot(store.db, async (db) => {
      const stored = await storedTables(db);
      const unknown = stored.filter(
        (t) => !BACKUP_TABLES.some((b) => b.name === t.name) && !SKIPPED_TABLES.includes(t.name) && !MIGRATION_TABLES.includes(t.name),
      );
      // A table this release does not list would be missing from the backup: refuse instead.
      if (unknown.length > 0) throw new Error(`the store has tables that backups do not know: ${unknown.map((t) => t.name).join(', ')}`);
      const migrations = await appliedMigrations(
        db,
        stored.map((t) => t.name),
      );
      if (migrations.length === 0) throw new BackupRefusal(`${store.location} is not a V-Reserve store (it has no migrations)`);
      await writer.header({ createdAt: new Date().toISOString(), source: store.dialect, migrations });
      const tables: TableCount[] = [];
      for (const table of BACKUP_TABLES) {
        const columns = stored.find((t) => t.name === table.name)?.columns;
        if (!columns) continue;
        const keyAt = table.key.map((k) => columns.indexOf(k));
        await writer.beginTable(table.name, columns);
        let rows = 0;
        let after: unknown[] | null = null;
        for (;;) {
          const page = await readPage(db, table.name, columns, table.key, after, PAGE_ROWS);
          await writer.rows(table.name, page);
          rows += page.length;
          req.onProgress?.({ step: 'table', table: table.name, rows, totalRows: null });
          if (page.length < PAGE_ROWS) break;
          const last = page.at(-1)!;
          after = keyAt.map((i) => last[i]);
        }
        await writer.endTable(table.name);
        tables.push({ name: table.name, rows });
      }
      return { tables, schema: migrations.at(-1)! };
    });
    await writer.finish();
    return result;
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    await store.close();
  }
}
