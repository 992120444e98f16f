import { describe, expect, it } from 'vitest';
import { isUsername, lockoutMs, passwordProblem } from './sign-in.js';

describe('lockout after repeated failures', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [9, 480_000],
    [10, 900_000],
    [50, 900_000],
  ])('%i failures lock for %i ms', (n, ms) => expect(lockoutMs(n)).toBe(ms));
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
