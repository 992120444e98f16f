// Per-device limits for routes that staff or a paired device call, counted per principal (the
// device or the staff account), never per address: one kiosk must not be usable to sweep ID
// numbers, and a hall whose kiosks share one NAT address must not share one limit.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimiter } from '../rate-limit/limiter.js';
import type { ServiceContext } from '../services/context.js';
import { principalOf } from './auth.js';
import { RateLimitedError } from './rate-limit.js';

const WINDOW_MS = 60_000;

export interface DeviceLimit {
  limiter?: RateLimiter;
  /** Requests per minute per device and route; 0 or no limiter = no limit. */
  perMinute: number;
  now: () => number;
}

/** A preHandler (run after the route's guard) that counts this request against its principal. */
export function perPrincipalLimit(ctx: ServiceContext, name: string, limit: DeviceLimit) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const { limiter, perMinute } = limit;
    if (!limiter || !(perMinute > 0)) return;
    const who = await principalOf(ctx, request);
    if (!who) return;
    const key = `${name}|${who.kind}:${who.id}`;
    let result: Awaited<ReturnType<RateLimiter['hit']>>;
    try {
      result = await limiter.hit(key, perMinute, WINDOW_MS, limit.now());
    } catch (error) {
      // Fail open, as the per-address limits do: an outage of the counters must not stop the kiosk.
      request.log.warn({ err: error }, 'rate limiter unavailable; device requests pass unlimited');
      return;
    }
    if (result.allowed) return;
    reply.header('retry-after', String(result.retryAfterSeconds));
    throw new RateLimitedError(result.retryAfterSeconds);
  };
}
