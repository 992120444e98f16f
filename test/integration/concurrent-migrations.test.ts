// Several instances started together on a fresh store (a rolling start, a cluster manager that
// starts them all at once): each migration runs in exactly one of them, the others wait for it,
// and all of them serve. The processes wait at a barrier until all three are loaded, so their
// migrations really start in the same moment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/server/db/migrations/index.js';
import { openStore } from '../../src/server/db/dialect.js';
import { type Barrier, openBarrier } from '../support/barrier.js';
import { runCliAsync } from '../support/cli-process.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';

const INSTANCES = 3;
const ALL = Object.keys(migrations).sort();

/** The migrations an instance says it applied ('store ready' log line). */
function appliedBy(server: ServerProcess): string[] {
  for (const line of server.output().split('\n')) {
    try {
      const l = JSON.parse(line) as { msg?: string; applied?: string[] };
      if (l.msg === 'store ready') return l.applied ?? [];
    } catch {
      // not a log line
    }
  }
  throw new Error(`no 'store ready' line:\n${server.output()}`);
}

for (const kind of wantedStores()) {
  describe(`${INSTANCES} instances starting together on a fresh ${kind} store`, () => {
    let dataDir = '';
    let temp: TempDatabase | null = null;
    let url = '';
    let barrier: Barrier | null = null;
    let servers: ServerProcess[] = [];

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'vreserve-migrate-race-'));
      if (kind !== 'sqlite') {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return;
      }
      url = temp?.url ?? `sqlite:${join(dataDir, 'vreserve.db')}`;
    });

    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      barrier?.close();
      await temp?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('run each migration once, in one of them, and all serve', { timeout: 180_000 }, async (c) => {
      if (!url) return c.skip();
      barrier = await openBarrier(INSTANCES);
      const env = { DATA_DIR: dataDir, DATABASE_URL: url, SECRET: 'migrate-race-secret-0123456789', WORKERS: '1', ...barrier.env };
      const starting = Array.from({ length: INSTANCES }, () => startServer(env));
      await barrier.release();
      const settled = await Promise.allSettled(starting);
      servers = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const failures = settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
      expect(failures).toEqual([]);

      const applied = servers.flatMap(appliedBy).sort();
      expect(applied).toEqual(ALL);

      const store = openStore(url, { poolSize: 1 });
      try {
        const recorded = await store.db
          .selectFrom('kysely_migration' as never)
          .select('name' as never)
          .execute();
        expect((recorded as { name: string }[]).map((r) => r.name).sort()).toEqual(ALL);
      } finally {
        await store.close();
      }

      for (const s of servers) {
        expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
        const services = (await (await fetch(`${s.url}/api/v1/services`)).json()) as { services: { letter: string }[] };
        // The seed ran once: four services, each letter once.
        expect(services.services.map((x) => x.letter).sort()).toEqual(['F', 'H', 'S', 'Y']);
      }
    });

    it(`then ${INSTANCES} \`vreserve migrate\` at once find nothing to do`, { timeout: 120_000 }, async (c) => {
      if (!url) return c.skip();
      const gate = await openBarrier(INSTANCES);
      try {
        const env = { DATA_DIR: dataDir, DATABASE_URL: url, SECRET: 'migrate-race-secret-0123456789', ...gate.env };
        const runs = Array.from({ length: INSTANCES }, () => runCliAsync(['migrate'], env));
        await gate.release();
        const results = await Promise.all(runs);
        expect(results.map((r) => [r.status, r.stdout, r.stderr])).toEqual(Array(INSTANCES).fill([0, 'already up to date\n', '']));
      } finally {
        gate.close();
      }
    });
  });
}
