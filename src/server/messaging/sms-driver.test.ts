import { describe, expect, it } from 'vitest';
import { SmsRejected, describeSmsError } from './sms-driver.js';

describe('the error kept in the outbox', () => {
  it('blanks the number out and names a refusal by its code', () => {
    expect(describeSmsError(new SmsRejected('13812348000 is blocked', 'BLOCKED'), '13812348000')).toBe('BLOCKED: *** is blocked');
    expect(describeSmsError(new Error('connect ECONNREFUSED'), '13812348000')).toBe('connect ECONNREFUSED');
  });

  it('leaves the text alone when no number is known (a store error before the send)', () => {
    expect(describeSmsError(new Error('database is locked'), '')).toBe('database is locked');
  });

  it('keeps at most 300 characters', () => {
    expect(describeSmsError(new Error('x'.repeat(1000)), '1')).toHaveLength(300);
  });
});
