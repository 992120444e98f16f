// The database drops the app's connections under load (PostgreSQL pg_terminate_backend, MariaDB
// KILL): every worker stays up, every answer is a 2xx/4xx or 503 STORE_UNAVAILABLE (never a 500
// or a reset connection), service resumes by itself, and every acknowledged booking is in the
// store, numbered once, within capacity. A booking answered 503 and retried with its
// Idempotency-Key is booked at most once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConnection } from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/db/dialect.js';
import { person } from '../support/people.js';
import { type ServerProcess, runCli, startServer } from '../support/server-process.js';
import { type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';

const CLOCK = '2026-11-25T08:30:00+08:00';
const LOAD_DATES = ['2026-11-25', '2026-11-26', '2026-11-27'];
const SLOTS = ['09:00', '10:00', '11:00', '14:00', '15:00'];
const REQUESTS = 360;
const PARALLEL = 24;
/** Pause between two rounds of terminations, so that the pools reconnect in between. */
const FAULT_EVERY_MS = 400;

interface Answer {
  i: number;
  kind: 'book' | 'lookup';
  status: number;
  code?: string;
  number?: string;
  retryAfter?: string | null;
  /** The request did not get an HTTP answer at all (reset, refused). */
  failure?: string;
}

function bookingBody(i: number, date?: string) {
  return {
    serviceId: 1 + (i % 4),
    date: date ?? (LOAD_DATES[Math.floor(i / 4) % LOAD_DATES.length] as string),
    slot: SLOTS[Math.floor(i / 12) % SLOTS.length] as string,
    ...person(90_000 + i),
  };
}

async function book(url: string, i: number, date?: string): Promise<Answer> {
  return call(i, 'book', `${url}/api/v1/bookings`, bookingBody(i, date), { 'idempotency-key': `fault-${i}` });
}

async function call(i: number, kind: Answer['kind'], url: string, body: object, headers: Record<string, string> = {}): Promise<Answer> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const json = (await res.json()) as { code?: string; booking?: { number: string } };
    return { i, kind, status: res.status, code: json.code, number: json.booking?.number, retryAfter: res.headers.get('retry-after') };
  } catch (error) {
    return { i, kind, status: 0, failure: String((error as Error).cause ?? error) };
  }
}

/** Runs `work(i)` for i < n with at most `parallel` at a time. */
async function parallel<T>(n: number, width: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

interface Killer {
  /** Drops every connection of the app's database; returns how many it dropped. */
  round(): Promise<number>;
  close(): Promise<void>;
}

async function killerFor(kind: 'postgres' | 'mysql', url: string): Promise<Killer> {
  const name = new URL(url).pathname.slice(1);
  if (kind === 'postgres') {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return {
      async round() {
        const r = await c.query(
          'select pg_terminate_backend(pid) as done from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        );
        return r.rows.filter((x) => x.done).length;
      },
      close: () => c.end(),
    };
  }
  const c = await createConnection({ uri: url });
  return {
    async round() {
      const [rows] = await c.query('select id from information_schema.processlist where db = ? and id <> connection_id()', [name]);
      let n = 0;
      for (const { id } of rows as { id: number }[]) {
        // A connection may be gone by itself in between: "Unknown thread id".
        await c.query(`kill ${Number(id)}`).then(
          () => n++,
          () => {},
        );
      }
      return n;
    },
    close: () => c.end(),
  };
}

async function waitUntilReady(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let inARow = 0;
  // Both workers: the primary hands connections out in turn.
  while (inARow < 4) {
    if (Date.now() > until) throw new Error(`not ready within ${timeoutMs} ms`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    inARow = ok ? inARow + 1 : 0;
    if (!ok) await sleep(50);
  }
}

/** Kill rounds the load must span, so that the faults really hit requests in flight. */
const MIN_ROUNDS = 5;

for (const kind of wantedStores().filter((k) => k !== 'sqlite') as ('postgres' | 'mysql')[]) {
  describe(`connections dropped by ${kind} under load`, () => {
    let temp: TempDatabase | null = null;
    let dataDir = '';
    let server: ServerProcess | null = null;
    let env: Record<string, string> = {};

    beforeAll(async () => {
      temp = await createTempDatabase(kind);
      if (!temp) return;
      dataDir = mkdtempSync(join(tmpdir(), 'vreserve-faults-'));
      env = {
        DATA_DIR: dataDir,
        DATABASE_URL: temp.url,
        VRESERVE_CLOCK: CLOCK,
        SECRET: 'store-faults-secret-0123456789',
        RATE_LIMIT_PER_MINUTE: '0',
      };
      server = await startServer({ ...env, WORKERS: '2' });
    });

    afterAll(async () => {
      await server?.stop();
      await temp?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('every worker stays up, answers only 2xx/4xx/503, and loses or duplicates nothing', async (c) => {
      if (!server || !temp) return c.skip();
      const url = server.url;
      const killer = await killerFor(kind, temp.url);
      let loading = true;
      let rounds = 0;
      let dropped = 0;
      const faults = (async () => {
        while (loading) {
          await sleep(FAULT_EVERY_MS);
          dropped += await killer.round();
          rounds++;
        }
      })();
      // The load is spread over at least MIN_ROUNDS rounds of kills, however fast the machine answers:
      // request i waits until its share of rounds has happened.
      const answers = await parallel(REQUESTS, PARALLEL, async (i) => {
        while (rounds < Math.floor((i * (MIN_ROUNDS + 1)) / REQUESTS)) await sleep(10);
        return i % 4 === 3 ? call(i, 'lookup', `${url}/api/v1/bookings/lookup`, person(90_000 + i - 3)) : book(url, i);
      });
      loading = false;
      await faults;
      await killer.close();

      const unavailable = answers.filter((a) => a.status === 503);
      const figures = {
        store: kind,
        requests: answers.length,
        terminationRounds: rounds,
        connectionsDropped: dropped,
        acknowledged: answers.filter((a) => a.status === 201).length,
        refused4xx: answers.filter((a) => a.status >= 400 && a.status < 500).length,
        unavailable503: unavailable.length,
        unavailable503Lookups: unavailable.filter((a) => a.kind === 'lookup').length,
        other: answers.filter((a) => a.status === 0 || (a.status >= 500 && a.status !== 503)).length,
      };
      console.info(`store faults: ${JSON.stringify(figures)}`);
      expect(rounds).toBeGreaterThanOrEqual(MIN_ROUNDS);
      expect(dropped).toBeGreaterThan(rounds);
      // Never a 500 or a connection without an answer.
      expect(answers.filter((a) => a.status === 0 || (a.status >= 500 && a.status !== 503))).toEqual([]);
      for (const a of unavailable) {
        expect(a.code).toBe('STORE_UNAVAILABLE');
        expect(Number(a.retryAfter)).toBeGreaterThan(0);
      }
      for (const a of answers.filter((x) => x.status >= 400 && x.status < 500)) expect(a.code).toBe('SLOT_FULL');

      // Service resumes by itself: new bookings are taken at once.
      await waitUntilReady(url, 15_000);
      const after = await parallel(20, 10, (k) => book(url, REQUESTS + k, '2026-11-30'));
      expect(after.map((a) => a.status)).toEqual(new Array(20).fill(201));

      // A 503 may hide a commit whose answer was lost: the retry with the same key tells which.
      const unanswered = unavailable.filter((a) => a.kind === 'book');
      const retries = await parallel(unanswered.length, 8, (k) => book(url, (unanswered[k] as Answer).i));
      for (const r of retries) expect([200, 201, 409]).toContain(r.status);
      for (const r of retries.filter((x) => x.status === 409)) expect(r.code).toBe('SLOT_FULL');
      const retryOutcomes = { booked: retries.filter((r) => r.status === 201).length, hadCommitted: retries.filter((r) => r.status === 200).length };
      console.info(`store faults: ${kind}: bookings answered 503, retried with their key: ${JSON.stringify(retryOutcomes)}`);

      // Every worker survived: the primary never had to replace one.
      expect(server.child.exitCode).toBeNull();
      expect(server.output()).not.toMatch(/worker died|failed to start|Unhandled|uncaught/i);

      // The store holds exactly the acknowledged bookings, each number once.
      const acknowledged = [...answers, ...after, ...retries]
        .filter((a) => a.kind === 'book' && (a.status === 201 || a.status === 200))
        .map((a) => a.number);
      expect(new Set(acknowledged).size).toBe(acknowledged.length);
      const store = openStore(temp.url, { poolSize: 1 });
      try {
        const rows = await store.db.selectFrom('booking').select(['number', 'status']).execute();
        expect(rows.every((r) => r.status === 'booked')).toBe(true);
        expect(rows.map((r) => r.number).sort()).toEqual([...acknowledged].sort());
      } finally {
        await store.close();
      }
      const check = runCli('check', env);
      expect(check.stdout).toContain('ok:');
      expect(check.status).toBe(0);
    });
  });
}
