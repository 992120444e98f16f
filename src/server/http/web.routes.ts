// Serves the built web apps (dist/web, made by `vite build`) with client-side routes falling
// back to index.html.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './types.js';

/**
 * Each front end's page (built by `vite build` from src/web, see vite.config.ts) and the top-level
 * paths it answers, sub-paths included: the citizen pages (/h/CODE/… the booking app of one hall, its
 * link and QR code; /t/TOKEN one booking's or ticket's page, the QR codes on confirmations and
 * tickets; /w/TOKEN one 候补 offer, the link in its message), the kiosk, the counter, the display
 * board and the admin console. A phone opening / loads the citizen page's scripts only.
 */
export const WEB_FRONT_ENDS: Readonly<Record<string, readonly string[]>> = {
  'index.html': ['/', '/h', '/records', '/t', '/w'],
  'kiosk.html': ['/kiosk'],
  'counter.html': ['/counter'],
  'display.html': ['/display'],
  'evaluator.html': ['/evaluator'],
  'admin.html': ['/admin'],
};

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
    // Source maps would hand anyone the original source: they are not served.
    allowedPath: (path) => !path.endsWith('.map'),
    // The build wrote FILE.br and FILE.gz beside each text file over 1 kB (vite.precompress.ts): the
    // one the browser accepts (Accept-Encoding, brotli first) is sent as it is, with Vary; else FILE.
    preCompressed: true,
    // Vite names every built script and stylesheet by its content hash: a phone can keep them for
    // good and never ask again; a new build has new names (index.html itself is never cached).
    setHeaders: (reply, path) => {
      if (/[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.(js|css)(\.br|\.gz)?$/.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
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
