// The staff and devices screen's rules: the new-account form's checks (the server's username and
// password rules), a suggested one-time password, and how a device reads in the list. Pure: the
// randomness comes in.
import type { Device } from '../../contracts/auth.js';
import { type PasswordProblem, isUsername, passwordProblem } from '../../domain/sign-in.js';

export interface StaffDraft {
  username: string;
  displayName: string;
  password: string;
  role: StaffRole;
}

export type StaffRole = 'city_admin' | 'admin' | 'staff';

/** The roles an admin may give: a hall admin their hall's; a city admin also 市级管理员 (every hall). */
export function roleChoices(creator: 'city_admin' | 'admin'): StaffRole[] {
  return creator === 'city_admin' ? ['staff', 'admin', 'city_admin'] : ['staff', 'admin'];
}

/** The role picked in the form, if the creator may give it (else the least: staff). */
export function pickedRole(value: string, creator: 'city_admin' | 'admin'): StaffRole {
  return (roleChoices(creator) as string[]).includes(value) ? (value as StaffRole) : 'staff';
}

export interface StaffProblems {
  username?: 'EMPTY' | 'FORMAT' | 'TAKEN';
  displayName?: 'TOO_LONG';
  password?: 'EMPTY' | PasswordProblem;
}

export function staffProblems(draft: StaffDraft, takenUsernames: readonly string[]): StaffProblems {
  const problems: StaffProblems = {};
  const username = draft.username.trim();
  if (!username) problems.username = 'EMPTY';
  else if (!isUsername(username)) problems.username = 'FORMAT';
  else if (takenUsernames.some((u) => u.toLowerCase() === username.toLowerCase())) problems.username = 'TAKEN';
  if (draft.displayName.trim().length > 60) problems.displayName = 'TOO_LONG';
  if (!draft.password) problems.password = 'EMPTY';
  else {
    const weak = passwordProblem(draft.password, username);
    if (weak) problems.password = weak;
  }
  return problems;
}

// No 0/O, 1/l/I: the password is read off a screen and typed in.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password like 'RUjA-Djfs-VYLc-yvvJ' (the server's own shape); `random` returns [0, 1). */
export function suggestPassword(random: () => number, username = ''): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const chars = Array.from({ length: 16 }, () => ALPHABET[Math.floor(Math.min(Math.max(random(), 0), 0.999999) * ALPHABET.length)]);
    const password = [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
    if (!passwordProblem(password, username)) return password;
  }
  return 'Change-me-2026!';
}

/** The address to open on the device: this site's origin and the server's pairing path. */
export function pairingUrl(origin: string, pairPath: string): string {
  return `${origin.replace(/\/+$/, '')}${pairPath.startsWith('/') ? '' : '/'}${pairPath}`;
}

export type DeviceState = 'revoked' | 'never' | 'seen';

export function deviceState(device: Pick<Device, 'revokedAt' | 'lastSeenAt'>): DeviceState {
  if (device.revokedAt) return 'revoked';
  return device.lastSeenAt ? 'seen' : 'never';
}

/** Working devices first, revoked ones last; by kind, then id. */
export function sortDevices<T extends Pick<Device, 'id' | 'kind' | 'revokedAt'>>(devices: readonly T[]): T[] {
  return [...devices].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || a.kind.localeCompare(b.kind) || a.id - b.id);
}
