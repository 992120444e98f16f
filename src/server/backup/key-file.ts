// The keys a backup cannot do without, written beside it encrypted under a passphrase:
// AES-256-GCM with a key derived by scrypt. Without the HMAC key the restored bookings are there
// but can no longer be found by ID card and phone (their hashes would not match).
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

export const KEY_FILE_FORMAT = 'vreserve-backup-keys';

/** What a key file holds once decrypted. */
export interface BackupKeys {
  /** The HMAC key of ID card and phone numbers (SECRET or DATA_DIR/secret.key). */
  hmacSecret: string;
  /** Where the backed-up server had it from. */
  hmacSource: 'SECRET' | 'secret.key';
  /** The data keys of kept phone numbers (base64, oldest first): without them the restored numbers cannot be read. */
  dataKeys?: string[];
}

interface KeyFile {
  format: typeof KEY_FILE_FORMAT;
  version: 1;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  data: string;
}

// scrypt N=2^15, r=8: about 0.1 s and 32 MB per guess.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
const maxmem = 64 * 1024 * 1024;

export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFileError';
  }
}

/** A passphrase must be long enough that guessing it from a stolen backup is hopeless. */
export const MIN_PASSPHRASE_LENGTH = 12;

/** The key file that belongs to a backup file. */
export function keyFileOf(backupFile: string): string {
  return `${backupFile}.keys`;
}

export function sealKeys(keys: BackupKeys, passphrase: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(passphrase, salt, 32, { ...SCRYPT, maxmem });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(KEY_FILE_FORMAT));
  const data = Buffer.concat([cipher.update(JSON.stringify(keys), 'utf8'), cipher.final()]);
  const file: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: 1,
    kdf: { name: 'scrypt', ...SCRYPT, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function openKeys(text: string, passphrase: string, name: string): BackupKeys {
  let file: KeyFile;
  try {
    file = JSON.parse(text) as KeyFile;
  } catch {
    throw new KeyFileError(`${name} is not a V-Reserve key file`);
  }
  if (file.format !== KEY_FILE_FORMAT || file.version !== 1 || file.kdf?.name !== 'scrypt' || file.cipher !== 'aes-256-gcm') {
    throw new KeyFileError(`${name} is not a V-Reserve key file this release can read`);
  }
  const { N, r, p } = file.kdf;
  const key = scryptSync(passphrase, Buffer.from(file.kdf.salt, 'base64'), 32, { N, r, p, maxmem });
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(file.iv, 'base64'));
  decipher.setAAD(Buffer.from(KEY_FILE_FORMAT));
  decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
  let plain: string;
  try {
    plain = Buffer.concat([decipher.update(Buffer.from(file.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new KeyFileError(`the passphrase does not open ${name} (wrong passphrase, or the file was changed)`);
  }
  return JSON.parse(plain) as BackupKeys;
}

export function writeKeyFile(path: string, keys: BackupKeys, passphrase: string): void {
  writeFileSync(path, sealKeys(keys, passphrase), { mode: 0o600 });
}

export function readKeyFile(path: string, passphrase: string): BackupKeys {
  return openKeys(readFileSync(path, 'utf8'), passphrase, path);
}

/** A passphrase from a file: its first line, without the line break. */
export function readPassphraseFile(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text.split(/\r?\n/, 1)[0] ?? '';
}
