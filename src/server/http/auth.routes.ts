// Sign-in, sign-out, who am I, password change; staff accounts; device tokens and pairing.
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  ChangePasswordBody,
  CreateDeviceBody,
  CreateDeviceResponse,
  CreateStaffBody,
  Device,
  LoginBody,
  LoginResponse,
  MeResponse,
  PairBody,
} from '../../contracts/auth.js';
import { Id } from '../../contracts/common.js';
import { AppError } from '../services/app-error.js';
import type { DeviceKind } from '../../domain/sign-in.js';
import { SESSION_HOURS, changePassword, deviceForToken, login, logout } from '../services/auth.service.js';
import { createDeviceAudited, createStaffAccount, listPairedDevices, revokeDeviceAudited } from '../services/staff-admin.service.js';
import type { ServiceContext } from '../services/context.js';
import type { AttemptCounters } from '../services/sign-in-throttle.js';
import { DEVICE_COOKIE, SESSION_COOKIE, principalOf, requireAnyStaff, requireStaff, staffOf } from './auth.js';
import { errorResponses } from './errors.js';
import { hallOf, isCityAdmin } from './hall-scope.js';
import type { TrustProxy } from './legacy/client-address.js';
import { requestClientKey } from './rate-limit.js';
import type { App } from './types.js';

const Ok = Type.Object({ ok: Type.Boolean() });
const DEVICE_COOKIE_DAYS = 400;

export function pairPath(kind: DeviceKind, token: string): string {
  // The token travels in the fragment, which browsers never send to a server or write in logs.
  return `/${kind}#pair=${token}`;
}

export interface AuthRouteOptions {
  /** 'auto': Secure exactly when the browser came over HTTPS (a hall LAN on plain HTTP must still keep the cookie). */
  secureCookies: boolean | 'auto';
  /** Where sign-in attempts are counted (shared by every worker and instance). */
  signInCounters: AttemptCounters;
  /** Whose X-Forwarded-For is believed when finding the client's address. */
  trustProxy?: TrustProxy;
  /** Checks passwords at sign-in (default scrypt); tests count the calls. */
  verifyPassword?: (password: string, stored: string) => Promise<boolean>;
}

export async function authRoutes(app: App, ctx: ServiceContext, opts: AuthRouteOptions): Promise<void> {
  const base = { httpOnly: true, sameSite: 'strict' as const, path: '/' };
  const hallCode = async (id: number) => (await ctx.halls.byId(id))?.code ?? '';
  const cookieFor = (request: FastifyRequest) => ({
    ...base,
    secure: opts.secureCookies === 'auto' ? request.viaHttps : opts.secureCookies,
  });

  app.post(
    '/api/v1/auth/login',
    {
      config: { rateLimit: true },
      schema: { tags: ['auth'], summary: 'Staff sign-in; sets an HttpOnly session cookie', body: LoginBody, response: { 200: LoginResponse, ...errorResponses(401, 429) } },
    },
    async (request, reply) => {
      const guard = { counters: opts.signInCounters, address: requestClientKey(request, opts.trustProxy), verify: opts.verifyPassword };
      const { token, expiresAt, staff } = await login(ctx, request.body, guard).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'ACCOUNT_LOCKED') reply.header('retry-after', String(error.details.retryAfter));
        throw error;
      });
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieFor(request),
        maxAge: SESSION_HOURS * 3600,
      });
      const { username, displayName, role, mustChangePassword, hallId } = staff;
      const hall = hallId === null ? null : await hallCode(hallId);
      return {
        staff: {
          kind: 'staff' as const,
          username,
          displayName,
          role,
          mustChangePassword,
          hall,
        },
        expiresAt,
      };
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Ok } } }, async (request, reply) => {
    const token = request.headers.cookie ? app.parseCookie(request.headers.cookie)[SESSION_COOKIE] : undefined;
    if (token) await logout(ctx, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get(
    '/api/v1/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in staff member or the paired device', response: { 200: MeResponse, ...errorResponses(401) } } },
    async (request) => {
      const p = await principalOf(ctx, request);
      if (!p) throw new AppError('UNAUTHORIZED');
      if (p.kind === 'device')
        return {
          kind: 'device' as const,
          id: p.id,
          deviceKind: p.deviceKind,
          name: p.name,
          hall: await hallCode(p.hallId),
        };
      const { username, displayName, role, mustChangePassword } = p;
      return {
        kind: 'staff' as const,
        username,
        displayName,
        role,
        mustChangePassword,
        hall: p.hallId === null ? null : await hallCode(p.hallId),
      };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      onRequest: requireAnyStaff(ctx),
      config: { rateLimit: true },
      schema: { tags: ['auth'], summary: 'Change my password (signs out my other sessions)', body: ChangePasswordBody, response: { 200: Ok, ...errorResponses(401) } },
    },
    async (request) => {
      await changePassword(ctx, await staffOf(ctx, request), request.body);
      return { ok: true };
    },
  );

  app.post(
    '/api/v1/staff',
    {
      onRequest: requireStaff(ctx, 'admin'),
      schema: { tags: ['admin'], summary: 'Create a staff account', body: CreateStaffBody, response: { 201: Ok, ...errorResponses(401, 403, 409) } },
    },
    async (request, reply) => {
      await createStaffAccount(await hallOf(ctx, request), (await staffOf(ctx, request)).username, request.body, await isCityAdmin(ctx, request));
      return reply.status(201).send({ ok: true });
    },
  );

  app.get(
    '/api/v1/devices',
    {
      onRequest: requireStaff(ctx, 'admin'),
      schema: {
        tags: ['admin'],
        summary: 'Kiosks and display boards',
        response: { 200: Type.Object({ devices: Type.Array(Device) }) },
      },
    },
    async (request) => ({
      devices: await listPairedDevices(await hallOf(ctx, request)),
    }),
  );

  app.post(
    '/api/v1/devices',
    {
      onRequest: requireStaff(ctx, 'admin'),
      schema: { tags: ['admin'], summary: 'Create a kiosk or display token (shown once) and its pairing link', body: CreateDeviceBody, response: { 201: CreateDeviceResponse, ...errorResponses(401, 403) } },
    },
    async (request, reply) => {
      const { device, token } = await createDeviceAudited(
        await hallOf(ctx, request),
        (await staffOf(ctx, request)).username,
        request.body.kind,
        request.body.name,
        request.body.counterNumber,
      );
      return reply.status(201).send({ device, token, pairPath: pairPath(request.body.kind, token) });
    },
  );

  app.post(
    '/api/v1/devices/:id/revoke',
    {
      onRequest: requireStaff(ctx, 'admin'),
      schema: { tags: ['admin'], summary: 'Revoke a device token', params: Type.Object({ id: Id }), response: { 200: Ok, ...errorResponses(401, 403, 404) } },
    },
    async (request) => {
      await revokeDeviceAudited(await hallOf(ctx, request), (await staffOf(ctx, request)).username, request.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/v1/devices/pair',
    {
      config: { rateLimit: true },
      schema: { tags: ['devices'], summary: 'Pair this browser as a device: stores the token in an HttpOnly cookie', body: PairBody, response: { 200: MeResponse, ...errorResponses(401, 429) } },
    },
    async (request, reply) => {
      const device = await deviceForToken(ctx, request.body.token);
      if (!device) throw new AppError('UNAUTHORIZED');
      reply.setCookie(DEVICE_COOKIE, request.body.token, {
        ...cookieFor(request),
        maxAge: DEVICE_COOKIE_DAYS * 86400,
      });
      return {
        kind: 'device' as const,
        id: device.id,
        deviceKind: device.deviceKind,
        name: device.name,
        hall: await hallCode(device.hallId),
      };
    },
  );
}
