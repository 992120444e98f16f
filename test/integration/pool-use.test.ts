// The metrics' database pool figures come from the drivers' own pools: connections open, idle,
// and queries waiting for a connection when every one is busy.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/db/dialect.js';
import { type StoreKind, createTempDatabase, wantedStores } from '../support/stores.js';

for (const kind of wantedStores().filter((k): k is Exclude<StoreKind, 'sqlite'> => k !== 'sqlite')) {
  describe(`pool use: ${kind}`, () => {
    it('counts open, idle and waiting connections', async (c) => {
      const temp = await createTempDatabase(kind);
      if (!temp) return c.skip();
      const store = openStore(temp.url, { poolSize: 2 });
      try {
        expect(store.poolUse?.()).toBeNull(); // nothing opened before the first query
        const sleep = kind === 'postgres' ? sql`select pg_sleep(0.5)` : sql`select sleep(0.5)`;
        const busy = Promise.all(Array.from({ length: 5 }, () => sleep.execute(store.db)));
        let most = 0;
        const deadline = Date.now() + 5_000;
        while (most < 3 && Date.now() < deadline) {
          most = Math.max(most, store.poolUse?.()?.waiting ?? 0);
          await new Promise((r) => setTimeout(r, 20));
        }
        expect(store.poolUse?.()?.total).toBe(2);
        expect(most).toBeGreaterThanOrEqual(3); // 5 queries, 2 connections
        await busy;
        expect(store.poolUse?.()).toEqual({ total: 2, idle: 2, waiting: 0 });
      } finally {
        await store.close();
        await temp.drop();
      }
    });
  });
}
