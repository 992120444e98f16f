// `vreserve backup` and `vreserve restore`: argument parsing, progress on a terminal, the summary.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupRefusal, type BackupResult, type ProgressEvent, backupFileName, currentKeys, takeBackup } from '../backup/backup.js';
import { MIN_PASSPHRASE_LENGTH, readPassphraseFile } from '../backup/key-file.js';
import { type RestoreResult, restoreBackup } from '../backup/restore.js';
import type { Config } from '../config.js';
import { redactUrl } from '../db/dialect.js';
import { isStoreUnavailable } from '../repositories/portable.js';
import { UsageError } from './failure.js';

export const BACKUP_USAGE = `  backup [--to FILE|DIR] [--passphrase-file FILE]
            a consistent copy of the store, also while it serves (default: into BACKUP_DIR or
            the current folder as vreserve-<UTC time>.sqlite / .jsonl.gz); with a passphrase
            (BACKUP_PASSPHRASE or the file's first line) the HMAC key is written beside it, encrypted
  restore FILE [--force] [--passphrase-file FILE]
            a backup into an empty store (--force: in place of what the store holds), then the
            invariant check; stop the servers using the store first`;

const out = (line = '') => process.stdout.write(`${line}\n`);

/** One line rewritten in place, only when stdout is a terminal; at most ten updates a second. */
class TerminalProgress {
  #last = 0;
  #shown = false;
  readonly #tty = process.stdout.isTTY === true;

  update = (e: ProgressEvent) => {
    if (!this.#tty) return;
    const now = Date.now();
    const done = e.step === 'copy' ? e.copiedPages === e.totalPages : e.totalRows !== null && e.rows === e.totalRows;
    if (now - this.#last < 100 && !done) return;
    this.#last = now;
    const text =
      e.step === 'copy'
        ? `copying pages ${e.copiedPages}/${e.totalPages} (${Math.floor((100 * e.copiedPages) / Math.max(1, e.totalPages))}%)`
        : `${e.table}: ${e.rows.toLocaleString('en')}${e.totalRows === null ? '' : `/${e.totalRows.toLocaleString('en')}`} rows`;
    process.stdout.write(`\r\x1b[K${text}`);
    this.#shown = true;
  };

  clear(): void {
    if (this.#shown) process.stdout.write('\r\x1b[K');
    this.#shown = false;
  }
}

function humanBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

function printTables(tables: { name: string; rows: number }[]): void {
  const width = Math.max(5, ...tables.map((t) => t.name.length));
  const total = tables.reduce((s, t) => s + t.rows, 0);
  const rows = [...tables, { name: 'total', rows: total }];
  const numWidth = Math.max(4, ...rows.map((t) => t.rows.toLocaleString('en').length));
  out(`  ${'table'.padEnd(width)}  ${'rows'.padStart(numWidth)}`);
  for (const t of rows) out(`  ${t.name.padEnd(width)}  ${t.rows.toLocaleString('en').padStart(numWidth)}`);
}

/** --passphrase-file, else BACKUP_PASSPHRASE; a new key file needs a long enough passphrase. */
function passphraseFrom(file: string | undefined, config: Readonly<Config>, forWriting: boolean): string | null {
  if (file === undefined) return config.backup.passphrase;
  if (!existsSync(file)) throw new BackupRefusal(`there is no passphrase file ${file}`);
  const passphrase = readPassphraseFile(file);
  if (forWriting && passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new BackupRefusal(`the passphrase in ${file} must be at least ${MIN_PASSPHRASE_LENGTH} characters long`);
  }
  return passphrase;
}

/** PostgreSQL's and MySQL's "database does not exist": create it first. */
function isMissingDatabase(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown } | null;
  return e?.code === '3D000' || e?.code === 'ER_BAD_DB_ERROR' || e?.errno === 1049;
}

/** Runs a command; a refusal or an unreachable store is one line on stderr and exit 1. */
async function refusalsAsExit(config: Readonly<Config>, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupRefusal) {
      process.stderr.write(`vreserve: ${error.message}\n`);
      return 1;
    }
    if (isStoreUnavailable(error) || isMissingDatabase(error)) {
      process.stderr.write(`vreserve: the store at ${redactUrl(config.databaseUrl)} cannot be reached: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

export function printBackupSummary(r: BackupResult): void {
  out(`backup written: ${r.file}`);
  out(`  ${r.format === 'sqlite' ? 'SQLite online backup' : 'snapshot dump (gzip JSON lines)'}, schema ${r.schema}`);
  printTables(r.tables);
  out(`  ${humanBytes(r.bytes)} in ${r.seconds.toFixed(2)} s`);
  if (r.keyFile) out(`  the HMAC key is beside it, encrypted with the passphrase (AES-256-GCM, scrypt): ${r.keyFile}`);
  if (r.keepSeparately.length > 0) {
    out('  NOT in this backup, keep it separately:');
    for (const k of r.keepSeparately) out(`    - ${k}`);
  }
}

export async function backupCommand(config: Readonly<Config>, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { to: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`usage:\n${BACKUP_USAGE}`);
  return refusalsAsExit(config, async () => {
    const passphrase = passphraseFrom(values['passphrase-file'], config, true);
    const named = values.to ? resolve(values.to) : (config.backup.dir ?? process.cwd());
    // A folder: one that exists, or a path written with a trailing slash.
    const isDir = !values.to || /[\\/]$/.test(values.to) || (existsSync(named) && statSync(named).isDirectory());
    const to = isDir ? join(named, backupFileName(config.databaseUrl, new Date())) : named;
    const progress = new TerminalProgress();
    let result: BackupResult;
    try {
      result = await takeBackup({ databaseUrl: config.databaseUrl, to, keys: currentKeys(config), passphrase, onProgress: progress.update });
    } finally {
      progress.clear();
    }
    printBackupSummary(result);
    return 0;
  });
}

function printRestoreSummary(file: string, location: string, r: RestoreResult): void {
  out(`restored ${file} into ${location}`);
  printTables(r.tables);
  out(`  schema ${r.schema}${r.upgradedWith.length ? `, then upgraded with ${r.upgradedWith.join(', ')}` : ''}`);
  out(`  key: ${r.keyNote}`);
  out(`  ${r.seconds.toFixed(2)} s`);
  if (r.check.problems.length === 0) {
    out(`check ok: ${r.check.slots} slots checked; capacity, counts and numbers are consistent`);
  } else {
    out(`check found ${r.check.problems.length} problem(s):`);
    for (const p of r.check.problems) out(`  - ${p}`);
  }
}

export async function restoreCommand(config: Readonly<Config>, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: 'boolean' }, 'passphrase-file': { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError(`usage:\n${BACKUP_USAGE}`);
  const file = resolve(positionals[0]!);
  return refusalsAsExit(config, async () => {
    const passphrase = passphraseFrom(values['passphrase-file'], config, false);
    const progress = new TerminalProgress();
    let result: RestoreResult;
    try {
      result = await restoreBackup({
        file,
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        configuredSecret: config.secret,
        force: values.force === true,
        passphrase,
        onProgress: progress.update,
      });
    } finally {
      progress.clear();
    }
    printRestoreSummary(file, redactUrl(config.databaseUrl), result);
    return result.check.problems.length === 0 ? 0 : 1;
  });
}
