// The seed's "支持多线程": several worker processes on one store never oversell a slot and never
// issue a number twice; `vreserve check` agrees; SIGTERM stops cleanly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../support/people.js';
import { type ServerProcess, runCli, startServer } from '../support/server-process.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';

const CLOCK = '2026-11-25T08:30:00+08:00';

for (const kind of wantedStores()) {
  describe(`two workers on ${kind}`, () => {
    let temp: TempDatabase | null = null;
    let dataDir = '';
    let server: ServerProcess | null = null;
    let env: Record<string, string> = {};

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'vreserve-workers-'));
      let databaseUrl = `sqlite:${join(dataDir, 'vreserve.db')}`;
      if (kind !== 'sqlite') {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return;
        databaseUrl = temp.url;
      }
      env = {
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        VRESERVE_CLOCK: CLOCK,
        SECRET: 'workers-test-secret-0123456789',
        RATE_LIMIT_PER_MINUTE: '0',
        // 500 simultaneous connections from this one address: more than a worker allows by default.
        MAX_CONNECTIONS_PER_ADDRESS: '0',
      };
      server = await startServer({ ...env, WORKERS: '2' });
    });

    afterAll(async () => {
      await server?.stop();
      await temp?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('500 simultaneous bookings for a 10-place slot: 10 booked, 490 SLOT_FULL, numbers unique', async (c) => {
      if (!server) return c.skip();
      const url = server.url;
      const results = await Promise.all(
        Array.from({ length: 500 }, async (_, i) => {
          const res = await fetch(`${url}/api/v1/bookings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ serviceId: 4, date: '2026-11-25', slot: '14:00', ...person(5000 + i) }),
          });
          return { status: res.status, body: (await res.json()) as { code?: string; booking?: { number: string } } };
        }),
      );
      const booked = results.filter((r) => r.status === 201);
      expect(booked).toHaveLength(10);
      expect(results.filter((r) => r.status === 409 && r.body.code === 'SLOT_FULL')).toHaveLength(490);
      expect(new Set(booked.map((r) => r.body.booking?.number)).size).toBe(10);
      const services = (await (await fetch(`${url}/api/v1/services?date=2026-11-25`)).json()) as {
        services: { id: number; reserved: number }[];
      };
      expect(services.services.find((s) => s.id === 4)?.reserved).toBe(10);
    });

    it('`vreserve check` finds the store consistent', async (c) => {
      if (!server) return c.skip();
      const r = runCli('check', env);
      expect(r.stdout).toContain('ok:');
      expect(r.status).toBe(0);
    });

    it('SIGTERM finishes and exits 0', async (c) => {
      if (!server) return c.skip();
      const code = await server.stop('SIGTERM');
      expect(code).toBe(0);
      server = null;
    });
  });
}

describe('vreserve check', () => {
  it('exits non-zero and names the problem when a count is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vreserve-check-'));
    const env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'v.db')}` };
    expect(runCli('migrate', env).status).toBe(0);
    const { openStore } = await import('../../src/server/db/dialect.js');
    const store = openStore(env.DATABASE_URL);
    await store.db
      .insertInto('slot_inventory')
      .values({ service_id: 1, date: '2026-11-25', slot_start: '09:00', slot_end: '10:00', capacity: 10, reserved: 3 })
      .execute();
    await store.close();
    const r = runCli('check', env);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('slot 1|2026-11-25|09:00: reserved 3 but 0 bookings and waiting-list holds hold a place');
    rmSync(dir, { recursive: true, force: true });
  });
});
