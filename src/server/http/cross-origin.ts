// Cookie-authenticated writes must come from our own pages. A page on another site could make a
// signed-in admin's browser POST text/plain (no preflight) and revoke devices or disable accounts;
// SameSite=Strict cookies are only defence in depth. The browser says where a request came from
// (Sec-Fetch-Site, Origin) and a page cannot forge either, so they are checked, not a token.
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../services/app-error.js';
import { DEVICE_COOKIE, SESSION_COOKIE } from './auth.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestProvenance {
  /** The request carries a session or device cookie: the browser's ambient credentials. */
  cookieCredentials: boolean;
  /** `Authorization: Bearer …`: a header no other site can make a browser send. */
  bearer: boolean;
  secFetchSite: string | undefined;
  origin: string | undefined;
  /** Host header, and X-Forwarded-Host entries (a proxy may rewrite Host; a page cannot set either). */
  hosts: string[];
}

function splitHost(raw: string): { name: string; port: string | null } | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(raw.trim().toLowerCase());
  return m?.[1] ? { name: m[1], port: m[2] ?? null } : null;
}

/**
 * Origin `scheme://host[:port]` names the host the request was sent to. The scheme is not
 * compared: hall devices use plain HTTP by IP or host name, and a TLS-terminating proxy makes an
 * https page talk to us over http. A Host without a port matches the origin's default port.
 */
export function originMatchesHost(origin: string, host: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) and garbage
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const target = splitHost(host);
  if (!target || target.name !== url.hostname) return false;
  const originPort = url.port || (url.protocol === 'https:' ? '443' : '80');
  return target.port === null ? url.port === '' : target.port === originPort;
}

/** True when a state-changing request must be refused as coming from another site. */
export function isCrossOrigin(p: RequestProvenance): boolean {
  if (!p.cookieCredentials) return false;
  const site = p.secFetchSite?.toLowerCase();
  // same-origin: our page; none: the user typed or bookmarked it.
  if (site === 'same-origin' || site === 'none') return false;
  if (site === 'cross-site') return true;
  // same-site (another port or subdomain) or a browser without Fetch Metadata: Origin decides.
  if (p.origin !== undefined) return !p.hosts.some((h) => originMatchesHost(p.origin as string, h));
  if (site !== undefined) return true;
  // Neither header: not a browser page (curl, a kiosk with its token). With cookies and no
  // token it could still be an old browser's form post, so it is refused.
  return !p.bearer;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function provenanceOf(request: FastifyRequest): RequestProvenance {
  const cookies = request.headers.cookie ? request.server.parseCookie(request.headers.cookie) : {};
  const forwardedHosts = (header(request, 'x-forwarded-host') ?? '').split(',').map((h) => h.trim());
  return {
    cookieCredentials: Boolean(cookies[SESSION_COOKIE] || cookies[DEVICE_COOKIE]),
    bearer: header(request, 'authorization')?.startsWith('Bearer ') ?? false,
    secFetchSite: header(request, 'sec-fetch-site'),
    origin: header(request, 'origin'),
    hosts: [header(request, 'host') ?? '', ...forwardedHosts].filter((h) => h !== ''),
  };
}

/** The seed mini-program's writes (/order/…): no cookies, but a kiosk's address is its credential. */
const LEGACY_WRITE = /^\/order\//;

/**
 * Refuses cross-site writes that carry our cookies (403 CROSS_ORIGIN), before any route runs. The
 * legacy API's writes carry no cookie, but its kiosk gate trusts the kiosk's own address (loopback
 * by default): a page from another site opened in the kiosk's browser must not post a form there.
 * The mini-program is no browser page and sends neither Fetch Metadata nor Origin, so it passes.
 */
export function installCrossOriginGuard(app: FastifyInstance): void {
  // A callback hook: reads (most requests) pass without the promise an async hook costs.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!WRITES.has(request.method)) return done();
    try {
      done(crossOriginRefusal(request));
    } catch (error) {
      done(error as Error);
    }
  });
}

function crossOriginRefusal(request: FastifyRequest): AppError | undefined {
  // The matched route's pattern, not the raw URL: /%61pi/… is routed to /api/… too.
  const route = request.routeOptions.url ?? '';
  const p = provenanceOf(request);
  if (route.startsWith('/api/') && isCrossOrigin(p)) return new AppError('CROSS_ORIGIN');
  if (LEGACY_WRITE.test(route) && isCrossOrigin({ ...p, cookieCredentials: true, bearer: true })) return new AppError('CROSS_ORIGIN');
  return undefined;
}
