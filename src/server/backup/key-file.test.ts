import { describe, expect, it } from 'vitest';
import { KeyFileError, openKeys, sealKeys } from './key-file.js';

const keys = { hmacSecret: 'the-hmac-key-of-the-hall-0123456789', hmacSource: 'secret.key' } as const;

describe('the key file beside a backup', () => {
  it('opens with the passphrase it was sealed with, and holds no key in clear', () => {
    const sealed = sealKeys(keys, 'correct horse battery staple');
    expect(sealed).not.toContain(keys.hmacSecret);
    expect(JSON.parse(sealed)).toMatchObject({ format: 'vreserve-backup-keys', cipher: 'aes-256-gcm', kdf: { name: 'scrypt' } });
    expect(openKeys(sealed, 'correct horse battery staple', 'k')).toEqual(keys);
  });

  it('two seals of the same keys differ (fresh salt and nonce)', () => {
    expect(sealKeys(keys, 'correct horse battery staple')).not.toBe(sealKeys(keys, 'correct horse battery staple'));
  });

  it.each([
    ['a wrong passphrase', (s: string) => s, 'wrong horse battery staple', /the passphrase does not open k/],
    [
      'a changed ciphertext',
      (s: string) => {
        const f = JSON.parse(s);
        const data = Buffer.from(f.data, 'base64');
        data[0] = (data[0] ?? 0) ^ 1;
        return JSON.stringify({ ...f, data: data.toString('base64') });
      },
      'correct horse battery staple',
      /the passphrase does not open k/,
    ],
    ['not JSON', () => 'hello', 'correct horse battery staple', /k is not a V-Reserve key file/],
    ['another format', () => '{"format":"x"}', 'correct horse battery staple', /k is not a V-Reserve key file this release can read/],
  ])('is refused with %s', (_name, change, passphrase, message) => {
    const sealed = change(sealKeys(keys, 'correct horse battery staple'));
    expect(() => openKeys(sealed, passphrase, 'k')).toThrow(KeyFileError);
    expect(() => openKeys(sealed, passphrase, 'k')).toThrow(message);
  });
});
