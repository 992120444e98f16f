// The built web apps are served; their source maps are not (they would hand out the source).
// Scripts, stylesheets and the page are sent precompressed (made once at build time) when accepted.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { App } from '../../src/server/http/types.js';
import { TEST_SECRET } from '../support/test-app.js';
import { precompressDir } from '../../vite.precompress.js';

describe('web assets', () => {
  let dir: string;
  let app: App;
  let close: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vreserve-web-'));
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    for (const page of ['index', 'kiosk', 'counter', 'display', 'admin']) writeFileSync(join(web, `${page}.html`), `<!doctype html><title>V-Reserve ${page}</title>`);
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(web, 'assets', 'booking-app-DbpBi81h.js'), 'console.log(2)');
    writeFileSync(join(web, 'assets', 'app.js.map'), '{"version":3,"sources":["booking.tsx"]}');
    mkdirSync(join(web, '.vite'));
    writeFileSync(join(web, '.vite', 'manifest.json'), '{"index.html":{"file":"assets/index-Ab12Cd34.js","src":"index.html"}}');
    const store = openStore(`sqlite:${join(dir, 'test.db')}`);
    await migrateToLatest(store.db);
    app = await buildApp({ store, clock: () => new Date(), hallTz: 'Asia/Shanghai', secret: TEST_SECRET, webRoot: web });
    close = async () => {
      await app.close();
      await store.close();
    };
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the scripts, and for each path the page of its front end', async () => {
    expect((await app.inject({ url: '/assets/app.js' })).statusCode).toBe(200);
    const pages: [string, string][] = [
      ['/', 'index'],
      ['/h/GZ01/', 'index'],
      ['/records', 'index'],
      ['/t/abc', 'index'],
      ['/w/abc', 'index'],
      ['/kiosk', 'kiosk'],
      ['/counter', 'counter'],
      ['/display', 'display'],
      ['/admin', 'admin'],
      ['/admin/anything', 'admin'],
    ];
    for (const [url, page] of pages) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(`<!doctype html><title>V-Reserve ${page}</title>`);
    }
  });

  it('hashed build files are cached for good; the page and unhashed files are not', async () => {
    const hashed = await app.inject({ url: '/assets/booking-app-DbpBi81h.js' });
    expect(hashed.statusCode).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/assets/app.js' })).headers['cache-control']).toBe('public, max-age=3600');
    expect((await app.inject({ url: '/' })).headers['cache-control']).toMatch(/max-age=0|no-cache/);
  });

  it("scripts carry nosniff and the resource policy but not the page's own headers (each costs bytes on a phone); pages keep them all", async () => {
    for (const url of ['/assets/booking-app-DbpBi81h.js', '/assets/app.js']) {
      const res = await app.inject({ url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
      for (const name of ['content-security-policy', 'x-frame-options', 'referrer-policy', 'x-xss-protection']) expect(res.headers[name], `${url} ${name}`).toBeUndefined();
    }
    const page = await app.inject({ url: '/' });
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('does not serve source maps', async () => {
    const res = await app.inject({ url: '/assets/app.js.map' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('sources');
  });

  it("does not serve the build's manifest (it is for the tests)", async () => {
    const res = await app.inject({ url: '/.vite/manifest.json' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('index-Ab12Cd34');
  });
});

describe('precompressed web assets', () => {
  let dir: string;
  let web: string;
  let app: App;
  let close: () => Promise<void>;
  // Text that compresses well, as a real bundle does, and is far above the 1 kB floor; bytes outside ASCII too.
  const script = Array.from({ length: 400 }, (_, i) => `export const label${i} = "预约 ${i}";`).join('\n');
  const page = `<!doctype html><html lang="zh-CN"><title>微预约</title>${'<div class="slot"></div>'.repeat(80)}</html>`;
  const kioskPage = page.replace('微预约', '微预约 自助机');
  const HASHED = '/assets/booking-app-DbpBi81h.js';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vreserve-web-'));
    web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), page);
    writeFileSync(join(web, 'kiosk.html'), kioskPage);
    writeFileSync(join(web, HASHED), script);
    writeFileSync(join(web, 'assets', 'tiny-Ab12Cd34.js'), 'console.log(1)');
    writeFileSync(join(web, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
    await precompressDir(web);
    const store = openStore(`sqlite:${join(dir, 'test.db')}`);
    await migrateToLatest(store.db);
    app = await buildApp({ store, clock: () => new Date(), hallTz: 'Asia/Shanghai', secret: TEST_SECRET, webRoot: web });
    close = async () => {
      await app.close();
      await store.close();
    };
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the build step writes brotli and gzip copies that decompress to the very same bytes', () => {
    const original = readFileSync(join(web, HASHED));
    expect(brotliDecompressSync(readFileSync(join(web, `${HASHED}.br`))).equals(original)).toBe(true);
    expect(gunzipSync(readFileSync(join(web, `${HASHED}.gz`))).equals(original)).toBe(true);
    expect(readFileSync(join(web, `${HASHED}.br`)).length).toBeLessThan(original.length / 4);
    // Too small to gain anything, and not text: left alone.
    expect(existsSync(join(web, 'assets', 'tiny-Ab12Cd34.js.br'))).toBe(false);
    expect(existsSync(join(web, 'assets', 'logo.png.br'))).toBe(false);
  });

  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
  ])('Accept-Encoding: %s is answered with %s, byte-identical once decompressed', async (accept, encoding) => {
    const res = await app.inject({ url: HASHED, headers: { 'accept-encoding': accept } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const body = encoding === 'br' ? brotliDecompressSync(res.rawPayload) : gunzipSync(res.rawPayload);
    expect(body.toString('utf8')).toBe(script);
  });

  it.each([undefined, 'identity', 'deflate', 'br;q=0, gzip;q=0'])('Accept-Encoding: %s gets the file uncompressed', async (accept) => {
    const res = await app.inject({ url: HASHED, headers: accept === undefined ? {} : { 'accept-encoding': accept } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(script);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('the pages are sent compressed too, byte-identical once decompressed, and still never cached', async () => {
    for (const [path, expected] of [['/', page], ['/records', page], ['/kiosk', kioskPage]] as const) {
      const res = await app.inject({ url: path, headers: { 'accept-encoding': 'gzip, br' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['cache-control']).toMatch(/no-cache|max-age=0/);
      expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(expected);
      const gz = await app.inject({ url: path, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(expected);
    }
  });

  it('a file without a compressed copy is sent as it is to a browser that accepts brotli', async () => {
    const res = await app.inject({ url: '/assets/tiny-Ab12Cd34.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('console.log(1)');
  });
});
