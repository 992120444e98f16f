// Staff sign-in rules: roles, password strength and how many guesses are checked; the kinds of
// paired devices.

/** staff and admin work in one hall; a city admin in every hall (the catalogue, the city calendar, halls). */
export const ROLES = ['city_admin', 'admin', 'staff'] as const;
export type Role = (typeof ROLES)[number];
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The hall's devices: they hold a paired token instead of signing in. */
export const DEVICE_KINDS = ['kiosk', 'display', 'evaluator'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const isDeviceKind = (value: string): value is DeviceKind => (DEVICE_KINDS as readonly string[]).includes(value);

/**
 * Sign-in throttling. Guesses are counted per (account, address) and per address before the
 * password is checked, so an attacker slows only themselves: the real person signing in from
 * another address is never locked out. Counts run in fixed windows.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_LIMITS = {
  /** Attempts on one account from one address per window (a right password forgives them). */
  perAccountAndAddress: 10,
  /** Attempts from one address over all accounts per window (password spraying). */
  perAddress: 100,
  /**
   * Failures on one account from all addresses before it slows down for a window: then every
   * address gets its first attempt per window and no more. Distributed guessing drops to one
   * guess per address and window; the person from their usual desk still gets in.
   */
  accountFailuresBeforeSlowDown: 50,
} as const;

export interface SignInAttempt {
  /** This attempt's number on this account from this address in the window (1 = the first). */
  fromAddressForAccount: number;
  /** This attempt's number from this address over all accounts in the window. */
  fromAddress: number;
  /** The account had too many failures from everywhere and is slowed down. */
  accountSlowedDown: boolean;
}

/** Whether an attempt may be checked against the password at all. */
export function mayCheckPassword(a: SignInAttempt): boolean {
  if (a.fromAddressForAccount > SIGN_IN_LIMITS.perAccountAndAddress) return false;
  if (a.fromAddress > SIGN_IN_LIMITS.perAddress) return false;
  return !a.accountSlowedDown || a.fromAddressForAccount === 1;
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
