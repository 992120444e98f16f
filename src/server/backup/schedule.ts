// BACKUP_DIR + BACKUP_EVERY: the server (the cluster primary, or the single process) takes a
// backup every so often and keeps the newest BACKUP_KEEP. The next backup is due BACKUP_EVERY
// after the newest one in the folder, so restarting the server neither skips nor repeats one.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { pino } from 'pino';
import type { Config } from '../config.js';
import type { BackupOptions } from './backup-config.js';
import { type BackupResult, backupFileName, currentKeys, takeBackup } from './backup.js';
import { keyFileOf } from './key-file.js';

/** The names the server gives its backups (also `vreserve backup` without --to). */
const BACKUP_NAME = /^vreserve-\d{8}-\d{6}\.(sqlite|jsonl\.gz)$/;
const PARTIAL_NAME = /^vreserve-\d{8}-\d{6}\.(sqlite|jsonl\.gz)\.partial$/;

/** The longest a timer may wait in Node (about 24.8 days); longer waits are taken in pieces. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A failed backup is tried again after this, or after BACKUP_EVERY if that is shorter. */
const RETRY_MS = 10 * 60_000;

/** The status file beside the backups: the last success and the last failure, for people and tools. */
export const STATUS_FILE = 'last-backup.json';

export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => BACKUP_NAME.test(n))
    .sort();
}

/** The backups beyond the newest `keep` (their names sort by the time they were taken). */
export function backupsToRemove(names: string[], keep: number): string[] {
  const sorted = [...names].sort();
  return sorted.slice(0, Math.max(0, sorted.length - keep));
}

/** How long until the next backup: BACKUP_EVERY after the newest one, at once when there is none. */
export function delayUntilDue(newestAt: number | null, now: number, everyMs: number): number {
  if (newestAt === null) return 0;
  return Math.max(0, newestAt + everyMs - now);
}

export function rotate(dir: string, keep: number): string[] {
  const removed = backupsToRemove(listBackups(dir), keep);
  for (const name of removed) {
    rmSync(join(dir, name), { force: true });
    rmSync(keyFileOf(join(dir, name)), { force: true });
  }
  return removed;
}

interface Status {
  lastSuccess: { at: string; file: string; bytes: number; seconds: number; rows: number } | null;
  lastFailure: { at: string; error: string } | null;
}

function readStatus(dir: string): Status {
  try {
    const s = JSON.parse(readFileSync(join(dir, STATUS_FILE), 'utf8')) as Partial<Status>;
    return { lastSuccess: s.lastSuccess ?? null, lastFailure: s.lastFailure ?? null };
  } catch {
    return { lastSuccess: null, lastFailure: null };
  }
}

/** What GET /api/v1/admin/backup answers. */
export function backupStatus(options: BackupOptions | undefined) {
  if (!options?.dir) {
    return { enabled: false, dir: null, everySeconds: null, keep: null, keysBeside: false, backups: 0, lastSuccess: null, lastFailure: null, nextDueAt: null };
  }
  const { lastSuccess, lastFailure } = readStatus(options.dir);
  const names = listBackups(options.dir);
  const newest = names.at(-1);
  let nextDueAt: string | null = null;
  try {
    if (newest) nextDueAt = new Date(statSync(join(options.dir, newest)).mtimeMs + options.everyMs).toISOString();
  } catch {
    // Removed meanwhile (a rotation): due as if there were none.
  }
  return {
    enabled: true,
    dir: options.dir,
    everySeconds: Math.round(options.everyMs / 1000),
    keep: options.keep,
    keysBeside: options.passphrase !== null,
    backups: names.length,
    lastSuccess: lastSuccess && { ...lastSuccess, file: basename(lastSuccess.file) },
    lastFailure,
    nextDueAt,
  };
}

function writeStatus(dir: string, status: Status): void {
  writeFileSync(join(dir, STATUS_FILE), `${JSON.stringify(status, null, 2)}\n`, { mode: 0o600 });
}

/** Starts the backup timer when BACKUP_DIR is set; returns a function that stops it. */
export function startBackupSchedule(config: Readonly<Config>, logger: pino.Logger): () => void {
  const { dir, everyMs, keep, passphrase } = config.backup;
  if (!dir) return () => {};
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // A backup cut short by a crash or a stop leaves its temporary file behind.
  for (const name of readdirSync(dir).filter((n) => PARTIAL_NAME.test(n))) rmSync(join(dir, name), { force: true });
  if (!passphrase) {
    logger.warn(
      { backupDir: dir },
      `BACKUP_PASSPHRASE is not set: the backups do not hold the HMAC key; keep ${config.secret ? 'SECRET' : 'DATA_DIR/secret.key'} separately`,
    );
  }
  const status = readStatus(dir);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let dueAt = 0;

  const wait = (ms: number) => {
    dueAt = Date.now() + ms;
    arm();
  };
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(() => (Date.now() >= dueAt ? void run() : arm()), Math.min(Math.max(0, dueAt - Date.now()), MAX_TIMER_MS));
    timer.unref();
  };

  const run = async () => {
    timer = null;
    const to = join(dir, backupFileName(config.databaseUrl, new Date()));
    let result: BackupResult;
    try {
      result = await takeBackup({ databaseUrl: config.databaseUrl, to, keys: currentKeys(config), passphrase });
    } catch (err) {
      const retryMs = Math.min(everyMs, RETRY_MS);
      logger.error({ err, backupDir: dir, retryInMs: retryMs }, 'backup failed; trying again later');
      status.lastFailure = { at: new Date().toISOString(), error: err instanceof Error ? err.message : String(err) };
      writeStatusQuietly();
      return wait(retryMs);
    }
    const rows = result.tables.reduce((s, t) => s + t.rows, 0);
    logger.info(
      {
        file: result.file,
        bytes: result.bytes,
        seconds: Number(result.seconds.toFixed(3)),
        rows,
        tables: Object.fromEntries(result.tables.map((t) => [t.name, t.rows])),
        keyFile: result.keyFile,
      },
      'backup written',
    );
    status.lastSuccess = { at: new Date().toISOString(), file: result.file, bytes: result.bytes, seconds: result.seconds, rows };
    writeStatusQuietly();
    try {
      const removed = rotate(dir, keep);
      if (removed.length > 0) logger.info({ removed, keep }, 'old backups removed');
    } catch (err) {
      logger.warn({ err, backupDir: dir }, 'old backups could not be removed');
    }
    wait(everyMs);
  };

  const writeStatusQuietly = () => {
    try {
      writeStatus(dir, status);
    } catch (err) {
      logger.warn({ err, backupDir: dir }, `${STATUS_FILE} could not be written`);
    }
  };

  const newest = listBackups(dir).at(-1);
  const newestAt = newest ? statSync(join(dir, newest)).mtimeMs : null;
  const delay = delayUntilDue(newestAt, Date.now(), everyMs);
  logger.info({ backupDir: dir, everyMs, keep, firstInMs: Math.round(delay) }, 'scheduled backups are on');
  wait(delay);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
