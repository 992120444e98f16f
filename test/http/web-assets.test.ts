// The built web apps are served; their source maps are not (they would hand out the source).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { App } from '../../src/server/http/types.js';
import { TEST_SECRET } from '../support/test-app.js';

describe('web assets', () => {
  let dir: string;
  let app: App;
  let close: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vreserve-web-'));
    const web = join(dir, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>V-Reserve</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(web, 'assets', 'booking-app-DbpBi81h.js'), 'console.log(2)');
    writeFileSync(join(web, 'assets', 'app.js.map'), '{"version":3,"sources":["booking.tsx"]}');
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

  it('serves the scripts and the app pages', async () => {
    expect((await app.inject({ url: '/assets/app.js' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/kiosk' })).body).toContain('V-Reserve');
  });

  it('hashed build files are cached for good; the page and unhashed files are not', async () => {
    const hashed = await app.inject({ url: '/assets/booking-app-DbpBi81h.js' });
    expect(hashed.statusCode).toBe(200);
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/assets/app.js' })).headers['cache-control']).toBe('public, max-age=3600');
    expect((await app.inject({ url: '/' })).headers['cache-control']).toMatch(/max-age=0|no-cache/);
  });

  it('does not serve source maps', async () => {
    const res = await app.inject({ url: '/assets/app.js.map' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('sources');
  });
});
