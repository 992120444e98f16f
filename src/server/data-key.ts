// The data keys for phone numbers kept to send messages. DATA_KEY (with DATA_KEY_PREVIOUS, older
// keys that still decrypt, comma-separated) when set; else the file data.keys in DATA_DIR (0600),
// one key per line, oldest first, created with one key on first start. `vreserve keys rotate`
// appends a new key to that file (or, with DATA_KEY, re-encrypts under the key set there).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ContactCipher, type DataKey, createContactCipher, dataKeyFrom } from './services/contact-cipher.js';
import { createKeyFileOnce, keepPrivate } from './secret.js';

const OWNER_ONLY = 0o600;

export function dataKeyFile(dataDir: string): string {
  return join(dataDir, 'data.keys');
}

function readKeyFile(file: string, log: (msg: string) => void): DataKey[] {
  keepPrivate(file, log);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map(dataKeyFrom);
}

function newKeyLine(): string {
  return `${randomBytes(32).toString('base64')}\n`;
}

/** The keys of the data directory's file, creating it with one key when there is none. */
export function loadOrCreateKeyFile(dataDir: string, log: (msg: string) => void): DataKey[] {
  const file = dataKeyFile(dataDir);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const text = `# V-Reserve data keys, oldest first; the last one encrypts. Back this file up with the database.\n${newKeyLine()}`;
    if (createKeyFileOnce(file, text)) log(`no DATA_KEY configured: generated a data key in ${file}; keep it (and back it up) or set DATA_KEY`);
  }
  return readKeyFile(file, log);
}

/** Appends a fresh key to the data directory's file: new ciphertexts use it from now on. */
export function appendKey(dataDir: string, log: (msg: string) => void): DataKey {
  const file = dataKeyFile(dataDir);
  loadOrCreateKeyFile(dataDir, log);
  writeFileSync(file, newKeyLine(), { flag: 'a', mode: OWNER_ONLY });
  const keys = readKeyFile(file, log);
  return keys[keys.length - 1] as DataKey;
}

export function envKeys(dataKey: string, previous: string | undefined): DataKey[] {
  const older = (previous ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(dataKeyFrom);
  return [...older, dataKeyFrom(dataKey)];
}

/** The cipher a process uses; with the key file, a key added by `keys rotate` is picked up when first seen. */
export function contactCipherFor(config: { dataKey: string | null; dataDir: string }, env: NodeJS.ProcessEnv, log: (msg: string) => void): ContactCipher {
  if (config.dataKey) return createContactCipher(envKeys(config.dataKey, env.DATA_KEY_PREVIOUS));
  const file = dataKeyFile(config.dataDir);
  const keys = loadOrCreateKeyFile(config.dataDir, log);
  // The file is looked at again at most every few seconds (or at once for an unknown key id).
  let seen = statSync(file).mtimeMs;
  let lookedAt = Date.now();
  return createContactCipher(keys, (force) => {
    if (!force && Date.now() - lookedAt < 5_000) return null;
    lookedAt = Date.now();
    const mtime = statSync(file).mtimeMs;
    if (!force && mtime === seen) return null;
    seen = mtime;
    return readKeyFile(file, log);
  });
}
