// Serves the built web apps (dist/web, made by `vite build`) with client-side routes falling
// back to index.html.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FRONT_END_PAGES } from '../../contracts/front-ends.js';
import type { App } from './types.js';

/** Each front end's page and its paths (one list with the build's: src/contracts/front-ends.ts). A phone opening / loads the citizen page's scripts only. */
export const WEB_FRONT_ENDS = FRONT_END_PAGES;

/**
 * Security headers that only mean something on a page (a document), left off the scripts and
 * stylesheets: on a phone at 50 kB/s every request's headers count, and these are over half a
 * kilobyte each time. Kept: nosniff (a script must be served as one) and Cross-Origin-Resource-Policy
 * (no other site may load our files), and HSTS over HTTPS.
 */
const PAGE_ONLY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

/** Every path a web front end answers. */
export const WEB_APP_PATHS = Object.values(WEB_FRONT_ENDS).flat();

export function defaultWebRoot(): string {
  // src/server/http -> ../../../dist/web, and the same from dist/server/http.
  return fileURLToPath(new URL('../../../dist/web', import.meta.url));
}

export async function webRoutes(app: App, root: string = defaultWebRoot()): Promise<void> {
  if (!existsSync(`${root}/index.html`)) {
    app.log.warn({ root }, 'web apps not built: run `npm run build` to serve them');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: false,
    wildcard: true,
    maxAge: '1h',
    immutable: false,
    // Source maps would hand anyone the original source: they are not served; nor is the build's
    // manifest (.vite/manifest.json), which is for the tests.
    allowedPath: (path) => !path.endsWith('.map') && !path.includes('/.vite/'),
    // The build wrote FILE.br and FILE.gz beside each text file over 1 kB (vite.precompress.ts): the
    // one the browser accepts (Accept-Encoding, brotli first) is sent as it is, with Vary; else FILE.
    preCompressed: true,
    // Vite names every built script and stylesheet by its content hash: a phone can keep them for
    // good and never ask again; a new build has new names (index.html itself is never cached).
    setHeaders: (reply, path) => {
      if (/[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.(js|css)(\.br|\.gz)?$/.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      if (/\.(js|css)(\.br|\.gz)?$/.test(path)) for (const name of PAGE_ONLY_HEADERS) reply.removeHeader(name);
    },
  });
  for (const [page, paths] of Object.entries(WEB_FRONT_ENDS)) {
    // A page is never cached (a new build names new scripts); it is sent precompressed too.
    const handler = (_request: FastifyRequest, reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile(page, { maxAge: 0 });
    for (const path of paths) {
      app.get(path, { schema: { hide: true } }, handler);
      if (path !== '/') app.get(`${path}/*`, { schema: { hide: true } }, handler);
    }
  }
}
