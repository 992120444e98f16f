// `vreserve restore FILE [--force]`: a backup into an empty store (or, with --force, in place of
// what a store holds), on any of the three databases whatever the backup was taken from. Every
// refusal happens before anything is changed. The restored store gets the backup's schema
// version, its rows table by table (one transaction each, parents first), the migrations of this
// release that the backup predates, and then the invariant check.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { type Store, checkSqliteFile, dialectOf, openSqliteBackup, openStore, sqlitePath } from '../db/dialect.js';
import { migrateToLatest } from '../db/migrate.js';
import { migrations as releaseMigrations } from '../db/migrations/index.js';
import {
  appliedMigrations,
  countRows,
  deleteAllRows,
  dropTable,
  inTransaction,
  insertBatchSize,
  insertRows,
  moveIdSequencePastRows,
  readPage,
  storedTables,
} from '../repositories/backup.repository.js';
import { type CheckReport, checkInvariants } from '../services/check.service.js';
import { BackupRefusal, type Progress, type TableCount } from './backup.js';
import { DumpError, DumpReader, backupKind, verifyDump } from './dump-file.js';
import { type BackupKeys, KeyFileError, keyFileOf, readKeyFile } from './key-file.js';
import { dataKeyFile, loadOrCreateKeyFile } from '../data-key.js';
import { dataKeyFrom } from '../services/contact-cipher.js';
import { BACKUP_TABLES, MIGRATION_TABLES, SEEDED_TABLES, SKIPPED_TABLES, backupTable } from './tables.js';

export interface RestoreRequest {
  file: string;
  databaseUrl: string;
  dataDir: string;
  /** SECRET of the restoring environment, if set. */
  configuredSecret: string | null;
  force: boolean;
  passphrase: string | null;
  onProgress?: Progress;
}

export interface RestoreResult {
  tables: TableCount[];
  seconds: number;
  /** The backup's schema version, and the migrations of this release run after it. */
  schema: string;
  upgradedWith: string[];
  /** What happened to the HMAC key, in words. */
  keyNote: string;
  check: CheckReport;
}

/** A source of rows: a SQLite backup file or a dump. */
interface Source {
  migrations: string[];
  tables: TableCount[];
  /** Calls `load` once per table, in restore order, with its columns and its rows in batches. */
  eachTable(load: (table: string, columns: string[], batches: AsyncIterable<unknown[][]>) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function restoreBackup(req: RestoreRequest): Promise<RestoreResult> {
  const started = performance.now();
  if (!existsSync(req.file)) throw new BackupRefusal(`there is no file ${req.file}`);
  const source = await openSource(req);
  try {
    const known = Object.keys(releaseMigrations);
    const schema = checkSchema(source.migrations, known, req.file);
    const keys = withDataKeys(req, planKeys(req));
    const target = openStore(req.databaseUrl, { poolSize: 2 });
    try {
      await refuseInUse(target, req.force);
      // From here on the store changes.
      try {
        await load(source, target, schema, keys, req);
      } catch (error) {
        throw new BackupRefusal(
          `the restore failed after it had begun to change the store, which is now incomplete; fix the cause and run it again with --force: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const upgradedWith = (await migrateToLatest(target.db)).filter((r) => r.status === 'Success').map((r) => r.migrationName);
      const check = await checkInvariants(target.db);
      return { tables: source.tables, seconds: (performance.now() - started) / 1000, schema, upgradedWith, keyNote: keys.note, check };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/** Replaces the store's tables with the backup's rows at the backup's schema version. */
async function load(source: Source, target: Store, schema: string, keys: { apply(): void }, req: RestoreRequest): Promise<void> {
  keys.apply();
  for (const name of [...MIGRATION_TABLES, ...SKIPPED_TABLES, ...[...BACKUP_TABLES].reverse().map((t) => t.name)]) {
    await dropTable(target.db, name);
  }
  await migrateTo(target.db, schema);
  // The rows the migrations seeded (the first hall, the catalogue, the four services, their
  // counters) make way for the backup's; an older schema has only some of today's tables.
  const existing = new Set((await storedTables(target.db)).map((t) => t.name));
  for (const t of [...BACKUP_TABLES].reverse()) if (existing.has(t.name)) await deleteAllRows(target.db, t.name);
  const totals = new Map(source.tables.map((t) => [t.name, t.rows]));
  await source.eachTable(async (table, columns, batches) => {
    let rows = 0;
    await inTransaction(target.db, async (trx) => {
      for await (const batch of batches) {
        await insertRows(trx, table, columns, batch);
        rows += batch.length;
        req.onProgress?.({ step: 'table', table, rows, totalRows: totals.get(table) ?? null });
      }
    });
    if (backupTable(table)?.generatedId) await moveIdSequencePastRows(target.db, table);
  });
}

async function openSource(req: RestoreRequest): Promise<Source> {
  const kind = backupKind(req.file);
  if (kind === 'sqlite') {
    if (dialectOf(req.databaseUrl) === 'sqlite' && sqlitePath(req.databaseUrl) === resolve(req.file)) {
      throw new BackupRefusal(`${req.file} is the store itself (DATABASE_URL); restore into another store`);
    }
    let health: string;
    try {
      health = checkSqliteFile(req.file);
    } catch (error) {
      health = (error as Error).message;
    }
    if (health !== 'ok') throw new BackupRefusal(`${req.file} is damaged (SQLite says: ${health})`);
    return sqliteSource(openSqliteBackup(req.file), req.file);
  }
  if (kind === 'dump') {
    try {
      const { header, tables } = await verifyDump(req.file);
      return dumpSource(req.file, header.migrations, tables);
    } catch (error) {
      if (error instanceof DumpError) throw new BackupRefusal(error.message);
      throw error;
    }
  }
  throw new BackupRefusal(`${req.file} is not a V-Reserve backup (neither a SQLite backup nor a backup dump)`);
}

async function sqliteSource(store: Store, file: string): Promise<Source> {
  try {
    const stored = await storedTables(store.db);
    const migrations = await appliedMigrations(
      store.db,
      stored.map((t) => t.name),
    );
    if (migrations.length === 0) throw new BackupRefusal(`${file} is not a V-Reserve backup (it has no migrations)`);
    const present = BACKUP_TABLES.filter((t) => stored.some((s) => s.name === t.name));
    const tables: TableCount[] = [];
    for (const t of present) tables.push({ name: t.name, rows: await countRows(store.db, t.name) });
    return {
      migrations,
      tables,
      async eachTable(load) {
        for (const table of present) {
          const columns = stored.find((s) => s.name === table.name)!.columns;
          const keyAt = table.key.map((k) => columns.indexOf(k));
          const size = insertBatchSize(columns.length);
          async function* batches() {
            let after: unknown[] | null = null;
            for (;;) {
              const page = await readPage(store.db, table.name, columns, table.key, after, size);
              if (page.length > 0) yield page;
              if (page.length < size) return;
              const last = page.at(-1)!;
              after = keyAt.map((i) => last[i]);
            }
          }
          await load(table.name, columns, batches());
        }
      },
      close: () => store.close(),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

function dumpSource(file: string, migrations: string[], tables: TableCount[]): Source {
  const reader = new DumpReader(file);
  return {
    migrations,
    tables,
    async eachTable(load) {
      await reader.readHeader();
      for (let t = await reader.nextTable(); t; t = await reader.nextTable()) {
        if (!backupTable(t.name)) throw new BackupRefusal(`${file} holds a table this release does not know: ${t.name}`);
        await load(t.name, t.columns, t.batches(insertBatchSize(t.columns.length)));
      }
    },
    async close() {
      reader.close();
    },
  };
}

/** The backup's schema version, if this release knows every migration it has. */
function checkSchema(backup: string[], known: string[], file: string): string {
  for (const [i, name] of backup.entries()) {
    if (known[i] !== name) {
      throw new BackupRefusal(
        known.includes(name)
          ? `${file} has migrations this release does not have in that order (${name}); restore it with the release that made it`
          : `${file} was made by a newer release (it has migration ${name}); restore it with that release or a later one`,
      );
    }
  }
  return backup.at(-1)!;
}

/**
 * The backup's data keys (phone numbers kept for messages) join DATA_DIR/data.keys as older keys, so
 * the restored numbers can be read and the server's own newest key keeps encrypting. With DATA_KEY
 * set, the note says which key ids DATA_KEY / DATA_KEY_PREVIOUS must hold.
 */
function withDataKeys(req: RestoreRequest, hmac: { note: string; apply(): void }): { note: string; apply(): void } {
  const keyFile = keyFileOf(req.file);
  if (!req.passphrase || !existsSync(keyFile)) return hmac;
  const backedUp = (readKeyFile(keyFile, req.passphrase).dataKeys ?? []).map(dataKeyFrom);
  if (backedUp.length === 0) return hmac;
  const ids = backedUp.map((k) => k.id).join(', ');
  if (process.env.DATA_KEY) {
    return { note: `${hmac.note}; the backup's phone numbers are sealed under data key(s) ${ids}: DATA_KEY or DATA_KEY_PREVIOUS must hold them`, apply: hmac.apply };
  }
  return {
    note: `${hmac.note}; the backup's data key(s) ${ids} were added to ${dataKeyFile(req.dataDir)}`,
    apply() {
      hmac.apply();
      const file = dataKeyFile(req.dataDir);
      const own = existsSync(file) ? loadOrCreateKeyFile(req.dataDir, () => {}) : [];
      const missing = backedUp.filter((k) => !own.some((o) => o.id === k.id));
      const lines = [...missing, ...own].map((k) => k.bytes.toString('base64'));
      mkdirSync(req.dataDir, { recursive: true, mode: 0o700 });
      writeFileSync(file, `# V-Reserve data keys, oldest first; the last one encrypts. Back this file up with the database.\n${lines.join('\n')}\n`, { mode: 0o600 });
    },
  };
}

/** What to do with the HMAC key: decided (and refused) before anything changes, applied after. */
function planKeys(req: RestoreRequest): { note: string; apply(): void } {
  const keyFile = keyFileOf(req.file);
  const secretFile = join(req.dataDir, 'secret.key');
  const nothing = (note: string) => ({ note, apply() {} });
  if (!existsSync(keyFile)) {
    return nothing('the backup has no key file: the server must use the HMAC key (SECRET or DATA_DIR/secret.key) of the server it was taken from');
  }
  if (!req.passphrase) {
    return nothing(`${keyFile} was not opened (no BACKUP_PASSPHRASE or --passphrase-file): the server must use the backed-up server's HMAC key`);
  }
  let keys: BackupKeys;
  try {
    keys = readKeyFile(keyFile, req.passphrase);
  } catch (error) {
    if (error instanceof KeyFileError) throw new BackupRefusal(error.message);
    throw error;
  }
  if (req.configuredSecret !== null) {
    if (req.configuredSecret === keys.hmacSecret) return nothing('the HMAC key in SECRET is the backup\'s');
    if (!req.force) {
      throw new BackupRefusal(
        'SECRET is not the HMAC key of the backup: restored bookings could not be found by ID card and phone. Unset SECRET (the key is then written to DATA_DIR/secret.key) or set it to the backed-up key; --force restores anyway',
      );
    }
    return nothing('WARNING: SECRET is not the HMAC key of the backup (restored with --force); bookings cannot be found by ID card and phone until SECRET is the backed-up key');
  }
  const current = existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : null;
  if (current === keys.hmacSecret) return nothing(`the HMAC key in ${secretFile} is the backup's`);
  if (current !== null && !req.force) {
    throw new BackupRefusal(`${secretFile} is another HMAC key than the backup's; --force replaces it (the old one is kept as secret.key.before-restore)`);
  }
  return {
    note: current === null ? `the backup's HMAC key was written to ${secretFile}` : `${secretFile} was replaced by the backup's HMAC key (the old one is secret.key.before-restore)`,
    apply() {
      mkdirSync(req.dataDir, { recursive: true, mode: 0o700 });
      if (current !== null) renameSync(secretFile, `${secretFile}.before-restore`);
      writeFileSync(secretFile, `${keys.hmacSecret}\n`, { mode: 0o600 });
    },
  };
}

/** Refuses a store that holds data of its own, unless forced; names what it holds. */
async function refuseInUse(target: Store, force: boolean): Promise<void> {
  if (force) return;
  const present = new Set((await storedTables(target.db)).map((t) => t.name));
  const held: string[] = [];
  for (const t of BACKUP_TABLES) {
    if (SEEDED_TABLES.includes(t.name) || !present.has(t.name)) continue;
    const rows = await countRows(target.db, t.name);
    if (rows > 0) held.push(`${t.name}: ${rows} row${rows === 1 ? '' : 's'}`);
  }
  if (held.length > 0) {
    throw new BackupRefusal(
      `the store at ${target.location} is not empty (${held.join(', ')}); nothing was changed. Restore into an empty database, or add --force to replace everything in it`,
    );
  }
}

async function migrateTo(db: Kysely<any>, name: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => releaseMigrations } });
  const { error, results } = await migrator.migrateTo(name);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
