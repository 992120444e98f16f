// The HMAC key for personal data. Without SECRET, one is generated on first start and kept in
// the data directory (0600), so that lookups keep working across restarts.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OWNER_ONLY = 0o600;

/** A key file other users can read (a copy, a restore, an older version) is narrowed to 0600. */
export function keepPrivate(file: string, log: (msg: string) => void): void {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  try {
    chmodSync(file, OWNER_ONLY);
    log(`${file} could be read by other users (mode ${mode.toString(8)}); changed it to 600`);
  } catch (e) {
    log(`${file} can be read by other users (mode ${mode.toString(8)}) and could not be changed (${(e as Error).message}); run chmod 600 on it`);
  }
}

/**
 * Creates a key file with its whole text at once, unless it exists: the text goes to a private
 * temporary file first and is then linked into place, so a process starting at the same moment sees
 * either no file or the complete one, never an empty file still being written. True when this call
 * created it; false when another process had (its text is then the one to use).
 */
export function createKeyFileOnce(file: string, text: string): boolean {
  const partial = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.new`;
  writeFileSync(partial, text, { mode: OWNER_ONLY, flag: 'wx' });
  try {
    linkSync(partial, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    unlinkSync(partial);
  }
}

function readKey(file: string, log: (msg: string) => void): string {
  keepPrivate(file, log);
  return readFileSync(file, 'utf8').trim();
}

export function loadOrCreateSecret(dataDir: string, log: (msg: string) => void): string {
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return readKey(file, log);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  // Another process may create it first: then theirs is the one to use.
  if (!createKeyFileOnce(file, `${secret}\n`)) return readKey(file, log);
  log(`no SECRET configured: generated a new HMAC key in ${file}; keep it (and back it up) or set SECRET`);
  return secret;
}
