import { describe, expect, it } from 'vitest';
import { CODE_MAX_TRIES, codeRefusal, formatCode, isCodeShape } from './verification.js';

describe('verification codes', () => {
  it('are six digits, leading zeros kept', () => {
    expect(formatCode(42)).toBe('000042');
    expect(isCodeShape('000042')).toBe(true);
    for (const bad of ['12345', '1234567', '12345a', ' 123456', '']) expect(isCodeShape(bad)).toBe(false);
  });

  it('can be tried until used, out of tries or expired', () => {
    const code = { expiresAt: '2026-11-25T00:05:00.000Z', attempts: 0, usedAt: null };
    expect(codeRefusal(code, '2026-11-25T00:04:59.999Z')).toBeNull();
    expect(codeRefusal(code, '2026-11-25T00:05:00.000Z')).toBe('VERIFY_CODE_EXPIRED');
    expect(codeRefusal({ ...code, attempts: CODE_MAX_TRIES - 1 }, '2026-11-25T00:01:00.000Z')).toBeNull();
    expect(codeRefusal({ ...code, attempts: CODE_MAX_TRIES }, '2026-11-25T00:01:00.000Z')).toBe('VERIFY_CODE_TRIES');
    expect(codeRefusal({ ...code, usedAt: '2026-11-25T00:01:00.000Z' }, '2026-11-25T00:02:00.000Z')).toBe('VERIFY_CODE_USED');
  });
});
