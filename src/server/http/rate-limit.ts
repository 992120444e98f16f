// Per-address limits on the public routes that write or reveal bookings. A route opts in with
// `config: { rateLimit: true }`; the counts live in the limiter's shared store, never here.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimiter } from '../rate-limit/limiter.js';
import { AppError } from '../services/app-error.js';
import { type TrustProxy, clientAddress, parseIp } from './legacy/client-address.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Count this route's requests per client address against RATE_LIMIT_PER_MINUTE. */
    rateLimit?: boolean;
  }
}

export interface RateLimitOptions {
  /** Requests per minute per route and address; 0 installs nothing. */
  perMinute: number;
  /** Which proxies' X-Forwarded-For is believed (TRUST_PROXY); default: the socket's peer is the client. */
  trustProxy?: TrustProxy;
  /** The clock windows are counted on (epoch ms); default Date.now. */
  now?: () => number;
}

const WINDOW_MS = 60_000;
const WARN_EVERY_MS = 10_000;

/**
 * A refusal for too many requests. An AppError (so /api/v1 answers 429 RATE_LIMITED through the
 * one error handler) that also carries the status, which the legacy API's handler reads.
 */
export class RateLimitedError extends AppError {
  readonly statusCode = 429;
  constructor(retryAfter: number) {
    super('RATE_LIMITED', { retryAfter });
  }
}

/**
 * The key a client is counted under: its IPv4 address, or the /64 of an IPv6 address (one
 * household or phone usually holds a whole /64, so single IPv6 addresses would be free to rotate).
 */
export function clientKey(address: string | undefined): string {
  const ip = address === undefined ? null : parseIp(address);
  if (!ip) return address ?? 'unknown';
  if (ip.family === 4) return ip.bytes.join('.');
  const groups = [];
  for (let i = 0; i < 8; i += 2) groups.push((((ip.bytes[i] ?? 0) << 8) | (ip.bytes[i + 1] ?? 0)).toString(16));
  return `${groups.join(':')}::/64`;
}

/** The key the request's client is counted under, its address read as TRUST_PROXY says. */
export function requestClientKey(request: FastifyRequest, trust: TrustProxy = false): string {
  const address = trust === false ? request.ip : clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trust);
  return clientKey(address);
}

/** The route's pattern, so /api/v1/bookings/A1/cancel and …/B2/cancel share one count. */
function routeKey(request: FastifyRequest): string {
  const url = request.routeOptions.url ?? request.url;
  // The legacy routes answer with and without a trailing slash: one count for both.
  return url.length > 1 ? url.replace(/\/+$/, '') : url;
}

export function installRateLimits(app: FastifyInstance, limiter: RateLimiter, options: RateLimitOptions): void {
  const { perMinute } = options;
  if (!(perMinute > 0)) return;
  const trust = options.trustProxy ?? false;
  const now = options.now ?? Date.now;
  let lastWarnAt = Number.NEGATIVE_INFINITY;

  const limit = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = `${routeKey(request)}|${requestClientKey(request, trust)}`;
    let result: Awaited<ReturnType<RateLimiter['hit']>>;
    try {
      result = await limiter.hit(key, perMinute, WINDOW_MS, now());
    } catch (error) {
      // Fail open: an outage of the counters must not take bookings down with it.
      const t = Date.now();
      if (t - lastWarnAt >= WARN_EVERY_MS) {
        lastWarnAt = t;
        request.log.warn({ err: error }, 'rate limiter unavailable; requests pass unlimited');
      }
      return;
    }
    if (result.allowed) return;
    reply.header('retry-after', String(result.retryAfterSeconds));
    throw new RateLimitedError(result.retryAfterSeconds);
  };
  // On the marked routes alone (as each is declared, after every hook of the app's own): other
  // requests, the reads above all, do not pay for an async hook.
  app.addHook('onRoute', (route) => {
    if ((route.config as { rateLimit?: unknown } | undefined)?.rateLimit === true) route.onRequest = [...[route.onRequest ?? []].flat(), limit];
  });
}
