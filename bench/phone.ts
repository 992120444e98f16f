// The booking page `/` on a slow phone (issue 16): Chromium (playwright-core, /usr/bin/chromium) with
// the CPU 4× slower (CDP Emulation.setCPUThrottlingRate) and a network of 400 ms latency and 50 kB/s
// each way (CDP Network.emulateNetworkConditions), against the built server (dist/) freshly started on
// a fresh data dir. Loads `/` with an empty cache, then again with the cache it left (warm), and says
// for each: bytes transferred (all, and scripts alone, as they came over the wire, i.e. compressed),
// when the first service card's text was on screen, and every request made (the service list must be
// asked for once). Run alone: `npm run build && node --import tsx bench/phone.ts` (prints, writes
// nothing); in `npm run bench` its figures go to bench/RESULTS.md with the rest (BENCH_PHONE=0 leaves
// it out). The browser asks for brotli as a phone over HTTPS does (Chromium offers br only on HTTPS;
// the server here is plain HTTP): `PHONE_ENCODING=gzip` asks as Chromium over plain HTTP.
// `PHONE_CPU_SLOWDOWN=1` leaves the CPU as it is (to tell the network's share of the time from the CPU's).
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CDPSession, type Page, chromium } from 'playwright-core';
import { start, stop } from './servers.js';

export const PHONE_BENCH = process.env.BENCH_PHONE !== '0';
const CHROMIUM = '/usr/bin/chromium';
const CPU_SLOWDOWN = Number(process.env.PHONE_CPU_SLOWDOWN || 4);
const LATENCY_MS = 400;
/** 50 kB/s (kB = 1000 bytes), down and up. */
const BYTES_PER_SECOND = 50_000;
const ENCODING = process.env.PHONE_ENCODING === 'gzip' ? 'gzip, deflate' : 'gzip, deflate, br';
/** A weekday morning in the hall (before opening): every service has places today, as on most days. */
const CLOCK = process.env.PHONE_CLOCK || '2026-11-25T08:30:00+08:00';
/** The first service's name in a new hall (zh, the default language). */
const FIRST_SERVICE = '医社保办理';

export interface Request {
  path: string;
  type: string;
  status: number;
  /** Bytes over the wire (headers and body as sent, compressed), 0 when served from the cache. */
  bytes: number;
  encoding: string;
  fromCache: boolean;
  /** When its last byte arrived, in page time (ms from the start of navigation); null if the page did not time it. */
  doneMs: number | null;
}

export interface PhoneLoad {
  /** Milliseconds from the start of navigation until the first service card's text is on screen. */
  visibleMs: number;
  /** The page's load event, from the start of navigation. */
  loadMs: number;
  totalBytes: number;
  scriptBytes: number;
  styleBytes: number;
  /** Scripts that had arrived when the list became visible: what the first screen needed (or took bandwidth from it). */
  scriptBytesBeforeVisible: number;
  requests: Request[];
}

export interface PhoneFigures {
  cold: PhoneLoad;
  warm: PhoneLoad;
  encoding: string;
  chromium: string;
  /** Load average (1 min) before and after: other work on the machine slows the 4×-throttled CPU further. */
  load: [number, number];
}

/** Records when a service card (a link whose text holds the first service's name) first shows, in page time. */
const WATCH_SCRIPT = `(() => {
  const seen = () => {
    for (const a of document.querySelectorAll('a.tile')) {
      if (a.textContent && a.textContent.includes(${JSON.stringify(FIRST_SERVICE)}) && a.getBoundingClientRect().height > 0) return true;
    }
    return false;
  };
  const mark = () => {
    if (window.__serviceVisibleAt !== undefined || !seen()) return;
    // The frame that paints this DOM: the next animation frame.
    requestAnimationFrame(() => { window.__serviceVisibleAt = performance.now(); });
    observer.disconnect();
  };
  const observer = new MutationObserver(mark);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

async function throttle(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: BYTES_PER_SECOND,
    uploadThroughput: BYTES_PER_SECOND,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': ENCODING } });
}

async function load(page: Page, cdp: CDPSession, base: string): Promise<PhoneLoad> {
  const byId = new Map<string, Request>();
  const onResponse = (e: { requestId: string; type?: string; response: { url: string; status: number; headers: Record<string, string>; fromDiskCache?: boolean; fromServiceWorker?: boolean } }) => {
    const url = new URL(e.response.url);
    if (url.protocol !== 'http:') return;
    const encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? '';
    byId.set(e.requestId, {
      path: url.pathname + url.search,
      type: e.type ?? '',
      status: e.response.status,
      bytes: 0,
      encoding,
      fromCache: Boolean(e.response.fromDiskCache),
      doneMs: null,
    });
  };
  const onCached = (e: { requestId: string }) => {
    const r = byId.get(e.requestId);
    if (r) r.fromCache = true;
  };
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => {
    const r = byId.get(e.requestId);
    if (r) r.bytes = r.fromCache ? 0 : e.encodedDataLength;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.requestServedFromCache', onCached);
  cdp.on('Network.loadingFinished', onFinished);
  try {
    await page.goto(`${base}/`, { waitUntil: 'load', timeout: 120_000 });
    const visibleMs = (await page.waitForFunction(() => (window as unknown as { __serviceVisibleAt?: number }).__serviceVisibleAt, undefined, {
      timeout: 120_000,
      polling: 200,
    }).then((h) => h.jsonValue())) as number;
    // Whatever the page asks for after showing the list (the live connection) is part of its load too.
    await page.waitForTimeout(3000);
    const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart);
    // The page's own clock for when each response ended (same origin as visibleMs).
    const timing = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => {
        const u = new URL(r.name);
        return { path: u.pathname + u.search, end: (r as PerformanceResourceTiming).responseEnd };
      }),
    );
    const requests = [...byId.values()];
    for (const r of requests) {
      const i = timing.findIndex((t) => t.path === r.path);
      if (i >= 0) r.doneMs = Math.round(timing.splice(i, 1)[0]?.end ?? 0);
    }
    if (requests[0] && requests[0].path === '/') requests[0].doneMs = Math.round(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).responseEnd));
    const sum = (pick: (r: Request) => boolean) => requests.filter(pick).reduce((n, r) => n + r.bytes, 0);
    return {
      visibleMs: Math.round(visibleMs),
      loadMs: Math.round(loadMs),
      totalBytes: sum(() => true),
      scriptBytes: sum((r) => r.type === 'Script'),
      styleBytes: sum((r) => r.type === 'Stylesheet'),
      scriptBytesBeforeVisible: sum((r) => r.type === 'Script' && r.doneMs !== null && r.doneMs <= visibleMs),
      requests,
    };
  } finally {
    cdp.off('Network.responseReceived', onResponse);
    cdp.off('Network.requestServedFromCache', onCached);
    cdp.off('Network.loadingFinished', onFinished);
  }
}

/** Starts the built server on a fresh data dir, loads `/` cold and warm on a throttled phone, stops it. */
export async function measurePhone(log: (line: string) => void = () => {}): Promise<PhoneFigures> {
  const loadBefore = loadavg()[0] as number;
  const dir = mkdtempSync(join(tmpdir(), 'vreserve-phone-'));
  const server = await start(
    ['dist/server/main.js', 'serve'],
    { DATA_DIR: dir, DATABASE_URL: '', WORKERS: '1', LOG_LEVEL: 'warn', VRESERVE_CLOCK: CLOCK, SECRET: 'bench-secret-0123456789abcdef' },
    dir,
    '/readyz',
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await context.addInitScript(WATCH_SCRIPT);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    log(`phone: loading ${server.base}/ with an empty cache (4× CPU, ${LATENCY_MS} ms, ${BYTES_PER_SECOND / 1000} kB/s)…`);
    const cold = await load(page, cdp, server.base);
    log(`phone: cold ${cold.visibleMs} ms, ${cold.scriptBytes} B of scripts; loading again with a warm cache…`);
    const warm = await load(page, cdp, server.base);
    return { cold, warm, encoding: ENCODING, chromium: browser.version(), load: [loadBefore, loadavg()[0] as number] };
  } finally {
    await browser.close();
    await stop(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const s = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;

export function phoneReport(f: PhoneFigures): string {
  const row = (name: string, l: PhoneLoad) =>
    `| ${name} | **${s(l.visibleMs)}** | ${s(l.loadMs)} | **${kB(l.scriptBytesBeforeVisible)}** | ${kB(l.scriptBytes)} | ${kB(l.styleBytes)} | ${kB(l.totalBytes)} | ${l.requests.length} (${l.requests.filter((r) => r.fromCache).length} from the cache) |`;
  const list = (l: PhoneLoad) =>
    [...l.requests]
      .sort((a, b) => (a.doneMs ?? Number.POSITIVE_INFINITY) - (b.doneMs ?? Number.POSITIVE_INFINITY))
      .map((r) => `\`${r.path}\` ${r.status}${r.encoding ? ` ${r.encoding}` : ''} ${r.fromCache ? 'cache' : `${r.bytes} B`}${r.doneMs === null ? '' : ` @${r.doneMs}`}`)
      .join(' · ');
  const servicesAsked = (l: PhoneLoad) => l.requests.filter((r) => /^\/api\/v1\/(halls\/[^/]+\/)?services(\?|$)/.test(r.path)).length;
  return [
    `The booking page \`/\` on a phone (bench/phone.ts): Chromium ${f.chromium}, 360×740 mobile viewport, CPU ${CPU_SLOWDOWN}× slower, ${LATENCY_MS} ms latency, ${BYTES_PER_SECOND / 1000} kB/s down and up (CDP), Accept-Encoding \`${f.encoding}\`; the built server freshly started on a fresh data dir (SQLite, hall clock ${CLOCK}). Bytes as transferred (compressed, headers included); "list visible" is when the first service card's text (${FIRST_SERVICE}) is on screen, from the start of navigation. Targets: scripts ≤ 100 kB, list visible ≤ 3 s. Load average (1 min) ${f.load[0].toFixed(2)} before, ${f.load[1].toFixed(2)} after (above ~1 the machine was shared, and the times are longer).`,
    '',
    '| load | list visible | load event | scripts before the list was visible | scripts in all (with the next screens, fetched after) | stylesheets | all bytes | requests |',
    '|---|---|---|---|---|---|---|---|',
    row('empty cache', f.cold),
    row('warm cache', f.warm),
    '',
    `- requests in the order they ended (@ ms from the start of navigation), empty cache: ${list(f.cold)}`,
    `- requests, warm cache: ${list(f.warm)}`,
    `- the service list asked for ${servicesAsked(f.cold)} time(s) on the first load, ${servicesAsked(f.warm)} on the second`,
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await measurePhone((line) => process.stdout.write(`${line}\n`));
  process.stdout.write(`\n${phoneReport(figures)}\n`);
}
