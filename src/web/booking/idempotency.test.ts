import { describe, expect, it } from 'vitest';
import { fingerprintOf, keyForAttempt, randomKey } from './idempotency.js';

const request = { serviceId: 1, date: '2026-11-25', slot: '09:00', idCard: '11010519491231002X', phone: '13812348000' };

describe('keyForAttempt', () => {
  it('reuses the key when the same request is sent again', () => {
    const first = keyForAttempt(null, fingerprintOf(request));
    expect(keyForAttempt(first, fingerprintOf({ ...request }))).toBe(first);
  });

  it('makes a new key when anything changes', () => {
    const first = keyForAttempt(null, fingerprintOf(request));
    const other = keyForAttempt(first, fingerprintOf({ ...request, slot: '10:00' }));
    expect(other.key).not.toBe(first.key);
    expect(keyForAttempt(first, fingerprintOf({ ...request, name: '张三' })).key).not.toBe(first.key);
  });
});

describe('randomKey', () => {
  it('is 32 hex characters and differs each time', () => {
    const a = randomKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(randomKey()).not.toBe(a);
  });

  it('uses the given random source', () => {
    expect(randomKey((b) => b.fill(255))).toBe('f'.repeat(32));
  });
});
