// `npm run bench`: the real server against bare references, side by side, in one run, with wrk
// (bench/wrk.ts) as the load generator.
//   1. POST /api/v1/bookings vs the same SQL transaction behind a plain Fastify route (SQLite, same durability)
//   2. GET /api/v1/services at the default LOG_LEVEL=info and at warn vs a plain route with a body of the same size
//      (and with METRICS=on)
//   3. the flash crowd: distinct citizens on one day's 200 places, vs the bare transaction on 200 places
//   4. RSS per worker, idle and at peak, with WORKERS=2
//   5. bookings on PostgreSQL and MariaDB with two instances vs two bare references (bench/stores.ts)
// Figures go to stdout and bench/RESULTS.md. Not a test: nothing here passes or fails.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCHEDULE } from '../src/domain/schedule.js';
import { bookedCount, childrenListening, prepareSqlite, rssMb, start, stop } from './servers.js';
import { type StoreFigures, measureStores } from './stores.js';
import { BOOKING_SCRIPT, ensureWrk, runWrk, type WrkFigures, wrkVersion } from './wrk.js';

const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const THREADS = Number(process.env.WRK_THREADS || 2);
const CROWD_ATTEMPTS = Number(process.env.BENCH_CROWD_ATTEMPTS || 20_000);
const CROWD_CONNECTIONS = 50;
const CROWD_PLACES_PER_SLOT = 40;
const CLOCK = '2026-11-25T07:00:00+08:00';
const BOOK_DATE = '2026-11-26';
const SLOTS = DEFAULT_SCHEDULE.slots.map((s) => s.start);
const CROWD_PLACES = CROWD_PLACES_PER_SLOT * SLOTS.length;

type Figures = WrkFigures & { command: string };

const serverEnv = (dir: string, url: string, workers: number, logLevel: string) => ({
  DATA_DIR: dir,
  DATABASE_URL: url,
  WORKERS: String(workers),
  LOG_LEVEL: logLevel,
  RATE_LIMIT_PER_MINUTE: '0',
  VRESERVE_CLOCK: CLOCK,
  SECRET: 'bench-secret-0123456789abcdef',
});

// Citizens are numbered; each load takes its own range, so nobody books twice across runs on one store.
const booking = (url: string, mode: 'real' | 'ref', first: number, opts: { services?: string; limit?: number; connections?: number; seconds?: number } = {}) =>
  runWrk({
    url,
    seconds: opts.seconds ?? SECONDS,
    connections: opts.connections ?? CONNECTIONS,
    threads: THREADS,
    script: { path: BOOKING_SCRIPT, args: [mode, BOOK_DATE, opts.services ?? '1,2,3,4', SLOTS.join(','), String(first), String(opts.limit ?? 0), String(THREADS)] },
  });
const read = (url: string, seconds = SECONDS) => runWrk({ url, seconds, connections: CONNECTIONS, threads: THREADS });
const warmUp = (url: string) => read(url, 2);

/** 20 000 attempts by distinct citizens on one service's day of 200 places, then as many on the full day. */
async function flashCrowd(url: string, mode: 'real' | 'ref'): Promise<{ crowd: Figures; refusals: Figures }> {
  const crowdOpts = { services: '1', limit: CROWD_ATTEMPTS, connections: CROWD_CONNECTIONS, seconds: 120 };
  const crowd = await booking(url, mode, 3_000_000, crowdOpts);
  const refusals = await booking(url, mode, 4_000_000, crowdOpts);
  return { crowd, refusals };
}

async function main() {
  ensureWrk();
  // Other work on the machine takes CPU and fsyncs from the run: say how busy it was.
  const loadBefore = loadavg()[0] as number;
  const root = mkdtempSync(join(tmpdir(), 'vreserve-bench-'));
  try {
    // --- the real server, one process: bookings, the service list at info and at warn, the flash crowd ---
    const realAt = async (logLevel: string, withBookings: boolean, extra: Record<string, string> = {}) => {
      const dir = mkdtempSync(join(root, `real-${logLevel}-`));
      const url = await prepareSqlite(dir, 1_000_000);
      const server = await start(['dist/server/main.js', 'serve'], { ...serverEnv(dir, url, 1, logLevel), ...extra }, dir, '/readyz');
      const body = await (await fetch(`${server.base}/api/v1/services`)).text();
      if (withBookings) await booking(`${server.base}/api/v1/bookings`, 'real', 1_000_000, { seconds: 2 });
      const book = withBookings ? await booking(`${server.base}/api/v1/bookings`, 'real', 0) : null;
      await warmUp(`${server.base}/api/v1/services`);
      const list = await read(`${server.base}/api/v1/services`);
      const peak = rssMb(server.child.pid as number, 'VmHWM');
      await stop(server);
      const logLines = readFileSync(server.log, 'utf8').split('\n').length - 1;
      return { body, book, list, peak, logLines };
    };
    const info = await realAt('info', true);
    const warn = await realAt('warn', false);
    const withMetrics = await realAt('info', false, { METRICS: 'on' });

    const crowdDir = join(root, 'crowd');
    const crowdUrl = await prepareSqlite(crowdDir, CROWD_PLACES_PER_SLOT);
    const crowdServer = await start(['dist/server/main.js', 'serve'], serverEnv(crowdDir, crowdUrl, 1, 'info'), crowdDir, '/readyz');
    const realCrowd = await flashCrowd(`${crowdServer.base}/api/v1/bookings`, 'real');
    await stop(crowdServer);
    const realCrowdBooked = await bookedCount(crowdUrl, BOOK_DATE);

    // --- two workers: RSS per worker, idle and under load ---
    const dir2 = join(root, 'real-2');
    const url2 = await prepareSqlite(dir2, 1_000_000);
    const two = await start(['dist/server/main.js', 'serve'], serverEnv(dir2, url2, 2, 'info'), dir2, '/readyz');
    await childrenListening(two, 2);
    await new Promise((r) => setTimeout(r, 1000));
    const idle2 = rssMb(two.child.pid as number, 'VmRSS');
    await booking(`${two.base}/api/v1/bookings`, 'real', 1_000_000, { seconds: 2 });
    const book2 = await booking(`${two.base}/api/v1/bookings`, 'real', 0);
    const list2 = await read(`${two.base}/api/v1/services`);
    const peak2 = rssMb(two.child.pid as number, 'VmHWM');
    await stop(two);

    // --- the bare references ---
    const refDir = join(root, 'ref');
    const refUrl = await prepareSqlite(refDir, 1_000_000);
    const ref = await start(['--import', 'tsx', 'bench/reference-server.ts'], { DATABASE_URL: refUrl, SERVICES_BODY: info.body }, refDir, '/services');
    await booking(`${ref.base}/book`, 'ref', 1_000_000, { seconds: 2 });
    const refBook = await booking(`${ref.base}/book`, 'ref', 0);
    await warmUp(`${ref.base}/services`);
    const refList = await read(`${ref.base}/services`);
    await stop(ref);
    const refCrowdDir = join(root, 'ref-crowd');
    const refCrowdUrl = await prepareSqlite(refCrowdDir, CROWD_PLACES_PER_SLOT);
    const refCrowdServer = await start(
      ['--import', 'tsx', 'bench/reference-server.ts'],
      { DATABASE_URL: refCrowdUrl, SERVICES_BODY: info.body, CAPACITY: String(CROWD_PLACES_PER_SLOT) },
      refCrowdDir,
      '/services',
    );
    const refCrowd = await flashCrowd(`${refCrowdServer.base}/book`, 'ref');
    await stop(refCrowdServer);
    const refCrowdBooked = await bookedCount(refCrowdUrl, BOOK_DATE);

    // --- PostgreSQL and MariaDB: two instances on one database, against two bare references ---
    const stores = await measureStores({ date: BOOK_DATE, slots: SLOTS, seconds: SECONDS, connections: CONNECTIONS, env: (dir, url) => serverEnv(dir, url, 1, 'info') });

    const report = render({ stores, withMetrics, loadBefore, loadAfter: loadavg()[0] as number, info, warn, realCrowd, realCrowdBooked, idle2, peak2, book2, list2, refBook, refList, refCrowd, refCrowdBooked });
    process.stdout.write(`${report}\n`);
    appendRun(report);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100) / 100);
const ms = (v: number) => (v < 10 ? v.toFixed(2) : String(Math.round(v)));
const fivexx = (f: Figures) => Object.entries(f.statuses).reduce((n, [s, c]) => (s.startsWith('5') ? n + c : n), 0);
const codesOf = (f: Figures) => Object.entries(f.codes).map(([c, n]) => `${c} ${n}`).join(', ') || '—';

function render(r: {
  stores: StoreFigures[];
  withMetrics: { list: Figures };
  loadBefore: number;
  loadAfter: number;
  info: { body: string; book: Figures | null; list: Figures; peak: number[]; logLines: number };
  warn: { list: Figures; peak: number[]; logLines: number };
  realCrowd: { crowd: Figures; refusals: Figures };
  realCrowdBooked: number;
  idle2: number[];
  peak2: number[];
  book2: Figures;
  list2: Figures;
  refBook: Figures;
  refList: Figures;
  refCrowd: { crowd: Figures; refusals: Figures };
  refCrowdBooked: number;
}): string {
  const book = r.info.book as Figures;
  const row = (name: string, f: Figures, ref?: Figures) =>
    `| ${name} | ${f.rps} | ${ref ? ratio(f.rps, ref.rps) : ''} | ${ms(f.p50)} | ${ms(f.p99)} | ${f.requests} | ${f.non2xx} | ${f.errors} | \`${f.command}\` |`;
  const crowdRow = (name: string, f: Figures, booked?: number) =>
    `| ${name} | ${f.requests} | ${f.statuses['201'] ?? 0} / ${booked ?? '—'} | ${codesOf(f)} | ${fivexx(f)} | ${f.rps} | ${ms(f.p50)} | ${ms(f.p99)} | ${ms(f.max)} |`;
  const logCost = 1 - r.info.list.rps / r.warn.list.rps;
  return [
    `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${wrkVersion()}`,
    '',
    `SQLite (WAL, synchronous=FULL); server \`node dist/server/main.js serve\` with WORKERS=1 unless said, RATE_LIMIT_PER_MINUTE=0, its log to a file; every booking a different citizen. wrk ${THREADS} threads, ${CONNECTIONS} connections, ${SECONDS} s (each after a 2 s warm-up). Load average (1 min): ${r.loadBefore.toFixed(2)} before the run (other work on the machine), ${r.loadAfter.toFixed(2)} at its end (the run itself keeps about 2 busy).`,
    '',
    '| run | req/s | ratio to reference | p50 ms | p99 ms | requests | non-2xx | socket errors | command |',
    '|---|---|---|---|---|---|---|---|---|',
    row('POST /api/v1/bookings (real, LOG_LEVEL=info)', book, r.refBook),
    row('POST /book (reference: same SQL transaction)', r.refBook),
    row('GET /api/v1/services (real, LOG_LEVEL=info)', r.info.list, r.refList),
    row('GET /api/v1/services (real, LOG_LEVEL=warn)', r.warn.list, r.refList),
    row('GET /api/v1/services (real, LOG_LEVEL=info, METRICS=on)', r.withMetrics.list, r.refList),
    row(`GET /services (reference: fixed ${r.info.body.length}-byte body)`, r.refList),
    row('POST /api/v1/bookings (real, WORKERS=2)', r.book2, r.refBook),
    row('GET /api/v1/services (real, WORKERS=2)', r.list2, r.refList),
    '',
    `PostgreSQL and MariaDB on this machine (their default durability: synchronous commit, flush at each commit), two server instances (WORKERS=1 each, LOG_LEVEL=info) on one database, each loaded by its own wrk with half the connections; the reference the same way on a database of its own. req/s and counts add up; latencies are the worse of the two.`,
    '',
    '| run | req/s | ratio to reference | p50 ms | p99 ms | requests | non-2xx | socket errors | command |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.stores.flatMap((s) => [
      row(`POST /api/v1/bookings (real, ${s.kind}, 2 instances)`, s.real, s.ref),
      row(`POST /book (reference, ${s.kind}, 2 processes)`, s.ref),
    ]),
    '',
    `Flash crowd: ${CROWD_ATTEMPTS} attempts by distinct citizens on one service's ${BOOK_DATE} (${SLOTS.length} slots × ${CROWD_PLACES_PER_SLOT} = ${CROWD_PLACES} places), ${CROWD_CONNECTIONS} connections; then ${CROWD_ATTEMPTS} more on the full day. Command: \`${r.realCrowd.crowd.command}\` (and \`-- ref …\` on the reference's /book).`,
    '',
    '| run | answers | 201 / booked in the store after both | refusals | 5xx | req/s | p50 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|---|---|---|',
    crowdRow('real: the crowd', r.realCrowd.crowd, r.realCrowdBooked),
    crowdRow('real: the full day', r.realCrowd.refusals),
    crowdRow('reference: the crowd', r.refCrowd.crowd, r.refCrowdBooked),
    crowdRow('reference: the full day', r.refCrowd.refusals),
    '',
    `- bookings real/reference: **${ratio(book.rps, r.refBook.rps)}** (target ≥ 0.7)`,
    ...r.stores.map((s) => `- bookings on ${s.kind} with 2 instances, real/reference: **${ratio(s.real.rps, s.ref.rps)}** (target ≥ 0.7 on PostgreSQL)`),
    `- metrics on (METRICS=on) costs ${Math.round((1 - r.withMetrics.list.rps / r.info.list.rps) * 100)} % of the service list's throughput at LOG_LEVEL=info`,
    `- service list real/reference at LOG_LEVEL=info: **${ratio(r.info.list.rps, r.refList.rps)}** (target ≥ 0.6); at warn: ${ratio(r.warn.list.rps, r.refList.rps)}; request logging costs **${Math.round(logCost * 100)} %** of the read throughput (${r.info.logLines} log lines written at info, ${r.warn.logLines} at warn)`,
    `- flash crowd: ${r.realCrowdBooked} booked of ${CROWD_PLACES} places, ${fivexx(r.realCrowd.crowd)} × 5xx, p99 **${ms(r.realCrowd.crowd.p99)} ms** (target < 100 ms); the crowd answered at ${r.realCrowd.crowd.rps} req/s and the full day refused at **${r.realCrowd.refusals.rps} req/s = ${ratio(r.realCrowd.refusals.rps, book.rps)}×** the booking rate (target ≥ 5×); reference: ${r.refCrowdBooked} booked, refusals at ${r.refCrowd.refusals.rps} req/s`,
    `- RSS per worker with WORKERS=2: idle **${r.idle2.join(', ')} MB** (target < 120), peak **${r.peak2.join(', ')} MB** (target < 150); one process (WORKERS=1: also migrations, first admin, housekeeping) peak ${r.info.peak.join(', ')} MB`,
    '',
  ].join('\n');
}

const RUNS_MARK = '<!-- npm run bench inserts each new run below this line, newest first -->';

function appendRun(report: string): void {
  const file = 'bench/RESULTS.md';
  let text = readFileSync(file, 'utf8');
  if (!text.includes(RUNS_MARK)) text = `${text.trimEnd()}\n\n## Runs\n\n${RUNS_MARK}\n`;
  writeFileSync(file, text.replace(RUNS_MARK, `${RUNS_MARK}\n\n${report}`));
}

await main();
