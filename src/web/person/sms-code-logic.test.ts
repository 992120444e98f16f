import { describe, expect, it } from 'vitest';
import { RESEND_SECONDS, checkCode, codeInput, isCodeRefusal, secondsToResend } from './sms-code-logic.js';

describe('the code as typed', () => {
  it.each([
    ['123456', '123456'],
    ['12 34 56', '123456'],
    ['１２３４５６', '123456'],
    ['【微预约】验证码 654321，5 分钟内有效', '654321'],
    ['1234567', '123456'],
    ['abc', ''],
    ['', ''],
  ])('%s → %s', (raw, typed) => {
    expect(codeInput(raw)).toBe(typed);
  });

  it.each([
    ['', 'EMPTY'],
    ['12345', 'FORMAT'],
    ['123456', null],
    ['000000', null],
    ['12345a', 'FORMAT'],
  ])('%s is %s', (code, problem) => {
    expect(checkCode(code)).toBe(problem);
  });
});

describe('asking again', () => {
  const at = Date.parse('2026-11-25T08:30:00Z');
  const sent = { to: '13812348000', at };

  it.each([
    [0, 60],
    [1, 60],
    [999, 60],
    [1000, 59],
    [59_001, 1],
    [59_999, 1],
    [60_000, 0],
    [3_600_000, 0],
  ])('%i ms after sending: %i s to wait', (after, left) => {
    expect(secondsToResend(sent, '13812348000', at + after)).toBe(left);
  });

  it('nothing sent, or another phone typed since: no wait', () => {
    expect(secondsToResend(null, '13812348000', at)).toBe(0);
    expect(secondsToResend(sent, '13912348000', at + 1000)).toBe(0);
    expect(secondsToResend(sent, null, at + 1000)).toBe(0);
  });

  it('a clock set back never makes the wait longer than a minute', () => {
    expect(secondsToResend(sent, '13812348000', at - 3_600_000)).toBe(RESEND_SECONDS);
  });
});

describe('refusals about the code', () => {
  it.each([
    ['VERIFY_CODE_REQUIRED', true],
    ['VERIFY_CODE_WRONG', true],
    ['VERIFY_CODE_EXPIRED', true],
    ['VERIFY_CODE_USED', true],
    ['VERIFY_CODE_TRIES', true],
    ['VERIFY_TOO_MANY', false],
    ['SLOT_FULL', false],
    ['INVALID_PHONE', false],
  ])('%s: %s', (code, beside) => {
    expect(isCodeRefusal(code)).toBe(beside);
  });
});
