// An app on a fresh temporary SQLite store with a clock the test moves by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { type Store, openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { App } from '../../src/server/http/types.js';

export interface TestApp {
  app: App;
  store: Store;
  /** Sets the hall clock, e.g. setNow('2026-11-25T09:30:00+08:00'). */
  setNow(iso: string): void;
  close(): Promise<void>;
}

export const TEST_SECRET = 'test-secret-0123456789abcdef';

export async function makeTestApp(opts: { now?: string; databaseUrl?: string; readCacheMs?: number } = {}): Promise<TestApp> {
  let now = Date.parse(opts.now ?? '2026-11-25T08:30:00+08:00');
  const dir = opts.databaseUrl ? null : mkdtempSync(join(tmpdir(), 'vreserve-test-'));
  const store = openStore(opts.databaseUrl ?? `sqlite:${join(dir as string, 'test.db')}`);
  await migrateToLatest(store.db);
  const app = await buildApp({
    store,
    clock: () => new Date(now),
    hallTz: 'Asia/Shanghai',
    secret: TEST_SECRET,
    webRoot: join(tmpdir(), 'vreserve-no-web'),
    // The tests move the clock by hand, so cached reads would lag behind it.
    readCacheMs: opts.readCacheMs ?? 0,
  });
  await app.ready();
  return {
    app,
    store,
    setNow(iso: string) {
      const t = Date.parse(iso);
      if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
      now = t;
    },
    async close() {
      await app.close();
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
