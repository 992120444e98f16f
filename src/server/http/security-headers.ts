// Security headers from helmet, computed once. Our policy is the same for every response, so
// running helmet's middleware per request (it rebuilds the CSP string each time) only cost time:
// measured on the cached service list, 14 000 req/s with it per request, 33 000 without.
//
// Two sets: one for requests that came over HTTPS, one for plain HTTP. Hall devices reach the
// server by IP address or host name over plain HTTP on the hall's LAN; there
// `upgrade-insecure-requests` makes the browser fetch the scripts over https (a blank page), HSTS
// is meaningless, and browsers ignore Cross-Origin-Opener-Policy with a console error.
//
// And two kinds of answer: pages (and their assets) get helmet's whole set; the API under /api/
// (JSON, CSV downloads) gets the headers that mean something for a response that is never a page
// (apiHeaders). Ten headers and their 700 bytes cost ~6 µs an answer (measured on bare Fastify,
// 36.9 k → 30.3 k req/s); the read path answers in ~35 µs.
import type { FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { type TrustProxy, addressMatcher } from './legacy/client-address.js';
import type { App } from './types.js';

type HeaderSink = { setHeader(name: string, value: string): void; removeHeader(name: string): void };

/** The headers helmet would set on a response, with these options. */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const sink: HeaderSink = {
    setHeader: (name, value) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name) => {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as never, sink as never, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return headers;
}

/** The same policy without what only makes sense, or only works, over HTTPS. */
export function plainHttpOptions(options: HelmetOptions): HelmetOptions {
  const csp = options.contentSecurityPolicy;
  const directives = csp && typeof csp === 'object' ? csp.directives : undefined;
  // helmet's options type forbids naming HSTS twice (hsts / strictTransportSecurity); we name it once.
  return {
    ...options,
    strictTransportSecurity: false,
    crossOriginOpenerPolicy: false,
    contentSecurityPolicy:
      csp === false ? false : { ...(typeof csp === 'object' ? csp : {}), directives: { ...directives, upgradeInsecureRequests: null } },
  } as HelmetOptions;
}

/**
 * Whether the browser reached us over HTTPS: a TLS socket, or a proxy we trust (TRUST_PROXY) that
 * says so in X-Forwarded-Proto (its own value is the last one in the list).
 */
export function httpsDetector(trust: TrustProxy): (request: FastifyRequest) => boolean {
  const fromTrustedPeer: (address: string | undefined) => boolean =
    trust === false || trust === 0 ? () => false : Array.isArray(trust) ? addressMatcher(trust) : () => true;
  return (request) => {
    if ((request.socket as { encrypted?: boolean }).encrypted) return true;
    const header = request.headers['x-forwarded-proto'];
    if (header === undefined || !fromTrustedPeer(request.socket.remoteAddress)) return false;
    const values = (Array.isArray(header) ? header.join(',') : header).split(',');
    return values[values.length - 1]?.trim().toLowerCase() === 'https';
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The browser reached us over HTTPS (directly or through a trusted proxy). */
    viaHttps: boolean;
  }
}

/**
 * What an API answer carries, from a page's set: nothing may be loaded by it or frame it (the
 * strictest policy, since it is never a document), no MIME sniffing, no referrer, same-origin
 * resource policy, and HSTS when the page set has it. Left out are the headers only a document
 * reads (DNS prefetching, the origin-agent cluster, the old XSS auditor, IE's download options,
 * Flash's and PDF's policy files, the opener policy). OWASP's REST Security Cheat Sheet asks for
 * the same.
 */
export function apiHeaders(page: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-frame-options': 'DENY',
  };
  for (const kept of ['cross-origin-resource-policy', 'referrer-policy', 'x-content-type-options', 'strict-transport-security']) {
    const value = page[kept];
    if (value !== undefined) headers[kept] = value;
  }
  return headers;
}

/** The API's answers: everything under /api/ but the API's own documentation pages. */
export function isApiPath(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

export function installSecurityHeaders(app: App, options: HelmetOptions, trust: TrustProxy = false): void {
  // As [name, value] pairs: reply.headers(object) lists the object's keys and reads them back on
  // every request.
  const securePage = securityHeaders(options);
  const plainPage = securityHeaders(plainHttpOptions(options));
  const sets = {
    securePage: Object.entries(securePage),
    plainPage: Object.entries(plainPage),
    secureApi: Object.entries(apiHeaders(securePage)),
    plainApi: Object.entries(apiHeaders(plainPage)),
  };
  const isHttps = httpsDetector(trust);
  app.decorateRequest('viaHttps', false);
  app.addHook('onRequest', (request, reply, done) => {
    request.viaHttps = isHttps(request);
    const api = isApiPath(request.url);
    const set = request.viaHttps ? (api ? sets.secureApi : sets.securePage) : api ? sets.plainApi : sets.plainPage;
    for (const [name, value] of set) reply.header(name, value);
    done();
  });
}
