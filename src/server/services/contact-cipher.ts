// Phone numbers kept only so that messages can be sent: AES-256-GCM under a data key, each
// ciphertext tagged with the id of its key so keys can rotate (old keys decrypt, the newest
// encrypts). The booking's number is the associated data: a ciphertext copied onto another row
// does not decrypt there.
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { randomBytesPooled } from './random-pool.js';

export interface DataKey {
  id: string;
  bytes: Buffer;
}

/** A key's id: derived from the key, so the same key always has the same id wherever it is set. */
export function keyIdOf(bytes: Buffer): string {
  return createHash('sha256').update('vreserve data key id\0').update(bytes).digest('hex').slice(0, 12);
}

export function dataKeyFrom(text: string): DataKey {
  const raw = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error('a data key must be 32 bytes (base64 or 64 hex digits)');
  return { id: keyIdOf(bytes), bytes };
}

export interface Sealed {
  keyId: string;
  cipher: string;
}

export class UnknownDataKey extends Error {
  constructor(readonly keyId: string) {
    super(`no data key with id ${keyId} is configured (was DATA_KEY changed without keeping the old key?)`);
  }
}

export interface ContactCipher {
  /** The id of the key new ciphertexts are made with. */
  readonly currentKeyId: string;
  seal(plain: string, context: string): Sealed;
  /** Throws UnknownDataKey when the key is not (or no longer) configured, and on tampering. */
  open(sealed: Sealed, context: string): string;
}

const VERSION = 'v1';

/**
 * `keys`: oldest first; the last one encrypts. `changed`, when given, returns the keys anew if they
 * changed since last asked (a key added by `vreserve keys rotate` while the server runs), else null.
 */
export function createContactCipher(keys: readonly DataKey[], changed?: (force: boolean) => readonly DataKey[] | null): ContactCipher {
  if (keys.length === 0) throw new Error('at least one data key is needed');
  let byId = new Map(keys.map((k) => [k.id, k]));
  let current = keys[keys.length - 1] as DataKey;
  const refresh = (force: boolean) => {
    const fresh = changed?.(force);
    if (!fresh || fresh.length === 0) return;
    byId = new Map(fresh.map((k) => [k.id, k]));
    current = fresh[fresh.length - 1] as DataKey;
  };
  const find = (id: string): DataKey => {
    if (!byId.has(id)) refresh(true);
    const key = byId.get(id);
    if (!key) throw new UnknownDataKey(id);
    return key;
  };
  return {
    get currentKeyId() {
      refresh(false);
      return current.id;
    },
    seal(plain, context) {
      refresh(false);
      const iv = randomBytesPooled(12);
      const c = createCipheriv('aes-256-gcm', current.bytes, iv);
      c.setAAD(Buffer.from(context));
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      const parts = [VERSION, iv.toString('base64url'), body.toString('base64url'), c.getAuthTag().toString('base64url')];
      return { keyId: current.id, cipher: parts.join('.') };
    },
    open(sealed, context) {
      const [version, iv, body, tag] = sealed.cipher.split('.');
      if (version !== VERSION || !iv || body === undefined || !tag) throw new Error('not a V-Reserve ciphertext');
      const d = createDecipheriv('aes-256-gcm', find(sealed.keyId).bytes, Buffer.from(iv, 'base64url'));
      d.setAAD(Buffer.from(context));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
    },
  };
}
