// Which hall a request is about. A paired device and a hall's staff work in their own hall; a
// city admin works in any hall, chosen with `?hall=CODE` (default: the first hall); a public page
// names its hall in the path (/api/v1/halls/:code/…) or gets the first hall. A hall's staff or
// device that asks for another hall is answered HALL_NOT_FOUND, exactly as for a hall that does
// not exist: nothing of another hall is ever reachable through them.
import type { FastifyRequest, RouteOptions } from 'fastify';
import { Type } from 'typebox';
import type { Hall } from '../services/hall-directory.js';
import { AppError } from '../services/app-error.js';
import { type HallContext, type ServiceContext, inHall } from '../services/context.js';
import { principalOf } from './auth.js';
import type { App } from './types.js';

const HallCode = Type.String({
  minLength: 1,
  maxLength: 16,
  description: "A hall's code: the hall to work in (city admins; others may only name their own)",
});

/** Routes that work inside one hall: every one of them takes `?hall=CODE`. */
const HALL_SCOPED = /^\/api\/v1\/(admin|audit|counters|devices|display|evaluator|events(?!\/public)|kiosk|queue|reports|staff|tickets)(\/|$)/;

export function isHallScoped(url: string): boolean {
  return HALL_SCOPED.test(url);
}

/** Adds the optional `hall` query parameter to every hall-scoped route's schema (so validation and OpenAPI know it). */
export function installHallScope(app: App): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isHallScoped(route.url)) return;
    route.schema = route.schema ?? {};
    const schema = route.schema as {
      querystring?: { properties?: Record<string, unknown> };
    };
    const qs = schema.querystring ?? Type.Object({}, { additionalProperties: false });
    schema.querystring = {
      ...qs,
      properties: { hall: HallCode, ...(qs.properties ?? {}) },
    };
  });
}

/**
 * Before a hall-scoped route validates anything: a hall's staff or device naming another hall is
 * refused as if that hall did not exist, whatever else the request says.
 */
export function refuseOtherHalls(app: App, ctx: ServiceContext): void {
  // On the hall-scoped routes alone (added as each is declared), first among their own hooks: the
  // public routes, the busiest, do not run it at all.
  const guard = async (request: FastifyRequest) => {
    const code = askedCode(request);
    if (code === undefined) return;
    const who = await principalOf(ctx, request);
    const ownId = who?.kind === 'device' ? who.hallId : who?.kind === 'staff' ? who.hallId : null;
    if (ownId === null) return;
    if ((await ctx.halls.byId(ownId))?.code !== code) throw new AppError('HALL_NOT_FOUND', { hall: code });
  };
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isHallScoped(route.url)) return;
    route.preValidation = [guard, ...[route.preValidation ?? []].flat()];
  });
}

function askedCode(request: FastifyRequest): string | undefined {
  const asked = (request.query as { hall?: unknown } | undefined)?.hall;
  return typeof asked === 'string' && asked !== '' ? asked : undefined;
}

/** The hall a signed-in staff member or paired device works in for this request. */
export async function hallOf(ctx: ServiceContext, request: FastifyRequest): Promise<HallContext> {
  const code = askedCode(request);
  const who = await principalOf(ctx, request);
  const ownId = who?.kind === 'device' ? who.hallId : who?.kind === 'staff' ? who.hallId : null;
  if (ownId !== null) {
    const own = await ctx.halls.byId(ownId);
    if (!own || (code !== undefined && code !== own.code)) throw new AppError('HALL_NOT_FOUND', { hall: code ?? '' });
    return inHall(ctx, own);
  }
  const hall = code !== undefined ? await ctx.halls.byCode(code) : await ctx.halls.first();
  if (!hall) throw new AppError('HALL_NOT_FOUND', { hall: code ?? '' });
  return inHall(ctx, hall);
}

/** A hall the public may see: active, by code (none: the first hall). */
export async function publicHall(ctx: ServiceContext, code?: string): Promise<HallContext> {
  return inHall(ctx, await publicHallRecord(ctx, code));
}

/** The record of the hall publicHall gives, without its context (a cached answer needs only the code). */
export async function publicHallRecord(ctx: ServiceContext, code?: string): Promise<Hall> {
  const hall: Hall | undefined = code !== undefined ? await ctx.halls.byCode(code) : await ctx.halls.first();
  if (!hall?.active) throw new AppError('HALL_NOT_FOUND', { hall: code ?? '' });
  return hall;
}

/**
 * The hall a read that names no hall answers for: a paired device's or a hall staff member's own
 * hall (a kiosk in the second hall lists that hall's services), else (a citizen, a city admin) the
 * first hall. A request without credentials costs no lookup.
 */
export async function readerHallRecord(ctx: ServiceContext, request: FastifyRequest): Promise<Hall> {
  if (withoutCredentials(request)) return publicHallRecord(ctx);
  const who = await principalOf(ctx, request);
  const ownId = who?.kind === 'device' || who?.kind === 'staff' ? who.hallId : null;
  const own = ownId === null ? undefined : await ctx.halls.byId(ownId);
  return own?.active ? own : publicHallRecord(ctx);
}

const withoutCredentials = (request: FastifyRequest) => request.headers.cookie === undefined && request.headers.authorization === undefined;

/**
 * readerHallRecord's answer without waiting, when it needs no lookup: a request without credentials
 * while the halls are known and fresh (else undefined: ask readerHallRecord).
 */
export function readerHallIfKnown(ctx: ServiceContext, request: FastifyRequest): Hall | undefined {
  const hall = withoutCredentials(request) ? ctx.halls.firstIfKnown() : undefined;
  return hall?.active ? hall : undefined;
}

/** Whether the signed-in staff member is a city admin (every hall, the catalogue, the city calendar). */
export async function isCityAdmin(ctx: ServiceContext, request: FastifyRequest): Promise<boolean> {
  const who = await principalOf(ctx, request);
  return who?.kind === 'staff' && who.role === 'city_admin';
}
