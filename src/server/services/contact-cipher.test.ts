import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { UnknownDataKey, createContactCipher, dataKeyFrom } from './contact-cipher.js';

const key = () => dataKeyFrom(randomBytes(32).toString('base64'));

describe('the phone cipher', () => {
  it('seals and opens; the same phone seals differently each time', () => {
    const c = createContactCipher([key()]);
    const a = c.seal('13812348000', 'booking:Y1');
    const b = c.seal('13812348000', 'booking:Y1');
    expect(a.cipher).not.toBe(b.cipher);
    expect(a.cipher).not.toContain('13812348000');
    expect(c.open(a, 'booking:Y1')).toBe('13812348000');
  });

  it('refuses another row, a changed byte and an unknown key', () => {
    const c = createContactCipher([key()]);
    const a = c.seal('13812348000', 'booking:Y1');
    expect(() => c.open(a, 'booking:Y2')).toThrow();
    const body = a.cipher.split('.');
    body[2] = Buffer.from('13912348000').toString('base64url');
    expect(() => c.open({ ...a, cipher: body.join('.') }, 'booking:Y1')).toThrow();
    expect(() => createContactCipher([key()]).open(a, 'booking:Y1')).toThrow(UnknownDataKey);
  });

  it('old keys open, the newest seals; a key added later is found when first seen', () => {
    const [k1, k2] = [key(), key()];
    const old = createContactCipher([k1]).seal('13812348000', 'x');
    const both = createContactCipher([k1, k2]);
    expect(both.currentKeyId).toBe(k2.id);
    expect(both.open(old, 'x')).toBe('13812348000');
    let keys = [k1];
    const growing = createContactCipher(keys, () => keys);
    keys = [k1, k2];
    expect(growing.open(createContactCipher([k2]).seal('1', 'y'), 'y')).toBe('1');
    expect(growing.currentKeyId).toBe(k2.id);
  });

  it('key ids follow the key, and keys must be 32 bytes', () => {
    const text = randomBytes(32).toString('hex');
    expect(dataKeyFrom(text).id).toBe(dataKeyFrom(Buffer.from(text, 'hex').toString('base64')).id);
    expect(() => dataKeyFrom(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
