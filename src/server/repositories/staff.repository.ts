// Staff accounts, their sessions, and paired devices (kiosks, display boards).
import { type Selectable, sql } from 'kysely';
import type { DeviceKind, Role } from '../../domain/sign-in.js';
import type { DeviceTable, StaffTable } from '../db/schema.js';
import type { Db } from './portable.js';

export interface StaffRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  /** Their hall; null for a city admin. */
  hallId: number | null;
  active: boolean;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: string | null;
}

const staffColumns = [
  'id',
  'username',
  'display_name',
  'password_hash',
  'role',
  'hall_id',
  'active',
  'must_change_password',
  'failed_logins',
  'locked_until',
] as const;

function toStaff(r: Pick<Selectable<StaffTable>, (typeof staffColumns)[number]>): StaffRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    role: r.role,
    hallId: r.hall_id === null ? null : Number(r.hall_id),
    active: Number(r.active) === 1,
    mustChangePassword: Number(r.must_change_password) === 1,
    failedLogins: Number(r.failed_logins),
    lockedUntil: r.locked_until,
  };
}

export async function findStaffByUsername(db: Db, username: string): Promise<StaffRecord | undefined> {
  const r = await db.selectFrom('staff').select(staffColumns).where('username', '=', username).executeTakeFirst();
  return r ? toStaff(r) : undefined;
}

export async function findStaffById(db: Db, id: number): Promise<StaffRecord | undefined> {
  const r = await db.selectFrom('staff').select(staffColumns).where('id', '=', id).executeTakeFirst();
  return r ? toStaff(r) : undefined;
}

export async function countStaff(db: Db): Promise<number> {
  const r = await db.selectFrom('staff').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertStaff(
  db: Db,
  s: {
    username: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    hallId: number | null;
    mustChangePassword: boolean;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('staff')
    .values({
      hall_id: s.role === 'city_admin' ? null : s.hallId,
      username: s.username,
      display_name: s.displayName,
      password_hash: s.passwordHash,
      role: s.role,
      active: 1,
      must_change_password: s.mustChangePassword ? 1 : 0,
      failed_logins: 0,
      locked_until: null,
      created_at: s.at,
      updated_at: s.at,
    })
    .execute();
}

/** Counts a failed sign-in atomically and returns the new count. */
export async function recordFailedLogin(db: Db, id: number, at: string): Promise<number> {
  await db
    .updateTable('staff')
    .set({ failed_logins: sql`failed_logins + 1`, updated_at: at })
    .where('id', '=', id)
    .execute();
  const r = await db.selectFrom('staff').select('failed_logins').where('id', '=', id).executeTakeFirstOrThrow();
  return Number(r.failed_logins);
}

export async function setLockedUntil(db: Db, id: number, until: string | null): Promise<void> {
  await db.updateTable('staff').set({ locked_until: until }).where('id', '=', id).execute();
}

/**
 * Slows the account down until `until` (kept in `locked_until`) once `threshold` failures were
 * counted, and starts counting again; one of several parallel failures over the threshold does it.
 */
export async function startSlowDown(db: Db, id: number, threshold: number, until: string): Promise<void> {
  await db
    .updateTable('staff')
    .set({ locked_until: until, failed_logins: 0 })
    .where('id', '=', id)
    .where('failed_logins', '>=', threshold)
    .execute();
}

/** A right password: the failures counted from everywhere start again from zero. */
export async function recordSuccessfulLogin(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('staff').set({ failed_logins: 0, updated_at: at }).where('id', '=', id).execute();
}

export async function setPassword(db: Db, id: number, passwordHash: string, mustChange: boolean, at: string): Promise<void> {
  await db
    .updateTable('staff')
    .set({ password_hash: passwordHash, must_change_password: mustChange ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function insertSession(db: Db, s: { tokenHash: string; staffId: number; at: string; expiresAt: string }): Promise<void> {
  await db
    .insertInto('staff_session')
    .values({ token_hash: s.tokenHash, staff_id: s.staffId, created_at: s.at, expires_at: s.expiresAt, revoked_at: null })
    .execute();
}

export async function findLiveSession(db: Db, tokenHash: string, at: string): Promise<{ staffId: number } | undefined> {
  const r = await db
    .selectFrom('staff_session')
    .select('staff_id')
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return r ? { staffId: r.staff_id } : undefined;
}

export async function revokeSession(db: Db, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('staff_session').set({ revoked_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function revokeSessionsOf(db: Db, staffId: number, at: string, exceptTokenHash?: string): Promise<void> {
  let q = db.updateTable('staff_session').set({ revoked_at: at }).where('staff_id', '=', staffId).where('revoked_at', 'is', null);
  if (exceptTokenHash) q = q.where('token_hash', '!=', exceptTokenHash);
  await q.execute();
}

export interface DeviceRecord {
  id: number;
  hallId: number;
  kind: DeviceKind;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  /** An evaluator's counter (id); null for other kinds. */
  counterId: number | null;
}

const deviceColumns = ['id', 'hall_id', 'kind', 'name', 'created_at', 'revoked_at', 'last_seen_at', 'counter_id'] as const;
const toDevice = (r: Pick<Selectable<DeviceTable>, (typeof deviceColumns)[number]>): DeviceRecord => ({
  id: r.id,
  hallId: Number(r.hall_id),
  kind: r.kind,
  name: r.name,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastSeenAt: r.last_seen_at,
  counterId: r.counter_id === null ? null : Number(r.counter_id),
});

export async function insertDevice(
  db: Db,
  d: {
    hallId: number;
    kind: DeviceKind;
    name: string;
    tokenHash: string;
    at: string;
    counterId?: number | null;
  },
): Promise<DeviceRecord> {
  await db
    .insertInto('device')
    .values({
      hall_id: d.hallId,
      kind: d.kind,
      name: d.name,
      token_hash: d.tokenHash,
      created_at: d.at,
      revoked_at: null,
      last_seen_at: null,
      counter_id: d.counterId ?? null,
    })
    .execute();
  const r = await db.selectFrom('device').select(deviceColumns).where('token_hash', '=', d.tokenHash).executeTakeFirstOrThrow();
  return toDevice(r);
}

export async function findLiveDevice(db: Db, tokenHash: string): Promise<DeviceRecord | undefined> {
  const r = await db
    .selectFrom('device')
    .select(deviceColumns)
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r ? toDevice(r) : undefined;
}

export async function touchDevice(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('device').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** A hall's devices (null: every hall's). */
export async function listDevices(db: Db, hallId: number | null): Promise<DeviceRecord[]> {
  const rows = await db
    .selectFrom('device')
    .select(deviceColumns)
    .$if(hallId !== null, (q) => q.where('hall_id', '=', hallId as number))
    .orderBy('id')
    .execute();
  return rows.map(toDevice);
}

export async function revokeDevice(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db.updateTable('device').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A hall's staff (null: everyone, city admins included). */
export async function listStaff(db: Db, hallId: number | null): Promise<StaffRecord[]> {
  const rows = await db
    .selectFrom('staff')
    .select(staffColumns)
    .$if(hallId !== null, (q) => q.where('hall_id', '=', hallId as number))
    .orderBy('username')
    .execute();
  return rows.map(toStaff);
}

export async function setStaffActive(db: Db, id: number, active: boolean, at: string): Promise<void> {
  await db.updateTable('staff').set({ active: active ? 1 : 0, updated_at: at }).where('id', '=', id).execute();
}
