// Staff sign-in with sessions kept in the store (every worker and instance knows them), and
// device tokens for kiosks and display boards. Only hashes of tokens are stored.
import { createHash, randomBytes } from 'node:crypto';
import { type DeviceKind, type Role, SIGN_IN_LIMITS, SIGN_IN_WINDOW_MS, isUsername, mayCheckPassword, passwordProblem } from '../../domain/sign-in.js';
import { isUniqueViolation } from '../repositories/portable.js';
import {
  type DeviceRecord,
  type StaffRecord,
  countStaff,
  findLiveDevice,
  findLiveSession,
  findStaffById,
  findStaffByUsername,
  insertDevice,
  insertSession,
  insertStaff,
  recordFailedLogin,
  recordSuccessfulLogin,
  revokeSession,
  revokeSessionsOf,
  setPassword,
  startSlowDown,
  touchDevice,
} from '../repositories/staff.repository.js';
import { findCounterByNumber } from '../repositories/counter.repository.js';
import { AppError } from './app-error.js';
import { type ServiceContext, nowOf } from './context.js';
import { hashPassword, newToken, verifyPassword } from './password.js';
import { type SignInGuard, countAttempt, forgetAttempts, tooManyAttempts } from './sign-in-throttle.js';

export const SESSION_HOURS = 12;

export interface StaffPrincipal {
  kind: 'staff';
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** Their hall; null for a city admin (every hall). */
  hallId: number | null;
  mustChangePassword: boolean;
  tokenHash: string;
}

export interface DevicePrincipal {
  kind: 'device';
  id: number;
  deviceKind: DeviceKind;
  name: string;
  hallId: number;
  /** An evaluator's counter (id). */
  counterId: number | null;
}

export type Principal = StaffPrincipal | DevicePrincipal;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

// Compared against when the username does not exist, so both failures take the same time.
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

/**
 * Signs in. The attempt is counted (per account and address, per address) before anything else
 * and refused over the limits without checking the password: guessing slows only the guesser.
 */
export async function login(
  ctx: ServiceContext,
  input: { username: string; password: string },
  guard: SignInGuard,
): Promise<{ token: string; expiresAt: string; staff: StaffPrincipal }> {
  const now = nowOf(ctx);
  const nowMs = now.instant.getTime();
  const verify = guard.verify ?? verifyPassword;
  const attempt = await countAttempt(guard, input.username, nowMs);
  const staff = await findStaffByUsername(ctx.db, input.username);
  const slowedUntil = staff?.lockedUntil && staff.lockedUntil > now.iso ? Date.parse(staff.lockedUntil) : null;
  if (!mayCheckPassword({ ...attempt, accountSlowedDown: slowedUntil !== null })) throw tooManyAttempts(nowMs, slowedUntil ?? undefined);
  // The last attempt this address has on the account says so, for a real account or not.
  const refusal = () => (attempt.leftForAccount === 0 ? tooManyAttempts(nowMs) : new AppError('INVALID_CREDENTIALS'));
  if (!staff?.active) {
    await verify(input.password, await DUMMY_HASH);
    throw refusal();
  }
  if (!(await verify(input.password, staff.passwordHash))) {
    const failures = await recordFailedLogin(ctx.db, staff.id, now.iso);
    if (failures >= SIGN_IN_LIMITS.accountFailuresBeforeSlowDown) {
      await startSlowDown(ctx.db, staff.id, SIGN_IN_LIMITS.accountFailuresBeforeSlowDown, new Date(nowMs + SIGN_IN_WINDOW_MS).toISOString());
    }
    throw refusal();
  }
  await forgetAttempts(guard, input.username, nowMs);
  await recordSuccessfulLogin(ctx.db, staff.id, now.iso);
  const token = newToken();
  const expiresAt = new Date(nowMs + SESSION_HOURS * 3600_000).toISOString();
  await insertSession(ctx.db, { tokenHash: tokenHash(token), staffId: staff.id, at: now.iso, expiresAt });
  return { token, expiresAt, staff: staffPrincipal(staff, tokenHash(token)) };
}

function staffPrincipal(staff: StaffRecord, sessionHash: string): StaffPrincipal {
  return {
    kind: 'staff',
    id: staff.id,
    username: staff.username,
    displayName: staff.displayName,
    role: staff.role,
    hallId: staff.hallId,
    mustChangePassword: staff.mustChangePassword,
    tokenHash: sessionHash,
  };
}

export async function logout(ctx: ServiceContext, token: string): Promise<void> {
  await revokeSession(ctx.db, tokenHash(token), nowOf(ctx).iso);
}

export async function staffForSession(ctx: ServiceContext, token: string): Promise<StaffPrincipal | null> {
  const now = nowOf(ctx);
  const hash = tokenHash(token);
  const session = await findLiveSession(ctx.db, hash, now.iso);
  if (!session) return null;
  const staff = await findStaffById(ctx.db, session.staffId);
  return staff?.active ? staffPrincipal(staff, hash) : null;
}

function checkPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('WEAK_PASSWORD', { reason: problem, field: 'password' });
}

export async function changePassword(
  ctx: ServiceContext,
  who: StaffPrincipal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const now = nowOf(ctx);
  const staff = await findStaffById(ctx.db, who.id);
  if (!staff || !(await verifyPassword(input.currentPassword, staff.passwordHash))) throw new AppError('INVALID_CREDENTIALS');
  checkPassword(input.newPassword, staff.username);
  await setPassword(ctx.db, staff.id, await hashPassword(input.newPassword), false, now.iso);
  // Everyone else signed in as this person is signed out.
  await revokeSessionsOf(ctx.db, staff.id, now.iso, who.tokenHash);
}

export async function createStaff(
  ctx: ServiceContext,
  input: {
    username: string;
    displayName?: string;
    password: string;
    role: Role;
    hallId: number | null;
    mustChangePassword?: boolean;
  },
): Promise<void> {
  if (!isUsername(input.username)) {
    throw new AppError('VALIDATION', { reason: 'username: 3-40 letters, digits, . _ -', field: 'username' });
  }
  checkPassword(input.password, input.username);
  try {
    await insertStaff(ctx.db, {
      username: input.username,
      displayName: input.displayName?.trim() || input.username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      hallId: input.hallId,
      mustChangePassword: input.mustChangePassword ?? false,
      at: nowOf(ctx).iso,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('USERNAME_TAKEN', { field: 'username' });
    throw error;
  }
}

export async function createDevice(
  ctx: ServiceContext,
  hallId: number,
  kind: DeviceKind,
  name: string,
  counterNumber?: number,
): Promise<{ device: DeviceRecord; token: string }> {
  // An evaluator (评价器) stands at one counter and rates its tickets; other devices have none.
  let counterId: number | null = null;
  if (kind === 'evaluator') {
    if (counterNumber === undefined) throw new AppError('VALIDATION', { field: 'counterNumber', reason: 'an evaluator needs the counter it stands at' });
    const counter = await findCounterByNumber(ctx.db, hallId, counterNumber);
    if (!counter?.active) throw new AppError('COUNTER_NOT_FOUND', { counter: counterNumber });
    counterId = counter.id;
  }
  const token = newToken();
  const device = await insertDevice(ctx.db, {
    hallId,
    kind,
    name: name.trim() || kind,
    tokenHash: tokenHash(token),
    at: nowOf(ctx).iso,
    counterId,
  });
  return { device, token };
}

export async function deviceForToken(ctx: ServiceContext, token: string): Promise<DevicePrincipal | null> {
  const device = await findLiveDevice(ctx.db, tokenHash(token));
  if (!device) return null;
  const now = nowOf(ctx);
  // "Last seen" to the minute is enough; it spares a write per request.
  if (!device.lastSeenAt || now.instant.getTime() - Date.parse(device.lastSeenAt) > 60_000) await touchDevice(ctx.db, device.id, now.iso);
  return {
    kind: 'device',
    id: device.id,
    deviceKind: device.kind,
    name: device.name,
    hallId: device.hallId,
    counterId: device.counterId,
  };
}

/** A readable one-time password: 4 groups of 4 from an alphabet without look-alikes. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export interface FirstStart {
  username: string;
  password: string;
  kioskToken: string;
  displayToken: string;
}

/** On a store without staff: a city admin with a one-time password, and a paired kiosk and display in the first hall. */
export async function ensureFirstAdmin(ctx: ServiceContext): Promise<FirstStart | null> {
  if ((await countStaff(ctx.db)) > 0) return null;
  const password = oneTimePassword();
  try {
    await createStaff(ctx, {
      username: 'admin',
      displayName: '管理员',
      password,
      role: 'city_admin',
      hallId: null,
      mustChangePassword: true,
    });
  } catch (error) {
    // Another instance started at the same moment and made the admin first.
    if (error instanceof AppError && error.code === 'USERNAME_TAKEN') return null;
    throw error;
  }
  const hall = await ctx.halls.first();
  const kiosk = await createDevice(ctx, hall.id, 'kiosk', '取号机 1');
  const display = await createDevice(ctx, hall.id, 'display', '大厅显示屏 1');
  return {
    username: 'admin',
    password,
    kioskToken: kiosk.token,
    displayToken: display.token,
  };
}
