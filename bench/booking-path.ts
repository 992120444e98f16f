// Only the booking path of `npm run bench` (parts 1 and 3 of bench/run.ts): POST /api/v1/bookings
// against the bare transaction in rounds, then the flash crowd (real, and the reference unless
// BENCH_CROWD_REF=0). Prints to stdout and writes nothing to bench/RESULTS.md, so that an engineer
// working on the booking path can compare ratios of one run without a full bench.
//   npm run build && flock /work/bench.lock node --import tsx bench/booking-path.ts
// BENCH_CROWD_REF=0 leaves out the reference's crowd, BENCH_CROWD_ONLY=1 the bookings' rounds.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCHEDULE } from '../src/domain/schedule.js';
import { bookedCount, prepareSqlite, start, stop } from './servers.js';
import { BOOKING_SCRIPT, ensureWrk, runWrk, type WrkFigures } from './wrk.js';

const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const THREADS = Number(process.env.WRK_THREADS || 2);
const CROWD_ATTEMPTS = Number(process.env.BENCH_CROWD_ATTEMPTS || 20_000);
const CROWD_REF = process.env.BENCH_CROWD_REF !== '0';
const CROWD_WARM = Number(process.env.BENCH_CROWD_WARM || 0);
const CROWD_ONLY = process.env.BENCH_CROWD_ONLY === '1';
const CROWD_PLACES_PER_SLOT = 40;
const DATE = '2026-11-26';
const SLOTS = DEFAULT_SCHEDULE.slots.map((s) => s.start);
const env = (dir: string, url: string) => ({
  DATA_DIR: dir,
  DATABASE_URL: url,
  WORKERS: '1',
  LOG_LEVEL: 'info',
  RATE_LIMIT_PER_MINUTE: '0',
  VRESERVE_CLOCK: '2026-11-25T07:00:00+08:00',
  SECRET: 'bench-secret-0123456789abcdef',
});

const book = (url: string, mode: 'real' | 'ref', first: number, o: { services?: string; limit?: number; connections?: number; seconds?: number } = {}) =>
  runWrk({
    url,
    seconds: o.seconds ?? SECONDS,
    connections: o.connections ?? CONNECTIONS,
    threads: THREADS,
    script: { path: BOOKING_SCRIPT, args: [mode, DATE, o.services ?? '1,2,3,4', SLOTS.join(','), String(first), String(o.limit ?? 0), String(THREADS)] },
  });
const show = (name: string, f: WrkFigures) =>
  `${name}: ${f.rps} req/s, p50 ${f.p50.toFixed(2)} ms, p99 ${f.p99.toFixed(2)} ms, max ${f.max.toFixed(0)} ms, ${f.requests} answers ${JSON.stringify(f.statuses)} ${JSON.stringify(f.codes)}`;

async function crowd(url: string, mode: 'real' | 'ref', name: string, booked: () => Promise<number>) {
  const o = { services: '1', limit: CROWD_ATTEMPTS, connections: 50, seconds: 120 };
  // BENCH_CROWD_WARM=N: first N seconds of bookings on the other services (a server that has been
  // serving for a while), to tell a cold process's first bookings from the crowd's own cost.
  if (CROWD_WARM > 0) await book(url, mode, 6_000_000, { services: '2,3,4', seconds: CROWD_WARM });
  const c = await book(url, mode, 3_000_000, o);
  const r = await book(url, mode, 4_000_000, o);
  return { c, r, name, booked };
}

ensureWrk();
const root = mkdtempSync(join(tmpdir(), 'vreserve-bookbench-'));
try {
  const before = loadavg()[0] as number;
  const realDir = join(root, 'real');
  const refDir = join(root, 'ref');
  const real = await start(['dist/server/main.js', 'serve'], env(realDir, await prepareSqlite(realDir, 1_000_000)), realDir, '/readyz');
  const ref = await start(['--import', 'tsx', 'bench/reference-server.ts'], { DATABASE_URL: await prepareSqlite(refDir, 1_000_000), SERVICES_BODY: '[]' }, refDir, '/services');
  await book(`${real.base}/api/v1/bookings`, 'real', 5_000_000, { seconds: 2 });
  await book(`${ref.base}/book`, 'ref', 5_000_000, { seconds: 2 });
  const ratios: number[] = [];
  // BENCH_CROWD_ONLY=1: only the flash crowd.
  for (let round = 0; round < (CROWD_ONLY ? 0 : ROUNDS); round++) {
    const a = await book(`${real.base}/api/v1/bookings`, 'real', round * 200_000);
    const b = await book(`${ref.base}/book`, 'ref', round * 200_000);
    ratios.push(Math.round((a.rps / b.rps) * 100) / 100);
    console.log(`round ${round + 1}: ${show('real', a)}\n         ${show('ref ', b)}\n         ratio ${ratios.at(-1)}`);
  }
  await stop(real);
  await stop(ref);
  console.log(`bookings real/reference by round: ${ratios.join(' · ')}; median ${[...ratios].sort((x, y) => x - y)[Math.floor(ratios.length / 2)]}`);

  const crowdDir = join(root, 'crowd');
  const crowdUrl = await prepareSqlite(crowdDir, CROWD_PLACES_PER_SLOT);
  const crowdServer = await start(['dist/server/main.js', 'serve'], env(crowdDir, crowdUrl), crowdDir, '/readyz');
  const rc = await crowd(`${crowdServer.base}/api/v1/bookings`, 'real', 'real', () => bookedCount(crowdUrl, DATE));
  await stop(crowdServer);
  console.log(show('real crowd    ', rc.c));
  console.log(show('real full day ', rc.r));
  console.log(`real booked in the store: ${await rc.booked()}`);
  if (CROWD_REF) {
    const refCrowdDir = join(root, 'ref-crowd');
    const refCrowdUrl = await prepareSqlite(refCrowdDir, CROWD_PLACES_PER_SLOT);
    const s = await start(['--import', 'tsx', 'bench/reference-server.ts'], { DATABASE_URL: refCrowdUrl, SERVICES_BODY: '[]', CAPACITY: String(CROWD_PLACES_PER_SLOT) }, refCrowdDir, '/services');
    const fc = await crowd(`${s.base}/book`, 'ref', 'ref', () => bookedCount(refCrowdUrl, DATE));
    await stop(s);
    console.log(show('ref crowd     ', fc.c));
    console.log(show('ref full day  ', fc.r));
    console.log(`ref booked in the store: ${await fc.booked()}`);
  }
  console.log(`load average (1 min): ${before.toFixed(2)} before, ${(loadavg()[0] as number).toFixed(2)} after`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
