// The sign-in and password-change forms' own checks (the server repeats them) and the lockout
// countdown. Pure: the clock comes in.
import { type PasswordProblem, passwordProblem } from '../../domain/sign-in.js';

export type SignInField = 'username' | 'password';

/** Empty fields, in form order. */
export function signInProblems(username: string, password: string): SignInField[] {
  const missing: SignInField[] = [];
  if (!username.trim()) missing.push('username');
  if (!password) missing.push('password');
  return missing;
}

/** When a lock ends, from the server's `retryAfter` seconds (missing or odd: 30 s, the first lock). */
export function lockedUntil(retryAfter: unknown, nowMs: number): number {
  const seconds = typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : 30;
  return nowMs + seconds * 1000;
}

/** Whole seconds left on a lock, never negative; 0 means the form may be sent again. */
export function lockSecondsLeft(untilMs: number | null, nowMs: number): number {
  if (untilMs === null) return 0;
  return Math.max(0, Math.ceil((untilMs - nowMs) / 1000));
}

export type NewPasswordProblem = 'CURRENT_EMPTY' | 'SAME_AS_CURRENT' | 'MISMATCH' | PasswordProblem;

/** What is wrong with a new password before it is sent (the same strength rule as the server), or null. */
export function newPasswordProblem(input: { current: string; next: string; confirm: string; username: string }): NewPasswordProblem | null {
  if (!input.current) return 'CURRENT_EMPTY';
  const weak = passwordProblem(input.next, input.username);
  if (weak) return weak;
  if (input.next === input.current) return 'SAME_AS_CURRENT';
  if (input.next !== input.confirm) return 'MISMATCH';
  return null;
}
