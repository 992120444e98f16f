// Bookings on PostgreSQL and MariaDB: two server instances on one database (what a hall runs
// behind a load balancer), each loaded by its own wrk, against the bare transaction run the same
// way (two reference processes on a database of their own on the same server: same durability).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempDatabase } from '../test/support/stores.js';
import { type Server, prepareStore, start, stop } from './servers.js';
import { BOOKING_SCRIPT, type WrkFigures, runWrk } from './wrk.js';

export interface StoreFigures {
  kind: 'postgres' | 'mysql';
  real: WrkFigures & { command: string };
  ref: WrkFigures & { command: string };
}

export interface StoreRun {
  date: string;
  slots: string[];
  seconds: number;
  /** Connections in all, split between the two instances. */
  connections: number;
  env: (dir: string, url: string) => Record<string, string>;
}

/** Both instances loaded at once; rates and counts add up, latency is the worse of the two. */
async function loadBoth(servers: Server[], path: string, mode: 'real' | 'ref', run: StoreRun, seconds: number, first: number) {
  const each = await Promise.all(
    servers.map((s, i) =>
      runWrk({
        url: `${s.base}${path}`,
        seconds,
        connections: Math.max(1, Math.round(run.connections / servers.length)),
        threads: 1,
        script: { path: BOOKING_SCRIPT, args: [mode, run.date, '1,2,3,4', run.slots.join(','), String(first + i * 10_000_000), '0', '1'] },
      }),
    ),
  );
  const sum = (pick: (f: WrkFigures) => number) => each.reduce((n, f) => n + pick(f), 0);
  const worst = (pick: (f: WrkFigures) => number) => Math.max(...each.map(pick));
  const statuses: Record<string, number> = {};
  const codes: Record<string, number> = {};
  for (const f of each) {
    for (const [k, v] of Object.entries(f.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
    for (const [k, v] of Object.entries(f.codes)) codes[k] = (codes[k] ?? 0) + v;
  }
  return {
    requests: sum((f) => f.requests),
    seconds: worst((f) => f.seconds),
    rps: sum((f) => f.rps),
    p50: worst((f) => f.p50),
    p90: worst((f) => f.p90),
    p99: worst((f) => f.p99),
    max: worst((f) => f.max),
    non2xx: sum((f) => f.non2xx),
    errors: sum((f) => f.errors),
    statuses,
    codes,
    command: `2 × ${each[0]?.command.replace(/127\.0\.0\.1:\d+/, 'HOST:PORT')}`,
  };
}

async function twoOf(args: string[], envOf: (dir: string) => Record<string, string>, root: string, readyPath: string): Promise<Server[]> {
  const servers: Server[] = [];
  for (const name of ['a', 'b']) {
    const dir = mkdtempSync(join(root, `${name}-`));
    servers.push(await start(args, envOf(dir), dir, readyPath));
  }
  return servers;
}

async function measure(kind: 'postgres' | 'mysql', run: StoreRun, root: string): Promise<StoreFigures | null> {
  const realDb = await createTempDatabase(kind);
  const refDb = await createTempDatabase(kind);
  if (!realDb || !refDb) {
    await realDb?.drop();
    return null;
  }
  try {
    await prepareStore(realDb.url, 1_000_000);
    await prepareStore(refDb.url, 1_000_000);
    const real = await twoOf(['dist/server/main.js', 'serve'], (dir) => run.env(dir, realDb.url), root, '/readyz');
    await loadBoth(real, '/api/v1/bookings', 'real', run, 2, 1_000_000);
    const realFigures = await loadBoth(real, '/api/v1/bookings', 'real', run, run.seconds, 0);
    await Promise.all(real.map(stop));
    const ref = await twoOf(['--import', 'tsx', 'bench/reference-server.ts'], () => ({ DATABASE_URL: refDb.url, SERVICES_BODY: '[]' }), root, '/services');
    await loadBoth(ref, '/book', 'ref', run, 2, 1_000_000);
    const refFigures = await loadBoth(ref, '/book', 'ref', run, run.seconds, 0);
    await Promise.all(ref.map(stop));
    return { kind, real: realFigures, ref: refFigures };
  } finally {
    await realDb.drop();
    await refDb.drop();
  }
}

/** PostgreSQL and MariaDB (BENCH_STORES, default both); a store that does not answer is left out with a note. */
export async function measureStores(run: StoreRun): Promise<StoreFigures[]> {
  const kinds = (process.env.BENCH_STORES ?? 'postgres,mysql').split(',').filter((k): k is 'postgres' | 'mysql' => k === 'postgres' || k === 'mysql');
  const root = mkdtempSync(join(tmpdir(), 'vreserve-bench-stores-'));
  const out: StoreFigures[] = [];
  try {
    for (const kind of kinds) {
      const figures = await measure(kind, run, root);
      if (figures) out.push(figures);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return out;
}
