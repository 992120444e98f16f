// Managing staff accounts and devices, each change written to the audit log.
import type { StaffAccount } from '../../contracts/admin.js';
import type { DeviceKind, Role } from '../../domain/sign-in.js';
import { appendAudit } from '../repositories/audit.repository.js';
import {
  type DeviceRecord,
  findStaffById,
  listDevices,
  listStaff,
  revokeDevice,
  revokeSessionsOf,
  setLockedUntil,
  setPassword,
  setStaffActive,
} from '../repositories/staff.repository.js';
import { AppError } from './app-error.js';
import { createDevice, createStaff, oneTimePassword } from './auth.service.js';
import { type ServiceContext, nowOf } from './context.js';
import { hashPassword } from './password.js';
import { transact } from './transact.js';

export async function listStaffAccounts(ctx: ServiceContext): Promise<StaffAccount[]> {
  const now = nowOf(ctx).iso;
  return (await listStaff(ctx.db)).map((s) => ({
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    role: s.role,
    active: s.active,
    locked: !!s.lockedUntil && s.lockedUntil > now,
    mustChangePassword: s.mustChangePassword,
  }));
}

export async function createStaffAccount(
  ctx: ServiceContext,
  actor: string,
  input: { username: string; displayName?: string; password: string; role: Role },
): Promise<void> {
  await createStaff(ctx, { ...input, mustChangePassword: true });
  await appendAudit(ctx.db, { at: nowOf(ctx).iso, actor, action: 'staff.create', target: input.username, details: { role: input.role } });
}

/** A new one-time password (shown once); the person must choose their own at the next sign-in. */
export async function resetStaffPassword(ctx: ServiceContext, actor: string, id: number): Promise<string> {
  const now = nowOf(ctx);
  const staff = await findStaffById(ctx.db, id);
  if (!staff) throw new AppError('NOT_FOUND');
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  await transact(ctx.db, async (trx) => {
    await setPassword(trx, id, hash, true, now.iso);
    await setLockedUntil(trx, id, null);
    await revokeSessionsOf(trx, id, now.iso);
    await appendAudit(trx, { at: now.iso, actor, action: 'staff.reset_password', target: staff.username, details: {} });
  });
  return password;
}

export async function setStaffActivity(ctx: ServiceContext, actor: string, id: number, active: boolean): Promise<void> {
  const now = nowOf(ctx);
  const staff = await findStaffById(ctx.db, id);
  if (!staff) throw new AppError('NOT_FOUND');
  if (!active && staff.username === actor) throw new AppError('FORBIDDEN', { reason: 'you cannot disable yourself' });
  await transact(ctx.db, async (trx) => {
    await setStaffActive(trx, id, active, now.iso);
    if (!active) await revokeSessionsOf(trx, id, now.iso);
    await appendAudit(trx, { at: now.iso, actor, action: active ? 'staff.enable' : 'staff.disable', target: staff.username, details: {} });
  });
}

export async function createDeviceAudited(ctx: ServiceContext, actor: string, kind: DeviceKind, name: string): Promise<{ device: DeviceRecord; token: string }> {
  const made = await createDevice(ctx, kind, name);
  await appendAudit(ctx.db, { at: nowOf(ctx).iso, actor, action: 'device.create', target: `${kind} #${made.device.id}`, details: { name: made.device.name } });
  return made;
}

/** Kiosks and display boards, revoked ones included. */
export async function listPairedDevices(ctx: ServiceContext): Promise<DeviceRecord[]> {
  return listDevices(ctx.db);
}

export async function revokeDeviceAudited(ctx: ServiceContext, actor: string, id: number): Promise<void> {
  const now = nowOf(ctx);
  await transact(ctx.db, async (trx) => {
    if (!(await revokeDevice(trx, id, now.iso))) throw new AppError('NOT_FOUND');
    await appendAudit(trx, { at: now.iso, actor, action: 'device.revoke', target: `device #${id}`, details: {} });
  });
}
