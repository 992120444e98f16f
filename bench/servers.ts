// Starting and stopping the servers under test for bench/run.ts, and reading their memory.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SCHEDULE } from '../src/domain/schedule.js';
import { openStore } from '../src/server/db/dialect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { freePort } from '../test/support/server-process.js';

export interface Server {
  child: ChildProcess;
  base: string;
  log: string;
}

/** Starts a server, its output to a file (a pipe read by this Node process would take CPU from the run). */
export async function start(args: string[], env: Record<string, string>, dir: string, readyPath: string): Promise<Server> {
  const port = await freePort();
  const log = join(dir, 'server.log');
  const fd = openSync(log, 'a');
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${readFileSync(log, 'utf8')}`);
    if (await fetch(`${base}${readyPath}`).then((r) => r.ok, () => false)) return { child, base, log };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready after 30 s: ${readFileSync(log, 'utf8')}`);
}

export async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Waits until the cluster primary has `n` worker processes and the server answers. */
export async function childrenListening(server: Server, n: number): Promise<void> {
  const pid = server.child.pid as number;
  for (let i = 0; i < 300; i++) {
    if (childPids(pid).length >= n && (await fetch(`${server.base}/readyz`).then((r) => r.ok, () => false))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${n} workers did not start`);
}

/** Resident memory of a process's workers (or of itself without any), in MB: VmRSS now or VmHWM (peak). */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number[] {
  const children = childPids(pid);
  return (children.length > 0 ? children : [pid]).map((p) => {
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    return Math.round(kb / 102.4) / 10;
  });
}

/** A SQLite store in `dir` (see prepareStore). */
export async function prepareSqlite(dir: string, capacity: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const url = `sqlite:${join(dir, 'vreserve.db')}`;
  await prepareStore(url, capacity);
  return url;
}

/** Migrates a store and gives its slots `capacity` places each (a million: the run measures booking, not refusal). */
export async function prepareStore(url: string, capacity: number): Promise<void> {
  const store = openStore(url);
  await migrateToLatest(store.db);
  const schedule = { ...DEFAULT_SCHEDULE, slots: DEFAULT_SCHEDULE.slots.map((s) => ({ ...s, capacity })) };
  await store.db.updateTable('service').set({ schedule_json: JSON.stringify(schedule) }).execute();
  await store.close();
}

/** Bookings of service 1 on `date`, as the store has them. */
export async function bookedCount(url: string, date: string): Promise<number> {
  const store = openStore(url);
  try {
    const row = await store.db
      .selectFrom('booking')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('service_id', '=', 1)
      .where('date', '=', date)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await store.close();
  }
}
