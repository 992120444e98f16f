// The one set-up of every browser test file: a describe block gets its own real server (temp
// SQLite store, simulated hall clock) and Chromium, started before its tests and stopped after
// them; every test fails on a console error; and the first start's credentials are at hand to
// pair the kiosk and the display, sign the admin in for the first time, or get a staff cookie.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect } from 'vitest';
import { ConsoleWatch, launchBrowser, newContext } from './browser.js';
import { type BrowserCheck, ensureChromium } from './chromium.js';
import { openPairingLink, pairKiosk, signInFirstTime, staffCookie } from './hall.js';
import { type RunningServer, startServer } from './server.js';
import { ensureWebBuilt } from './web-build.js';

export interface E2E {
  server: RunningServer;
  browser: Browser;
  watch: ConsoleWatch;
  context(options: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

export interface E2EOptions {
  clock?: string;
  /**
   * Reach the server by this host name instead of 127.0.0.1, as hall devices on a LAN do (Chromium
   * resolves it to 127.0.0.1; the origin is then plain HTTP and not "potentially trustworthy").
   */
  hostName?: string;
  /** More environment for the server (e.g. HALL_TZ). */
  env?: Record<string, string>;
}

export async function startE2E(opts: E2EOptions = {}): Promise<E2E> {
  await ensureWebBuilt();
  const server = await startServer(opts);
  const baseUrl = opts.hostName ? server.url.replace('127.0.0.1', opts.hostName) : server.url;
  let browser: Browser;
  try {
    browser = await launchBrowser(opts.hostName ? [`--host-resolver-rules=MAP ${opts.hostName} 127.0.0.1`] : []);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const watch = new ConsoleWatch();
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    watch,
    async context(options) {
      const c = await newContext(browser, options, watch, baseUrl);
      contexts.push(c);
      return c;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}

export interface Hall {
  readonly server: RunningServer;
  readonly watch: ConsoleWatch;
  /** A browser context (viewport, touch …) of the block's Chromium; closed with it. */
  context(options: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a context of its own. */
  page(options: BrowserContextOptions): Promise<Page>;
  /** Pairs the page as a kiosk (the first start's kiosk unless another link is given) and waits for its start screen. */
  pairKiosk(page: Page, pairPath?: string): Promise<void>;
  /** Opens the first start's display pairing link on the page and waits until the token has left the address. */
  pairDisplay(page: Page): Promise<void>;
  /**
   * At a staff sign-in screen already open: the first sign-in with a one-time password (the first
   * start's admin unless `who` says otherwise), then the forced change to `newPassword`.
   */
  signInFirstTime(page: Page, newPassword: string, who?: { username: string; password: string }): Promise<void>;
  /** A session cookie ('vr_session=…') for arranging a scene by API: the first start's admin with the one-time password unless told otherwise. */
  staffCookie(username?: string, password?: string): Promise<string>;
  /** The first start's admin signs in by API and replaces the one-time password with `newPassword`; returns the session cookie. */
  adminSession(newPassword: string): Promise<string>;
}

let checked: BrowserCheck | undefined;

/** Chromium is looked for (and installed where possible) once per test file. */
function chromiumReady(): boolean {
  checked ??= ensureChromium();
  return checked.ok;
}

/**
 * A describe block of browser tests with its hall: `body` registers the tests and may add its own
 * hooks (they run after the hall has started). Skipped, with the reason printed, where Chromium
 * cannot run.
 */
export function describeHall(name: string, opts: E2EOptions, body: (hall: Hall) => void): void {
  describe.skipIf(!chromiumReady())(name, () => {
    let e2e: E2E | undefined;
    const started = (): E2E => {
      if (!e2e) throw new Error('the hall has not started (see the error of beforeAll)');
      return e2e;
    };
    const firstStart = () => started().server.firstStart;

    beforeAll(async () => {
      e2e = await startE2E(opts);
    });
    afterAll(async () => {
      await e2e?.close();
    });
    afterEach(() => {
      if (e2e) expect(e2e.watch.errors).toEqual([]);
    });

    const hall: Hall = {
      get server() {
        return started().server;
      },
      get watch() {
        return started().watch;
      },
      context: (options) => started().context(options),
      page: async (options) => (await started().context(options)).newPage(),
      pairKiosk: (page, pairPath) => pairKiosk(page, pairPath ?? firstStart().kioskPairPath),
      pairDisplay: (page) => openPairingLink(page, firstStart().displayPairPath),
      signInFirstTime: (page, newPassword, who = firstStart()) => signInFirstTime(page, who.username, who.password, newPassword),
      staffCookie: (username = firstStart().username, password = firstStart().password) => staffCookie(started().server.url, username, password),
      async adminSession(newPassword) {
        const { username, password } = firstStart();
        const cookie = await staffCookie(started().server.url, username, password);
        const changed = await started().server.api('POST', '/api/v1/auth/password', { currentPassword: password, newPassword }, { cookie });
        expect(changed.status).toBe(200);
        return cookie;
      },
    };
    body(hall);
  });
}
