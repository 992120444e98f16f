import { describe, expect, it } from 'vitest';
import { lockSecondsLeft, lockedUntil, newPasswordProblem, signInProblems } from './sign-in-logic.js';

describe('signInProblems', () => {
  it.each([
    ['admin', 'secret', []],
    ['', 'secret', ['username']],
    ['  ', '', ['username', 'password']],
    ['admin', '', ['password']],
  ] as const)('%j / %j -> %j', (u, p, problems) => {
    expect(signInProblems(u, p)).toEqual(problems);
  });
});

describe('lock countdown', () => {
  const now = 1_000_000;

  it('counts the seconds the server gave', () => {
    const until = lockedUntil(45, now);
    expect(lockSecondsLeft(until, now)).toBe(45);
    expect(lockSecondsLeft(until, now + 1)).toBe(45);
    expect(lockSecondsLeft(until, now + 1_000)).toBe(44);
    expect(lockSecondsLeft(until, now + 44_001)).toBe(1);
    expect(lockSecondsLeft(until, now + 45_000)).toBe(0);
    expect(lockSecondsLeft(until, now + 99_000)).toBe(0);
  });

  it('rounds odd values up and falls back to 30 s without a number', () => {
    expect(lockSecondsLeft(lockedUntil(2.2, now), now)).toBe(3);
    expect(lockSecondsLeft(lockedUntil(undefined, now), now)).toBe(30);
    expect(lockSecondsLeft(lockedUntil('60', now), now)).toBe(30);
    expect(lockSecondsLeft(lockedUntil(-5, now), now)).toBe(30);
  });

  it('has nothing to count without a lock', () => {
    expect(lockSecondsLeft(null, now)).toBe(0);
  });
});

describe('newPasswordProblem', () => {
  const good = { current: 'RUjA-Djfs-VYLc-yvvJ', next: 'Counter-pass-2026', confirm: 'Counter-pass-2026', username: 'admin' };

  it('accepts a strong new password typed twice', () => {
    expect(newPasswordProblem(good)).toBeNull();
  });

  it.each([
    [{ current: '' }, 'CURRENT_EMPTY'],
    [{ next: 'short1', confirm: 'short1' }, 'TOO_SHORT'],
    [{ next: 'aaaaaaaaaaaa', confirm: 'aaaaaaaaaaaa' }, 'TOO_SIMPLE'],
    [{ next: 'my-admin-2026', confirm: 'my-admin-2026' }, 'TOO_SIMPLE'],
    [{ next: good.current, confirm: good.current }, 'SAME_AS_CURRENT'],
    [{ confirm: 'Counter-pass-2025' }, 'MISMATCH'],
  ] as const)('%j -> %s', (change, problem) => {
    expect(newPasswordProblem({ ...good, ...change })).toBe(problem);
  });
});
