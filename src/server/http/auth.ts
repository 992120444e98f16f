// Who is asking: a signed-in staff member (session cookie) or a paired device (device cookie or
// `Authorization: Bearer <token>`). Looked up once per request, only by routes that need it.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DeviceKind, Role } from '../../domain/sign-in.js';
import { AppError } from '../services/app-error.js';
import {
  type DevicePrincipal,
  type Principal,
  type StaffPrincipal,
  deviceForToken,
  staffForSession,
} from '../services/auth.service.js';
import type { ServiceContext } from '../services/context.js';

export const SESSION_COOKIE = 'vr_session';
export const DEVICE_COOKIE = 'vr_device';

const cache = new WeakMap<FastifyRequest, Promise<Principal | null>>();

function bearer(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
}

export function principalOf(ctx: ServiceContext, request: FastifyRequest): Promise<Principal | null> {
  let p = cache.get(request);
  if (!p) {
    p = (async () => {
      const cookies = request.headers.cookie ? request.server.parseCookie(request.headers.cookie) : {};
      const session = cookies[SESSION_COOKIE];
      if (session) {
        const staff = await staffForSession(ctx, session);
        if (staff) return staff;
      }
      const deviceToken = bearer(request) ?? cookies[DEVICE_COOKIE];
      return deviceToken ? deviceForToken(ctx, deviceToken) : null;
    })();
    cache.set(request, p);
  }
  return p;
}

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

function staffAllowed(p: Principal | null, roles: readonly Role[], allowPasswordChange: boolean): StaffPrincipal {
  if (p?.kind !== 'staff') throw new AppError('UNAUTHORIZED');
  if (p.mustChangePassword && !allowPasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  if (roles.length > 0 && !roles.includes(p.role)) throw new AppError('FORBIDDEN');
  return p;
}

/** Staff only (any role when none is given). Admins may do everything staff may, and city admins everything admins may. */
export function requireStaff(ctx: ServiceContext, ...roles: Role[]): Guard {
  const allowed = new Set<Role>(roles);
  if (allowed.has('staff')) allowed.add('admin');
  if (allowed.has('admin')) allowed.add('city_admin');
  return async (request) => {
    staffAllowed(await principalOf(ctx, request), [...allowed], false);
  };
}

/** Signed in, even with a one-time password still to change (for me, logout, change password). */
export function requireAnyStaff(ctx: ServiceContext): Guard {
  return async (request) => {
    staffAllowed(await principalOf(ctx, request), [], true);
  };
}

/** A paired device of one of these kinds, or any signed-in staff member. */
export function requireDeviceOrStaff(ctx: ServiceContext, ...kinds: DeviceKind[]): Guard {
  return async (request) => {
    const p = await principalOf(ctx, request);
    if (p?.kind === 'device' && kinds.includes(p.deviceKind)) return;
    if (p?.kind === 'staff') {
      staffAllowed(p, [], false);
      return;
    }
    throw new AppError(p ? 'FORBIDDEN' : 'UNAUTHORIZED');
  };
}

export async function staffOf(ctx: ServiceContext, request: FastifyRequest): Promise<StaffPrincipal> {
  return staffAllowed(await principalOf(ctx, request), [], true);
}

export async function deviceOf(ctx: ServiceContext, request: FastifyRequest): Promise<DevicePrincipal | null> {
  const p = await principalOf(ctx, request);
  return p?.kind === 'device' ? p : null;
}
