// Managing staff accounts and devices, each change written to the audit log.
import type { StaffAccount } from '../../contracts/admin.js';
import type { DeviceKind, Role } from '../../domain/sign-in.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { listCounters } from '../repositories/counter.repository.js';
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
import { type HallContext, nowOf } from './context.js';
import { hashPassword } from './password.js';
import { transact } from './transact.js';

/** Someone a manager may manage: staff of this hall, and city admins only for a city admin. */
async function staffHere(ctx: HallContext, id: number, cityAdmin: boolean) {
  const staff = await findStaffById(ctx.db, id);
  if (!staff || !(staff.hallId === ctx.hall.id || (cityAdmin && staff.hallId === null))) throw new AppError('NOT_FOUND');
  return staff;
}

/** The hall's staff; a city admin also sees the city admins. */
export async function listStaffAccounts(ctx: HallContext, cityAdmin: boolean): Promise<StaffAccount[]> {
  const now = nowOf(ctx).iso;
  const everyone = await listStaff(ctx.db, null);
  return everyone
    .filter((s) => s.hallId === ctx.hall.id || (cityAdmin && s.hallId === null))
    .map((s) => ({
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
  ctx: HallContext,
  actor: string,
  input: {
    username: string;
    displayName?: string;
    password: string;
    role: Role;
  },
  cityAdmin: boolean,
): Promise<void> {
  if (input.role === 'city_admin' && !cityAdmin)
    throw new AppError('FORBIDDEN', {
      reason: 'only a city admin makes city admins',
    });
  await createStaff(ctx, {
    ...input,
    hallId: input.role === 'city_admin' ? null : ctx.hall.id,
    mustChangePassword: true,
  });
  await appendAudit(ctx.db, {
    hallId: ctx.hall.id,
    at: nowOf(ctx).iso,
    actor,
    action: 'staff.create',
    target: input.username,
    details: { role: input.role },
  });
}

/** A new one-time password (shown once); the person must choose their own at the next sign-in. */
export async function resetStaffPassword(ctx: HallContext, actor: string, id: number, cityAdmin: boolean): Promise<string> {
  const now = nowOf(ctx);
  const staff = await staffHere(ctx, id, cityAdmin);
  const password = oneTimePassword();
  const hash = await hashPassword(password);
  await transact(ctx.db, async (trx) => {
    await setPassword(trx, id, hash, true, now.iso);
    await setLockedUntil(trx, id, null);
    await revokeSessionsOf(trx, id, now.iso);
    await appendAudit(trx, {
      hallId: ctx.hall.id,
      at: now.iso,
      actor,
      action: 'staff.reset_password',
      target: staff.username,
      details: {},
    });
  });
  return password;
}

export async function setStaffActivity(ctx: HallContext, actor: string, id: number, active: boolean, cityAdmin: boolean): Promise<void> {
  const now = nowOf(ctx);
  const staff = await staffHere(ctx, id, cityAdmin);
  if (!active && staff.username === actor) throw new AppError('FORBIDDEN', { reason: 'you cannot disable yourself' });
  await transact(ctx.db, async (trx) => {
    await setStaffActive(trx, id, active, now.iso);
    if (!active) await revokeSessionsOf(trx, id, now.iso);
    await appendAudit(trx, {
      hallId: ctx.hall.id,
      at: now.iso,
      actor,
      action: active ? 'staff.enable' : 'staff.disable',
      target: staff.username,
      details: {},
    });
  });
}

export async function createDeviceAudited(
  ctx: HallContext,
  actor: string,
  kind: DeviceKind,
  name: string,
  counterNumber?: number,
): Promise<{ device: ListedDevice; token: string }> {
  const made = await createDevice(ctx, ctx.hall.id, kind, name, counterNumber);
  await appendAudit(ctx.db, {
    hallId: ctx.hall.id,
    at: nowOf(ctx).iso,
    actor,
    action: 'device.create',
    target: `${kind} #${made.device.id}`,
    details: { name: made.device.name, ...(counterNumber !== undefined && kind === 'evaluator' ? { counter: counterNumber } : {}) },
  });
  return { device: (await withCounters(ctx, [made.device]))[0] as ListedDevice, token: made.token };
}

/** A device as the console lists it: an evaluator names the counter it stands at. */
export type ListedDevice = DeviceRecord & { counterNumber: number | null };

async function withCounters(ctx: HallContext, devices: DeviceRecord[]): Promise<ListedDevice[]> {
  const counters = new Map((await listCounters(ctx.db, ctx.hall.id)).map((c) => [c.id, c.number]));
  return devices.map((d) => ({ ...d, counterNumber: d.counterId === null ? null : (counters.get(d.counterId) ?? null) }));
}

/** Kiosks, display boards and evaluators, revoked ones included. */
export async function listPairedDevices(ctx: HallContext): Promise<ListedDevice[]> {
  return withCounters(ctx, await listDevices(ctx.db, ctx.hall.id));
}

export async function revokeDeviceAudited(ctx: HallContext, actor: string, id: number): Promise<void> {
  const now = nowOf(ctx);
  // Another hall's device is no device here.
  if (!(await listDevices(ctx.db, ctx.hall.id)).some((d) => d.id === id)) throw new AppError('NOT_FOUND');
  await transact(ctx.db, async (trx) => {
    if (!(await revokeDevice(trx, id, now.iso))) throw new AppError('NOT_FOUND');
    await appendAudit(trx, {
      hallId: ctx.hall.id,
      at: now.iso,
      actor,
      action: 'device.revoke',
      target: `device #${id}`,
      details: {},
    });
  });
}
