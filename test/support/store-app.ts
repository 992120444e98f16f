// One test app per wanted store (SQLite, PostgreSQL, MySQL/MariaDB), created before a describe's
// tests and dropped after them. A store whose server is not configured leaves `t` null: skip then.
import { afterAll, beforeAll } from 'vitest';
import { type StoreKind, type TempDatabase, createTempDatabase } from './stores.js';
import { type TestApp, type TestAppOptions, makeTestApp } from './test-app.js';

export interface StoreApp {
  /** The app on this store; null when the store is not available here. */
  readonly t: TestApp | null;
}

/** Call inside a describe: registers the set-up and tear-down, and returns a handle read in the tests. */
export function useStoreApp(kind: StoreKind, options: TestAppOptions): StoreApp {
  let temp: TempDatabase | null = null;
  const handle: { t: TestApp | null } = { t: null };
  beforeAll(async () => {
    if (kind !== 'sqlite') {
      temp = await createTempDatabase(kind);
      if (!temp) return;
    }
    handle.t = await makeTestApp({ ...options, databaseUrl: temp?.url });
  });
  afterAll(async () => {
    await handle.t?.close();
    await temp?.drop();
  });
  return handle;
}
