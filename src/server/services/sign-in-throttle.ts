// Counting sign-in attempts before any password is checked (the rules are in domain/sign-in.ts).
// Each count is one atomic increment in the shared counters (the store or Redis), so guesses
// sent in parallel to any worker or instance cannot slip between a read and a write: with a
// limit of 10, at most 10 of 200 simultaneous guesses reach the password hash.
import { SIGN_IN_LIMITS, SIGN_IN_WINDOW_MS } from '../../domain/sign-in.js';
import { AppError } from './app-error.js';

/** Shared hit counters; the rate limiters in rate-limit/ are such counters. */
export interface AttemptCounters {
  hit(bucketKey: string, limit: number, windowMs: number, nowMs: number): Promise<{ allowed: boolean; remaining: number }>;
  forget(bucketKey: string, windowMs: number, nowMs: number): Promise<void>;
}

export interface SignInGuard {
  counters: AttemptCounters;
  /** The key of the client's address (an IPv4 address or an IPv6 /64), as the HTTP layer read it. */
  address: string;
  /** Checks a password against a stored hash (default: scrypt); tests count the calls. */
  verify?: (password: string, stored: string) => Promise<boolean>;
}

export interface CountedAttempt {
  fromAddressForAccount: number;
  fromAddress: number;
  /** Attempts this address has left on this account in the window. */
  leftForAccount: number;
}

const accountKey = (username: string, address: string) => `signin|${username.toLowerCase()}|${address}`;
const addressKey = (address: string) => `signin|*|${address}`;

export function secondsLeftInWindow(nowMs: number, untilMs = Number.POSITIVE_INFINITY): number {
  const windowEnd = Math.floor(nowMs / SIGN_IN_WINDOW_MS) * SIGN_IN_WINDOW_MS + SIGN_IN_WINDOW_MS;
  return Math.max(1, Math.ceil((Math.min(windowEnd, untilMs) - nowMs) / 1000));
}

export function tooManyAttempts(nowMs: number, untilMs?: number): AppError {
  return new AppError('ACCOUNT_LOCKED', { retryAfter: secondsLeftInWindow(nowMs, untilMs) });
}

/** Counts one attempt on `username` from the guard's address; refuses it when over a limit. */
export async function countAttempt(guard: SignInGuard, username: string, nowMs: number): Promise<CountedAttempt> {
  const perAccount = SIGN_IN_LIMITS.perAccountAndAddress;
  const account = await guard.counters.hit(accountKey(username, guard.address), perAccount, SIGN_IN_WINDOW_MS, nowMs);
  if (!account.allowed) throw tooManyAttempts(nowMs);
  const perAddress = SIGN_IN_LIMITS.perAddress;
  const address = await guard.counters.hit(addressKey(guard.address), perAddress, SIGN_IN_WINDOW_MS, nowMs);
  if (!address.allowed) throw tooManyAttempts(nowMs);
  return {
    fromAddressForAccount: perAccount - account.remaining,
    fromAddress: perAddress - address.remaining,
    leftForAccount: account.remaining,
  };
}

/** A right password forgives this address's earlier typos on the account. */
export async function forgetAttempts(guard: SignInGuard, username: string, nowMs: number): Promise<void> {
  await guard.counters.forget(accountKey(username, guard.address), SIGN_IN_WINDOW_MS, nowMs);
}
