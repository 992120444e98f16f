// Staff sign-in rules: password strength and the growing lockout after repeated failures.

export const ROLES = ['admin', 'staff'] as const;
export type Role = (typeof ROLES)[number];

/** Failures allowed before the account starts locking. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;

/** How long the account locks after this many consecutive failures: 0, then 30 s doubling to 15 min. */
export function lockoutMs(consecutiveFailures: number): number {
  if (consecutiveFailures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (consecutiveFailures - FREE_FAILURES));
}

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_SIMPLE';

export function passwordProblem(password: string, username = ''): PasswordProblem | null {
  if (password.length < 10) return 'TOO_SHORT';
  if (password.length > 200) return 'TOO_LONG';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 2 || new Set(password).size < 5) return 'TOO_SIMPLE';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'TOO_SIMPLE';
  return null;
}

export function isUsername(name: string): boolean {
  return /^[a-zA-Z0-9_.-]{3,40}$/.test(name);
}
