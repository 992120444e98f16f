// A rolling upgrade (docs/deploy.md, "Upgrades"): while the first upgraded instance applies a
// migration, the instances still on the previous release keep serving on the changed schema.
//
// The migration: 2026120210-ticket-issuing-service, the newest one that changes a table in use
// (`ticket` gains `issued_service_id`). The two releases come from git as they were: the main-line
// commit that brought the migration, and the one before it. The new release migrates at its start
// while the old one serves; the old one goes on booking, checking in and issuing walk-in numbers,
// writing tickets without the new column; the new one counts those tickets right, and `check`
// passes. Both are pinned, so later releases (and their migrations) do not change what is tried.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/db/dialect.js';
import { runCliAsync } from '../support/cli-process.js';
import { person } from '../support/people.js';
import { type ServerProcess, runCli, startServer } from '../support/server-process.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';

const MIGRATION = '2026120210-ticket-issuing-service';
const ROOT = resolve(import.meta.dirname, '../..');
// Within walk-in hours, and within the check-in window of the 10:00 slot.
const CLOCK = '2026-11-25T09:30:00+08:00';
const DATE = '2026-11-25';

/** The main-line commit that added MIGRATION (the new release) and its first parent (the previous one). */
function releases(): { previous: string; next: string } | { missing: string } {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
    const added = git('log', '--first-parent', '--diff-filter=A', '--format=%H', '--', `src/server/db/migrations/${MIGRATION}.ts`)
      .split('\n')
      .at(-1);
    if (!added) return { missing: `git history has no commit adding ${MIGRATION} (a shallow clone?)` };
    return { previous: git('rev-parse', `${added}^1`), next: added };
  } catch (error) {
    return { missing: `git could not read the history: ${(error as Error).message.split('\n')[0]}` };
  }
}

function checkOut(commit: string, dir: string): void {
  execFileSync('sh', ['-c', `git archive "${commit}" src package.json tsconfig.json | tar -x -C "${dir}"`], { cwd: ROOT });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
}

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function walkInsOfService1(base: string): Promise<{ reserved: number; walkIns: number }> {
  const { body } = await call(base, 'GET', `/api/v1/services?date=${DATE}`);
  const s = body.services.find((x: { id: number }) => x.id === 1);
  return { reserved: s.reserved, walkIns: s.walkIn.issued };
}

const pinned = releases();

for (const kind of wantedStores()) {
  describe(`rolling upgrade over ${MIGRATION} on ${kind}`, () => {
    let dataDir = '';
    let previous = '';
    let next = '';
    let temp: TempDatabase | null = null;
    let url = '';
    const servers: ServerProcess[] = [];

    beforeAll(async () => {
      if ('missing' in pinned) {
        if (process.env.CI === 'true') throw new Error(`${pinned.missing} (CI needs the full history)`);
        console.warn(`skipping the rolling-upgrade test: ${pinned.missing}`);
        return;
      }
      dataDir = mkdtempSync(join(tmpdir(), 'vreserve-rolling-'));
      previous = mkdtempSync(join(tmpdir(), 'vreserve-previous-'));
      next = mkdtempSync(join(tmpdir(), 'vreserve-next-'));
      checkOut(pinned.previous, previous);
      checkOut(pinned.next, next);
      if (kind !== 'sqlite') {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return;
      }
      url = temp?.url ?? `sqlite:${join(dataDir, 'vreserve.db')}`;
    });

    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await temp?.drop();
      for (const dir of [dataDir, previous, next]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('the previous release keeps serving while the next one migrates, and both agree', { timeout: 180_000 }, async (c) => {
      if (!url) return c.skip();
      const env = {
        DATA_DIR: dataDir,
        DATABASE_URL: url,
        SECRET: 'rolling-upgrade-secret-0123456789',
        VRESERVE_CLOCK: CLOCK,
        RATE_LIMIT_PER_MINUTE: '0',
        WORKERS: '1',
      };
      const executed = async () => {
        const store = openStore(url, { poolSize: 1 });
        try {
          const rows = await store.db
            .selectFrom('kysely_migration' as never)
            .select('name' as never)
            .execute();
          return (rows as { name: string }[]).map((r) => r.name);
        } finally {
          await store.close();
        }
      };

      // The previous release creates the store and serves it.
      const old = await startServer(env, { cwd: previous });
      servers.push(old);
      expect(await executed()).not.toContain(MIGRATION);
      const kiosk = { authorization: `Bearer ${/\/kiosk#pair=([\w-]+)/.exec(old.output())?.[1]}` };
      const booking = (n: number) => ({ serviceId: 1, date: DATE, slot: '10:00', ...person(n) });
      expect((await call(old.url, 'POST', '/api/v1/bookings', booking(1))).status).toBe(201);

      // The first instance of the next release starts beside it and applies the migration.
      const upgraded = await startServer(env, { cwd: next });
      servers.push(upgraded);
      expect(await executed()).toContain(MIGRATION);

      // The previous release on the migrated schema: every write and read it makes still works.
      expect((await call(old.url, 'POST', '/api/v1/bookings', booking(2))).status).toBe(201);
      const checkIn = await call(old.url, 'POST', '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, kiosk);
      expect(checkIn.status).toBe(200);
      expect(checkIn.body.tickets).toEqual([expect.objectContaining({ kind: 'booking', status: 'waiting' })]);
      expect((await call(old.url, 'POST', '/api/v1/kiosk/walk-in', { serviceId: 1 }, kiosk)).status).toBe(201);
      expect(await walkInsOfService1(old.url)).toEqual({ reserved: 2, walkIns: 1 });
      const lookup = await call(old.url, 'POST', '/api/v1/bookings/lookup', person(2));
      expect(lookup.body.bookings).toEqual([expect.objectContaining({ status: 'booked', slotStart: '10:00' })]);

      // It wrote its tickets without the new column: the case the next release must read right.
      const store = openStore(url, { poolSize: 1 });
      try {
        const written = await store.db.selectFrom('ticket').select('issued_service_id').orderBy('id').execute();
        expect(written.map((t) => t.issued_service_id)).toEqual([null, null]);
      } finally {
        await store.close();
      }

      // The next release counts the previous one's walk-in, and the previous one counts the next one's.
      expect(await walkInsOfService1(upgraded.url)).toEqual({ reserved: 2, walkIns: 1 });
      expect((await call(upgraded.url, 'POST', '/api/v1/kiosk/walk-in', { serviceId: 1 }, kiosk)).status).toBe(201);
      expect(await walkInsOfService1(old.url)).toEqual({ reserved: 2, walkIns: 2 });
      expect((await call(old.url, 'POST', '/api/v1/bookings', booking(3))).status).toBe(201);
      expect(await walkInsOfService1(upgraded.url)).toEqual({ reserved: 3, walkIns: 2 });

      const check = runCli('check', env, { cwd: next });
      expect(check.stdout).toMatch(/^ok: /);
      expect(check.status).toBe(0);
    });

    it('an instance whose release is older than the schema starts and serves on it, saying so', { timeout: 120_000 }, async (c) => {
      if (!url || servers.length === 0) return c.skip();
      // This release (the working tree's), on the store the two above left, brought up to date.
      const env = { DATA_DIR: dataDir, DATABASE_URL: url, SECRET: 'rolling-upgrade-secret-0123456789', VRESERVE_CLOCK: CLOCK, WORKERS: '1' };
      expect((await runCliAsync(['migrate'], env)).status).toBe(0);
      // What a later release will have done: a migration this release does not know.
      const store = openStore(url, { poolSize: 1 });
      try {
        await store.db
          .insertInto('kysely_migration' as never)
          .values({ name: '2099123100-a-newer-release', timestamp: new Date().toISOString() } as never)
          .execute();
      } finally {
        await store.close();
      }
      const migrate = await runCliAsync(['migrate'], env);
      expect(migrate.stdout).toBe('a newer release migrated the store (2099123100-a-newer-release); nothing to do\n');
      expect(migrate.status).toBe(0);

      const restarted = await startServer(env);
      servers.push(restarted);
      expect(restarted.output()).toContain('a newer release migrated the store; serving on its schema until this instance is upgraded too');
      expect(await walkInsOfService1(restarted.url)).toEqual({ reserved: 3, walkIns: 2 });
    });
  });
}
