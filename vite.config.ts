// The web front ends (src/web), built into dist/web where the server serves them: one page per
// front end (FRONT_ENDS), each with its own entry script and stylesheets, sharing chunks (Preact,
// i18n, the shared folders). `npm run dev` starts Vite (a change reloads the page) and, beside it, the API
// server in watch mode.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Plugin, defineConfig } from 'vite';
import { FRONT_END_PAGES } from './src/contracts/front-ends.js';
import { precompress } from './vite.precompress.js';
import { PREACT_ALIASES } from './web-aliases.js';

const API_PORT = Number(process.env.API_PORT ?? 8080);

/** Each front end's page (in src/web) and the top-level paths it answers; web.routes.ts serves the same list. */
const FRONT_ENDS = FRONT_END_PAGES;
const webFile = (name: string) => fileURLToPath(new URL(`./src/web/${name}`, import.meta.url));

/** In `npm run dev`: /kiosk, /admin/… are answered with their front end's page, as the server does. */
function frontEndPages(): Plugin {
  return {
    name: 'vreserve-front-end-pages',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const section = `/${(req.url ?? '/').split(/[?#]/)[0]?.split('/').filter(Boolean)[0] ?? ''}`;
        const page = Object.entries(FRONT_ENDS).find(([name, paths]) => name !== 'index.html' && paths.includes(section));
        if (page && req.headers.accept?.includes('text/html')) req.url = `/${page[0]}`;
        next();
      });
    },
  };
}

/** Runs `tsx watch src/server/main.ts serve` while the dev server runs (set DEV_API=off to skip). */
function apiServer(): Plugin {
  let child: ChildProcess | null = null;
  return {
    name: 'vreserve-api-server',
    apply: 'serve',
    configureServer(server) {
      if (process.env.DEV_API === 'off' || child) return;
      child = spawn('npx', ['tsx', 'watch', 'src/server/main.ts', 'serve'], {
        stdio: 'inherit',
        env: { WORKERS: '1', ...process.env, PORT: String(API_PORT) },
      });
      const stop = () => {
        child?.kill('SIGTERM');
        child = null;
      };
      server.httpServer?.on('close', stop);
      process.once('exit', stop);
    },
  };
}

/**
 * The citizen page (index.html) names its English texts' chunk (for public/early.js), and its
 * stylesheet (its first screen's: front-end-citizen.css, under 3 kB compressed)
 * is written into index.html instead of linked: on a phone the page's bytes arrive while the
 * browser waits out the round trip of its first requests, so the styles no longer take bandwidth
 * from the scripts after it, nor a request. The page is never cached, so a return visit fetches
 * them again with it (the stylesheet file stays in the build, unreferenced). CSP allows inline
 * styles (style-src 'unsafe-inline').
 */
function inlineCitizenStyles(): Plugin {
  return {
    name: 'vreserve-inline-citizen-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.filename.endsWith('index.html') || !context.bundle) return html;
        const bundle = context.bundle;
        // Where the English texts are, for public/early.js to fetch them at once on a device set to English.
        const english = Object.values(bundle).find((file) => file.type === 'chunk' && file.name === 'english');
        if (english) html = html.replace('</title>', `</title>\n    <meta name="vreserve-english" content="/${english.fileName}" />`);
        return html.replace(/<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/g, (link, file: string) => {
          const css = bundle[file];
          return css?.type === 'asset' ? `<style>${String(css.source)}</style>` : link;
        });
      },
    },
  };
}

/** Modules of the shared folders that the booking page's first screen does not use (its chunk stays small). */
const NOT_ON_FIRST_SCREEN =
  /[\\/]src[\\/]web[\\/]ui[\\/](confirm-dialog|text-field|live-badge|status-badge|priority-badge)\.tsx$|[\\/]src[\\/]web[\\/]api[\\/](queue|waitlist|auth|rating)-endpoints\.ts$/;

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [apiServer(), frontEndPages(), inlineCitizenStyles(), precompress()],
  // The pages are written against React's API (and typechecked with React's types) and run on
  // Preact's (preact/compat, 4 kB): on a phone at 50 kB/s, react-dom's ~55 kB (compressed) of the
  // booking page's first scripts cost a second before the service list showed. Vite's own
  // transform makes the JSX; `npm run dev` reloads the page on a change (no React Fast Refresh).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact/compat' } },
  resolve: { alias: PREACT_ALIASES },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    // Maps stay beside the build for whoever runs it, unreferenced and never served (web.routes.ts).
    sourcemap: 'hidden',
    // Which chunks each page and screen loads (.vite/manifest.json, never served: web.routes.ts), for
    // the tests that check a phone loads none of the other front ends' scripts.
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      input: Object.fromEntries(Object.keys(FRONT_ENDS).map((page) => [page.replace(/\.html$/, ''), webFile(page)])),
      output: {
        // What every front end uses at once (Preact, the shell, the shared folders ui/ live/ api/ nav/
        // i18n/) in one file, instead of a handful of small ones cut by which front ends share each
        // (on a phone at 400 ms a request, each costs a header and a turn on one of six connections).
        // Left out: the QR code (a confirmation's or ticket's, loaded with them), the admin
        // console's texts (loaded by the console), the English texts (i18n/english.ts, loaded
        // when English is chosen) and the Chinese texts of the screens after the booking page's
        // first one (i18n/zh-later.ts and the files it gathers, loaded with those screens). The
        // shared pieces the booking page's first screen does not use (dialogs, the staff and kiosk
        // endpoints, badges) are one chunk of their own, 'shared', for the other front ends and the
        // citizen's later screens.
        codeSplitting: {
          groups: [
            {
              name: 'common',
              priority: 2,
              test: (id: string) =>
                /rolldown.runtime|modulepreload-polyfill|[\\/]src[\\/]web[\\/]app\.tsx$|[\\/]node_modules[\\/]preact[\\/]|[\\/]src[\\/]web[\\/](ui|live|api|nav|i18n)[\\/]/.test(id) &&
                !/[\\/]ui[\\/](qr-code|ticket-qr)\.tsx$|[\\/]i18n[\\/](admin-messages|zh-admin|en[.-]|english\.|later-messages|zh-(later|agent|hall|messages|no-show|priority|rating|reschedule|ticket|waitlist)\.)/.test(id) &&
                !NOT_ON_FIRST_SCREEN.test(id),
            },
            { name: 'shared', priority: 1, test: (id: string) => NOT_ON_FIRST_SCREEN.test(id) },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${API_PORT}`,
      '/readyz': `http://127.0.0.1:${API_PORT}`,
    },
  },
});
