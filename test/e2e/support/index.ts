// Everything a browser test file needs: Chromium, the built web app, the real server, pages.
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { ConsoleWatch, launchBrowser, newContext } from './browser.js';
import { type BrowserCheck, ensureChromium } from './chromium.js';
import { type RunningServer, startServer } from './server.js';
import { ensureWebBuilt } from './web-build.js';

export { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, PHONE, screenshot } from './browser.js';
export { DEFAULT_CLOCK, type FirstStart } from './server.js';

/** Checked once per test file at load time, so a file can `describe.skipIf(!browser.ok)`. */
export function browserAvailable(): BrowserCheck {
  return ensureChromium();
}

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
