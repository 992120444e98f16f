// BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP and BACKUP_PASSPHRASE: the server's own backups.
import { resolve } from 'node:path';
import { MIN_PASSPHRASE_LENGTH } from './key-file.js';

export interface BackupOptions {
  /** Where the server writes its backups (BACKUP_DIR); null: it takes none by itself. */
  dir: string | null;
  /** Time between two backups (BACKUP_EVERY). */
  everyMs: number;
  /** How many backups to keep (BACKUP_KEEP); older ones are removed after a new one is written. */
  keep: number;
  /** Encrypts the key file written beside each backup (BACKUP_PASSPHRASE); null: no key file. */
  passphrase: string | null;
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const MAX_EVERY_MS = 366 * UNIT_MS.d!;

/** `24h`, `30m`, `1h30m`, `7d`, `90s` -> milliseconds; null when it is not such a duration. */
export function parseEvery(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  if (!/^(\d+[smhd])+$/.test(text)) return null;
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)([smhd])/g)) ms += Number(n) * UNIT_MS[unit!]!;
  return ms;
}

export function backupOptionsFromEnv(env: NodeJS.ProcessEnv, problems: string[]): BackupOptions {
  const dir = env.BACKUP_DIR ? resolve(env.BACKUP_DIR) : null;
  let everyMs = UNIT_MS.d!;
  if (env.BACKUP_EVERY) {
    const ms = parseEvery(env.BACKUP_EVERY);
    if (ms === null || ms < 1000 || ms > MAX_EVERY_MS) {
      problems.push(`BACKUP_EVERY must be a duration such as 24h, 30m, 1h30m or 7d, from 1s to 366d (got "${env.BACKUP_EVERY}")`);
    } else everyMs = ms;
    if (!dir) problems.push('BACKUP_EVERY needs BACKUP_DIR: the folder where the server writes its backups');
  }
  let keep = 7;
  if (env.BACKUP_KEEP) {
    const n = Number(env.BACKUP_KEEP);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) problems.push(`BACKUP_KEEP must be a whole number from 1 to 10000 (got "${env.BACKUP_KEEP}")`);
    else keep = n;
    if (!dir) problems.push('BACKUP_KEEP needs BACKUP_DIR: the folder where the server writes its backups');
  }
  const passphrase = env.BACKUP_PASSPHRASE || null;
  // Not echoed: it is a secret.
  if (passphrase !== null && passphrase.length < MIN_PASSPHRASE_LENGTH) {
    problems.push(`BACKUP_PASSPHRASE must be at least ${MIN_PASSPHRASE_LENGTH} characters long`);
  }
  return { dir, everyMs, keep, passphrase };
}
