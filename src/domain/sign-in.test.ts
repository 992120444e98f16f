import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, SIGN_IN_WINDOW_MS, type SignInAttempt, isUsername, mayCheckPassword, passwordProblem } from './sign-in.js';

describe('which sign-in attempts are checked against the password', () => {
  it.each([
    [{ fromAddressForAccount: 1, fromAddress: 1, accountSlowedDown: false }, true],
    [{ fromAddressForAccount: 10, fromAddress: 10, accountSlowedDown: false }, true],
    [{ fromAddressForAccount: 11, fromAddress: 11, accountSlowedDown: false }, false],
    [{ fromAddressForAccount: 1, fromAddress: 100, accountSlowedDown: false }, true],
    [{ fromAddressForAccount: 1, fromAddress: 101, accountSlowedDown: false }, false],
    [{ fromAddressForAccount: 1, fromAddress: 1, accountSlowedDown: true }, true],
    [{ fromAddressForAccount: 2, fromAddress: 2, accountSlowedDown: true }, false],
  ] as [SignInAttempt, boolean][])('%j -> %s', (attempt, checked) => expect(mayCheckPassword(attempt)).toBe(checked));

  it('the limits are what the README says', () => {
    expect(SIGN_IN_LIMITS).toEqual({ perAccountAndAddress: 10, perAddress: 100, accountFailuresBeforeSlowDown: 50 });
    expect(SIGN_IN_WINDOW_MS).toBe(15 * 60_000);
  });
});

describe('password strength', () => {
  it.each([
    ['short1!', 'TOO_SHORT'],
    ['aaaaaaaaaaaa', 'TOO_SIMPLE'],
    ['abcdefghijk', 'TOO_SIMPLE'],
    ['1111111111A', 'TOO_SIMPLE'],
    ['zhang-admin-2026', 'TOO_SIMPLE'],
    ['Hall-Counter-7', null],
    ['correct horse 42', null],
  ])('%j -> %s', (pw, problem) => expect(passwordProblem(pw, 'admin')).toBe(problem));
});

describe('usernames', () => {
  it.each([
    ['admin', true],
    ['wang.li', true],
    ['ab', false],
    ['has space', false],
    ['张三', false],
  ])('%j -> %s', (u, ok) => expect(isUsername(u)).toBe(ok));
});
