import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPiiHasher } from './pii.js';

// The stores keep these hashes: a release that hashed differently would find nobody's bookings.
const hmacOfText = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('hex');

describe('createPiiHasher', () => {
  it('hashes as an HMAC-SHA256 keyed with the secret’s text, whatever characters the secret has', () => {
    for (const secret of ['bench-secret-0123456789abcdef', '政务服务中心的密钥-ünïcode-🔑']) {
      const pii = createPiiHasher(secret);
      expect(pii.idCard('11010519491231002X')).toBe(hmacOfText(secret, 'id:11010519491231002X'));
      expect(pii.phone('13800138000')).toBe(hmacOfText(secret, 'phone:13800138000'));
      expect(pii.statusToken('Y20261126090001')).toBe(hmacOfText(secret, 'status:Y20261126090001').slice(0, 32));
      expect(pii.idempotencyKey('k1', 'abc')).toBe(hmacOfText(secret, 'idem:abc:k1'));
    }
  });

  it('keeps kinds and secrets apart', () => {
    const a = createPiiHasher('secret-a-0123456789abcdef');
    const b = createPiiHasher('secret-b-0123456789abcdef');
    expect(a.idCard('13800138000')).not.toBe(a.phone('13800138000'));
    expect(a.idCard('11010519491231002X')).not.toBe(b.idCard('11010519491231002X'));
  });

  it('a status token matches its own booking number only', () => {
    const pii = createPiiHasher('bench-secret-0123456789abcdef');
    const token = pii.statusToken('Y20261126090001');
    expect(pii.statusTokenMatches('Y20261126090001', token)).toBe(true);
    expect(pii.statusTokenMatches('Y20261126090002', token)).toBe(false);
    expect(pii.statusTokenMatches('Y20261126090001', token.slice(1))).toBe(false);
  });
});
