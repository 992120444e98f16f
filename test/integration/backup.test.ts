// Backups that restore (issue 17): on each store, a backup taken by `vreserve backup` while two
// workers take a flood of bookings restores into a fresh store with every booking acknowledged
// before the backup started, under its number; the restored store passes `vreserve check`, finds
// bookings by ID card and phone (the HMAC key came back from the encrypted key file) and books on
// with fresh ids; a restore into a store with data is refused and changes nothing. The same
// server takes its own backups meanwhile (BACKUP_DIR, BACKUP_EVERY) and keeps BACKUP_KEEP.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule.js';
import { openStore } from '../../src/server/db/dialect.js';
import { runCliAsync } from '../support/cli-process.js';
import { person } from '../support/people.js';
import { type ServerProcess, runCli, startServer } from '../support/server-process.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';

const CLOCK = '2026-11-25T08:30:00+08:00';
const DATES = ['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02'];
const SLOTS = DEFAULT_SCHEDULE.slots.map((s) => s.start);
const PASSPHRASE = 'correct horse battery staple 17';

interface Ack {
  n: number;
  number: string;
  serviceId: number;
  date: string;
  slot: string;
}

/** Person n books one place; every person books once, spread over services, days and slots. */
function request(n: number): { serviceId: number; date: string; slot: string } {
  return { serviceId: 1 + (n % 4), date: DATES[Math.floor(n / 4) % DATES.length]!, slot: SLOTS[Math.floor(n / 24) % SLOTS.length]! };
}

async function book(url: string, n: number): Promise<Ack | number> {
  const target = request(n);
  const res = await fetch(`${url}/api/v1/bookings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...target, ...person(n) }),
  });
  const body = (await res.json()) as { booking?: { number: string } };
  if (res.status !== 201) return res.status;
  return { n, number: body.booking!.number, ...target };
}

async function newDatabase(kind: StoreKind, dir: string, name: string): Promise<{ url: string; temp: TempDatabase | null } | null> {
  if (kind === 'sqlite') return { url: `sqlite:${join(dir, name)}`, temp: null };
  const temp = await createTempDatabase(kind);
  return temp ? { url: temp.url, temp } : null;
}

async function bookingsIn(url: string): Promise<Map<string, { serviceId: number; date: string; slot: string }>> {
  const store = openStore(url, { poolSize: 1 });
  try {
    const rows = await store.db.selectFrom('booking').select(['number', 'service_id', 'date', 'slot_start']).execute();
    return new Map(rows.map((r) => [r.number, { serviceId: Number(r.service_id), date: r.date, slot: r.slot_start }]));
  } finally {
    await store.close();
  }
}

async function rowCounts(url: string): Promise<Record<string, number>> {
  const store = openStore(url, { poolSize: 1 });
  const counts: Record<string, number> = {};
  try {
    for (const t of ['service', 'counter', 'person', 'booking', 'ticket', 'slot_inventory', 'staff', 'device', 'event'] as const) {
      const row = await store.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      counts[t] = Number(row.n);
    }
  } finally {
    await store.close();
  }
  return counts;
}

/** Resolves once the server has logged `message` `times` times. */
function logged(server: ServerProcess, message: string, times: number): Promise<void> {
  const count = () => server.output().split('\n').filter((l) => l.includes(`"msg":"${message}"`)).length;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (count() >= times) {
        server.child.stdout?.off('data', check);
        server.child.stderr?.off('data', check);
        resolve();
      }
    };
    server.child.stdout?.on('data', check);
    server.child.stderr?.on('data', check);
    server.child.once('exit', () => reject(new Error(`server exited before logging "${message}" ${times} times`)));
    check();
  });
}

for (const kind of wantedStores()) {
  describe(`backup and restore on ${kind}`, () => {
    const temps: TempDatabase[] = [];
    let dir = '';
    let server: ServerProcess | null = null;
    let env: Record<string, string> = {};
    let targetEnv: Record<string, string> = {};
    let passphraseFile = '';
    let backupFile = '';
    let ackedBefore: Ack[] = [];
    const ackedAll: Ack[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vreserve-backup-'));
      const source = await newDatabase(kind, dir, 'source.db');
      const target = await newDatabase(kind, dir, 'target.db');
      for (const d of [source, target]) if (d?.temp) temps.push(d.temp);
      if (!source || !target) return;
      mkdirSync(join(dir, 'backups'));
      passphraseFile = join(dir, 'passphrase');
      writeFileSync(passphraseFile, `${PASSPHRASE}\n`, { mode: 0o600 });
      // No SECRET: the server generates DATA_DIR/secret.key, which the backup carries, encrypted.
      env = {
        DATA_DIR: join(dir, 'data'),
        DATABASE_URL: source.url,
        VRESERVE_CLOCK: CLOCK,
        RATE_LIMIT_PER_MINUTE: '0',
        MAX_CONNECTIONS_PER_ADDRESS: '0',
        SECRET: '',
        BACKUP_PASSPHRASE: '',
      };
      targetEnv = { ...env, DATA_DIR: join(dir, 'restored'), DATABASE_URL: target.url };
      expect(runCli('migrate', env).status).toBe(0);
      // Room for the flood: 100 places per slot instead of 10.
      const store = openStore(source.url, { poolSize: 1 });
      const schedule = { ...DEFAULT_SCHEDULE, slots: DEFAULT_SCHEDULE.slots.map((s) => ({ ...s, capacity: 100 })) };
      await store.db.updateTable('service').set({ schedule_json: JSON.stringify(schedule) }).execute();
      await store.close();
      server = await startServer({
        ...env,
        WORKERS: '2',
        BACKUP_DIR: join(dir, 'scheduled'),
        BACKUP_EVERY: '2s',
        BACKUP_KEEP: '2',
        BACKUP_PASSPHRASE: PASSPHRASE,
      });
    });

    afterAll(async () => {
      await server?.stop();
      for (const t of temps) await t.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('a backup taken during a booking flood restores every booking acknowledged before it started', async (c) => {
      if (!server) return c.skip();
      const url = server.url;
      for (let n = 0; n < 40; n++) {
        const r = await book(url, n);
        if (typeof r === 'number') throw new Error(`booking ${n} answered ${r}`);
        ackedAll.push(r);
      }

      // The flood: 8 clients booking back to back, each booking a new person.
      let next = 1000;
      let stop = false;
      let refused = 0;
      let onAck: (() => void) | null = null;
      const client = async () => {
        while (!stop) {
          const r = await book(url, next++);
          if (typeof r === 'number') refused++;
          else ackedAll.push(r);
          onAck?.();
        }
      };
      const clients = Array.from({ length: 8 }, client);
      await new Promise<void>((resolve) => {
        onAck = () => ackedAll.length >= 140 && resolve();
      });

      ackedBefore = [...ackedAll];
      const ackedAtStart = ackedAll.length;
      const started = performance.now();
      const backup = await runCliAsync(['backup', '--to', join(dir, 'backups'), '--passphrase-file', passphraseFile], env);
      const seconds = (performance.now() - started) / 1000;
      const duringBackup = ackedAll.length - ackedAtStart;
      stop = true;
      await Promise.all(clients);

      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      expect(backup.stdout).toMatch(/^backup written: /);
      expect(backup.stdout).toContain('the HMAC key is beside it, encrypted');
      // The flood went on while the backup ran (progress is not drawn: stdout is not a terminal).
      expect(duringBackup).toBeGreaterThan(20);
      expect(backup.stdout).not.toContain('\r');
      expect(refused).toBe(0);
      backupFile = /^backup written: (.+)$/m.exec(backup.stdout)![1]!;
      const rows = Number(/^ {2}booking +([\d,]+)$/m.exec(backup.stdout)![1]!.replace(/,/g, ''));
      console.info(
        `${kind}: backup of ${/total +([\d,]+)/.exec(backup.stdout)![1]} rows (${rows} bookings) in ${/in ([\d.]+) s/.exec(backup.stdout)![1]} s ` +
          `(${seconds.toFixed(1)} s with process start) while ${(duringBackup / seconds).toFixed(0)} bookings/s were acknowledged`,
      );
      expect(rows).toBeGreaterThanOrEqual(ackedBefore.length);

      const restore = await runCliAsync(['restore', backupFile, '--passphrase-file', passphraseFile], targetEnv);
      expect(restore.stderr).toBe('');
      expect(restore.stdout).toContain('check ok:');
      expect(restore.stdout).toContain("the backup's HMAC key was written to");
      expect(restore.status).toBe(0);
      expect(readFileSync(join(targetEnv.DATA_DIR!, 'secret.key'), 'utf8')).toBe(readFileSync(join(env.DATA_DIR!, 'secret.key'), 'utf8'));

      const restored = await bookingsIn(targetEnv.DATABASE_URL!);
      for (const a of ackedBefore) expect(restored.get(a.number), a.number).toEqual({ serviceId: a.serviceId, date: a.date, slot: a.slot });
      // Nothing that was never acknowledged.
      const acknowledged = new Set(ackedAll.map((a) => a.number));
      expect([...restored.keys()].filter((n) => !acknowledged.has(n))).toEqual([]);
      expect(restored.size).toBe(rows);

      const check = runCli('check', targetEnv);
      expect(check.stdout).toContain('ok:');
      expect(check.status).toBe(0);
    });

    it('the server took its own backups meanwhile and kept the newest BACKUP_KEEP', async (c) => {
      if (!server || !backupFile) return c.skip();
      await logged(server, 'backup written', 3);
      await logged(server, 'old backups removed', 1);
      const files = readdirSync(join(dir, 'scheduled')).sort();
      const backups = files.filter((f) => /^vreserve-\d{8}-\d{6}\.(sqlite|jsonl\.gz)$/.test(f));
      expect(backups.length).toBeGreaterThanOrEqual(2);
      // A third may be on its way (a .partial file), never more than BACKUP_KEEP finished ones at rest.
      expect(backups.length).toBeLessThanOrEqual(3);
      for (const b of backups) expect(files).toContain(`${b}.keys`);
      const status = JSON.parse(readFileSync(join(dir, 'scheduled', 'last-backup.json'), 'utf8'));
      expect(status.lastSuccess.file).toMatch(/vreserve-\d{8}-\d{6}/);
      expect(status.lastSuccess.rows).toBeGreaterThan(0);
    });

    it('the restored store serves: bookings are found by ID card and phone, and new ones get new ids', async (c) => {
      if (!server || !backupFile) return c.skip();
      await server.stop();
      server = null;
      const restoredServer = await startServer({ ...targetEnv, WORKERS: '1' });
      try {
        for (const a of ackedBefore.slice(0, 5)) {
          const res = await fetch(`${restoredServer.url}/api/v1/bookings/lookup`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(person(a.n)),
          });
          const body = (await res.json()) as { bookings: { number: string }[] };
          expect(body.bookings.map((b) => b.number)).toEqual([a.number]);
        }
        const fresh = await book(restoredServer.url, 900_000);
        expect(typeof fresh).toBe('object');
      } finally {
        await restoredServer.stop();
      }
      expect(runCli('check', targetEnv).status).toBe(0);
    });

    it('a restore into a store with data is refused without --force and changes nothing', async (c) => {
      if (!backupFile) return c.skip();
      const before = await rowCounts(targetEnv.DATABASE_URL!);
      const numbers = [...(await bookingsIn(targetEnv.DATABASE_URL!)).keys()].sort();
      const r = await runCliAsync(['restore', backupFile, '--passphrase-file', passphraseFile], targetEnv);
      expect(r.stderr).toMatch(/^vreserve: the store at .+ is not empty \(.*booking: \d+ rows.*\); nothing was changed\. .*--force/);
      expect(r.stdout).toBe('');
      expect(r.status).toBe(1);
      expect(await rowCounts(targetEnv.DATABASE_URL!)).toEqual(before);
      expect([...(await bookingsIn(targetEnv.DATABASE_URL!)).keys()].sort()).toEqual(numbers);

      // With --force it replaces what the store holds: the booking made after the restore is gone.
      const forced = await runCliAsync(['restore', backupFile, '--force', '--passphrase-file', passphraseFile], targetEnv);
      expect(forced.stdout).toContain('check ok:');
      expect(forced.status).toBe(0);
      expect((await bookingsIn(targetEnv.DATABASE_URL!)).size).toBe(numbers.length - 1);
    });
  });
}
