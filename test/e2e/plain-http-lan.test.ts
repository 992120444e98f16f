// Hall devices open the server by host name or IP address over plain HTTP on the hall's LAN.
// Such an origin is not "potentially trustworthy" (localhost is), so HTTPS-only headers break it:
// upgrade-insecure-requests sends the scripts to https (a blank page) and Secure cookies are
// dropped (no pairing, no sign-in). Every screen must render and work, with a clean console.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { KIOSK_PORTRAIT, PHONE, describeHall, screenshot } from './support/index.js';
import { ROOT } from './support/web-build.js';

type Manifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[] }>;

/** Every script a page can load, at once or later (its lazy screens), from the build's manifest. */
function scriptsReachableFrom(page: string): Set<string> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/web/.vite/manifest.json'), 'utf8')) as Manifest;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of [...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? [])]) visit(next);
  };
  visit(page);
  return new Set([...seen].map((key) => `/${manifest[key]?.file}`));
}

const HOST = 'hall.test';
const LAPTOP = { viewport: { width: 1366, height: 768 } };
const BOARD = { viewport: { width: 1920, height: 1080 } };

describeHall(`every screen over plain HTTP at http://${HOST}`, { clock: '2026-11-25T09:30:00+08:00', hostName: HOST }, (e2e) => {
  // Warnings too: Chromium reports ignored headers (COOP on an untrustworthy origin) and
  // upgraded or blocked requests as console messages, not only as errors.
  const headerComplaints: string[] = [];
  const watchHeaders = (page: Page) =>
    page.on('console', (msg: ConsoleMessage) => {
      if (/Cross-Origin-Opener-Policy|upgrade|insecure|Mixed Content|Strict-Transport|origin was untrustworthy/i.test(msg.text())) {
        headerComplaints.push(`${page.url()}: ${msg.type()}: ${msg.text()}`);
      }
    });
  const open = async (options: object) => {
    const page = await e2e.page(options);
    watchHeaders(page);
    return page;
  };

  afterEach(() => {
    expect(headerComplaints).toEqual([]);
  });

  it('the booking app and 我的预约 render on a phone', async () => {
    const phone = await open(PHONE);
    const scripts: string[] = [];
    phone.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await phone.goto('/');
    expect(new URL(phone.url()).origin).toBe(`http://${HOST}:${new URL(e2e.server.url).port}`);
    await phone.getByRole('heading', { name: '选择办理业务' }).waitFor();
    await phone.getByRole('button', { name: /医社保办理/ }).or(phone.getByRole('link', { name: /医社保办理/ })).first().waitFor();
    await screenshot(phone, 'lan-booking-home');
    // A phone downloads the citizen page's scripts only: none of those that only the admin console,
    // the counter, the kiosk or the board load (their pages' entries and preloads). Chunks the
    // citizen page shares with them (texts, error messages) come with its later screens, so what
    // the citizen page can load is read from the build's manifest, not from its page alone.
    const scriptsOf = async (path: string) =>
      [...(await (await fetch(`${e2e.server.url}${path}`)).text()).matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
    const citizen = await scriptsOf('/');
    expect(citizen.length).toBeGreaterThan(0);
    expect(scripts).toEqual(expect.arrayContaining(citizen));
    const citizenCanLoad = scriptsReachableFrom('index.html');
    // Every built script it took is the citizen page's own (public/early.js is not a built one).
    expect(scripts.filter((p) => p.startsWith('/assets/') && !citizenCanLoad.has(p))).toEqual([]);
    for (const other of ['/admin', '/counter', '/kiosk', '/display']) {
      const own = (await scriptsOf(other)).filter((p) => !citizenCanLoad.has(p));
      expect(own.length, other).toBeGreaterThan(0);
      expect(scripts.filter((p) => own.includes(p)), other).toEqual([]);
    }
    await phone.goto('/records');
    await phone.getByRole('heading', { name: '我的预约', level: 1 }).waitFor();
  });

  it('a kiosk pairs by its link (the device cookie is kept) and issues a walk-in number', async () => {
    const kiosk = await open(KIOSK_PORTRAIT);
    await e2e.pairKiosk(kiosk);
    await kiosk.reload();
    await kiosk.getByRole('heading', { name: '请选择取号方式' }).waitFor();
    await kiosk.getByRole('button', { name: /现场取号/ }).click();
    await kiosk.getByRole('button', { name: /医社保办理/ }).click();
    await kiosk.getByRole('heading', { name: '取号成功' }).waitFor();
    await screenshot(kiosk, 'lan-kiosk-ticket');
  });

  it('staff sign in at the counter (the session cookie is kept) and the admin console opens', async () => {
    const counter = await open(LAPTOP);
    await counter.goto('/counter');
    await counter.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await e2e.signInFirstTime(counter, 'Lan-shift-2026');
    await counter.getByRole('heading', { name: '设置本窗口' }).waitFor();
    await counter.reload();
    await counter.getByRole('heading', { name: '设置本窗口' }).waitFor();
    await screenshot(counter, 'lan-counter');
    // Same browser profile: the session carries over to the admin console.
    await counter.goto('/admin');
    await counter.getByRole('heading', { name: '今日', level: 1, exact: true }).waitFor();
    await screenshot(counter, 'lan-admin');
  });

  it('the display board pairs and shows the board', async () => {
    const board = await open(BOARD);
    await e2e.pairDisplay(board);
    await board.getByText('暂无叫号').waitFor();
    await board.reload();
    await board.getByText('暂无叫号').waitFor();
    await screenshot(board, 'lan-display');
  });
});
