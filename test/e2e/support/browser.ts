// Chromium through playwright-core: a fresh profile per launch, pages that fail the test on any
// console error or uncaught exception, and screenshots in test-results/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import { CHROMIUM } from './chromium.js';
import { ROOT } from './web-build.js';

export const SCREENSHOTS = join(ROOT, 'test-results');

export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const KIOSK_PORTRAIT: BrowserContextOptions = { viewport: { width: 1080, height: 1920 }, hasTouch: true };
export const KIOSK_LANDSCAPE: BrowserContextOptions = { viewport: { width: 1920, height: 1080 }, hasTouch: true };

/** `extraArgs`: e.g. `--host-resolver-rules=MAP hall.test 127.0.0.1` to reach the server by a LAN host name. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  // launch() gives every run a fresh temporary user-data-dir of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Console errors the page produced. Chromium itself logs "Failed to load resource" for every
 * 4xx answer; for /api/ calls those are refusals the app shows in words (the tests check the
 * words), so only those are let through. Anything else — a 5xx, a missing asset, a framework
 * warning, an exception — counts.
 */
export class ConsoleWatch {
  readonly errors: string[] = [];
  private allowed: RegExp[] = [];

  /** Lets errors matching `pattern` through until the returned function is called (a test that breaks the network on purpose). */
  allow(pattern: RegExp): () => void {
    this.allowed.push(pattern);
    return () => {
      this.allowed = this.allowed.filter((p) => p !== pattern);
    };
  }

  attach(page: Page): void {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const url = msg.location().url ?? '';
      if (/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text()) && url.includes('/api/v1/')) return;
      if (this.allowed.some((p) => p.test(msg.text()))) return;
      this.errors.push(`${page.url()}: ${msg.text()} ${url}`);
    });
    page.on('pageerror', (error) => this.errors.push(`${page.url()}: uncaught ${error.message}`));
  }
}

export async function newContext(browser: Browser, options: BrowserContextOptions, watch: ConsoleWatch, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(10_000);
  context.on('page', (page) => watch.attach(page));
  return context;
}

export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: opts.fullPage ?? true, animations: 'disabled' });
}
