// `npm run bench`: the real server against bare references, side by side, in one run (the SQLite
// loads in rounds, real and reference in turn), with wrk
// (bench/wrk.ts) as the load generator.
//   1. POST /api/v1/bookings vs the same SQL transaction behind a plain Fastify route (SQLite, same durability)
//   2. GET /api/v1/services at the default LOG_LEVEL=info and at warn vs a plain route with a body of the same size
//      (and with METRICS=on)
//   3. the flash crowd: distinct citizens on one day's 200 places, vs the bare transaction on 200 places
//   4. RSS per worker, idle and at peak, with WORKERS=2
//   5. bookings on PostgreSQL and MariaDB with two instances vs two bare references (bench/stores.ts)
//   6. a city of BENCH_HALLS (300) halls vs one hall on PostgreSQL, the city overview, two instances (bench/halls.ts)
//   7. text messages: bookings with a 5 s SMS gateway vs an instant one, delivery of queued messages (bench/messages.ts)
//   8. the booking page `/` on a slow phone, empty and warm cache: bytes and time to the service list (bench/phone.ts)
// BENCH_MAIN=0 leaves out 1–5, BENCH_MESSAGES=0 leaves out 7, BENCH_HALLS=0 leaves out 6, BENCH_PHONE=0 leaves out 8;
// BENCH_PARTS=2,4 runs only those of 1–5 (e.g. the read path and memory).
// Figures go to stdout and bench/RESULTS.md. Not a test: nothing here passes or fails.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCHEDULE } from '../src/domain/schedule.js';
import { type Server, bookedCount, childrenListening, prepareSqlite, rssMb, start, stop } from './servers.js';
import { CITY_HALLS, hallsReport, measureHalls } from './halls.js';
import { MESSAGES_BENCH, measureMessages, messagesReport } from './messages.js';
import { type Spread, serverTimes, startProbe } from './crowd-probe.js';
import { PHONE_BENCH, measurePhone, phoneReport } from './phone.js';
import { type StoreFigures, measureStores } from './stores.js';
import { BOOKING_SCRIPT, ensureWrk, runWrk, type WrkFigures, wrkVersion } from './wrk.js';

const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const THREADS = Number(process.env.WRK_THREADS || 2);
const CROWD_ATTEMPTS = Number(process.env.BENCH_CROWD_ATTEMPTS || 20_000);
const CROWD_CONNECTIONS = 50;
// BENCH_MAIN=0 leaves out parts 1–5 (e.g. to run only the messages or the halls).
const MAIN_BENCH = process.env.BENCH_MAIN !== '0';
const PARTS = new Set((process.env.BENCH_PARTS || '1,2,3,4,5').split(',').map((p) => Number(p.trim())));
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
const booking = (url: string, mode: 'real' | 'ref', first: number, opts: { services?: string; limit?: number; connections?: number; seconds?: number; openMs?: number } = {}) =>
  runWrk({
    url,
    seconds: opts.seconds ?? SECONDS,
    connections: opts.connections ?? CONNECTIONS,
    threads: THREADS,
    ...(opts.openMs ? { openMs: opts.openMs } : {}),
    script: { path: BOOKING_SCRIPT, args: [mode, BOOK_DATE, opts.services ?? '1,2,3,4', SLOTS.join(','), String(first), String(opts.limit ?? 0), String(THREADS)] },
  });
const read = (url: string, seconds = SECONDS) => runWrk({ url, seconds, connections: CONNECTIONS, threads: THREADS });
const warmUp = (url: string) => read(url, 2);

/**
 * How long wrk's connections wait before their first request, so that the server has accepted all
 * of them before the rush (bench/wrk/booking.lua). A Node server accepts one new connection per
 * turn of its event loop (libuv ≥ 1.45), and a turn in a crowd takes 20–100 ms: connections that
 * ask at once as they connect wait for the turns of the ones accepted before them.
 */
const OPEN_MS = 300;

/** 20 000 attempts by distinct citizens on one service's day of 200 places, then as many on the full day. */
async function flashCrowd(server: Server, mode: 'real' | 'ref', open: boolean): Promise<Omit<Crowd, 'booked'>> {
  const url = `${server.base}/${mode === 'real' ? 'api/v1/bookings' : 'book'}`;
  const crowdOpts = { services: '1', limit: CROWD_ATTEMPTS, connections: CROWD_CONNECTIONS, seconds: 120, ...(open ? { openMs: OPEN_MS } : {}) };
  const probe = startProbe(server.base, mode, { serviceId: 2, date: BOOK_DATE, slot: SLOTS[0] as string });
  const crowd = await booking(url, mode, 3_000_000, crowdOpts);
  const probed = await probe.stop();
  // Log lines are written at most 250 ms late.
  await new Promise((r) => setTimeout(r, 400));
  const own = mode === 'real' ? serverTimes(server.log, '/api/v1/bookings') : null;
  const refusals = await booking(url, mode, 4_000_000, crowdOpts);
  return { crowd, refusals, probe: probed, own };
}

async function main() {
  ensureWrk();
  const root = mkdtempSync(join(tmpdir(), 'vreserve-bench-'));
  try {
    const parts: string[] = [heading()];
    if (MAIN_BENCH) parts.push(await measureMain(root));
    // 7. text messages (issue 12): bookings with a slow gateway, and delivery; BENCH_MESSAGES=0 leaves it out
    if (MESSAGES_BENCH) parts.push(messagesReport(await measureMessages((line) => process.stdout.write(`${line}\n`))));
    // 6. many halls: a province-sized city against one hall (issue 11), BENCH_HALLS=0 leaves it out
    const halls = CITY_HALLS > 0 ? await measureHalls((line) => process.stdout.write(`${line}\n`)) : null;
    if (halls) parts.push(hallsReport(halls));
    // 8. the booking page on a slow phone (issue 16), BENCH_PHONE=0 leaves it out
    if (PHONE_BENCH) parts.push(phoneReport(await measurePhone((line) => process.stdout.write(`${line}\n`))));
    const report = `${parts.join('\n')}\n`;
    process.stdout.write(`${report}\n`);
    // A partial run (BENCH_PARTS) is not a record of the whole bench: printed, not appended.
    if (!process.env.BENCH_PARTS) appendRun(report);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Parts 1–5: the SQLite loads in rounds, the flash crowd, RSS with two workers, PostgreSQL and MariaDB. */
async function measureMain(root: string): Promise<string> {
  // Other work on the machine takes CPU and fsyncs from the run: say how busy it was.
  const loadBefore = loadavg()[0] as number;
  {
    // --- one process each, side by side: the real server at info, at warn and with metrics, and the bare
    // reference; every load once per round, in turn, so that drift on a shared machine hits them alike ---
    const sqliteServer = async (name: string, extra: Record<string, string>, reference = false, body = '') => {
      const dir = mkdtempSync(join(root, `${name}-`));
      const url = await prepareSqlite(dir, 1_000_000);
      const server = reference
        ? await start(['--import', 'tsx', 'bench/reference-server.ts'], { DATABASE_URL: url, SERVICES_BODY: body }, dir, '/services')
        : await start(['dist/server/main.js', 'serve'], { ...serverEnv(dir, url, 1, 'info'), ...extra }, dir, '/readyz');
      return server;
    };
    const atInfo = await sqliteServer('info', {});
    const atWarn = await sqliteServer('warn', { LOG_LEVEL: 'warn' });
    const withMetricsOn = await sqliteServer('metrics', { METRICS: 'on' });
    const body = await (await fetch(`${atInfo.base}/api/v1/services`)).text();
    const ref = await sqliteServer('ref', {}, true, body);
    const lists = { info: `${atInfo.base}/api/v1/services`, warn: `${atWarn.base}/api/v1/services`, metrics: `${withMetricsOn.base}/api/v1/services`, ref: `${ref.base}/services` };
    if (PARTS.has(1)) await booking(`${atInfo.base}/api/v1/bookings`, 'real', 5_000_000, { seconds: 2 });
    if (PARTS.has(1)) await booking(`${ref.base}/book`, 'ref', 5_000_000, { seconds: 2 });
    if (PARTS.has(2)) for (const url of Object.values(lists)) await warmUp(url);
    const rounds: Record<'book' | 'refBook' | 'info' | 'warn' | 'metrics' | 'refList', Figures[]> = { book: [], refBook: [], info: [], warn: [], metrics: [], refList: [] };
    for (let round = 0; round < ROUNDS; round++) {
      if (PARTS.has(1)) {
        rounds.book.push(await booking(`${atInfo.base}/api/v1/bookings`, 'real', round * 200_000));
        rounds.refBook.push(await booking(`${ref.base}/book`, 'ref', round * 200_000));
      }
      if (!PARTS.has(2)) continue;
      rounds.info.push(await read(lists.info));
      rounds.warn.push(await read(lists.warn));
      rounds.metrics.push(await read(lists.metrics));
      rounds.refList.push(await read(lists.ref));
    }
    const peak1 = rssMb(atInfo.child.pid as number, 'VmHWM');
    for (const server of [atInfo, atWarn, withMetricsOn, ref]) await stop(server);
    const logLines = (server: Server) => readFileSync(server.log, 'utf8').split('\n').length - 1;
    const sqlite = {
      body,
      peak1,
      logLines: { info: logLines(atInfo), warn: logLines(atWarn) },
      book: compare(rounds.book, rounds.refBook),
      refBook: compare(rounds.refBook, rounds.refBook),
      info: compare(rounds.info, rounds.refList),
      warn: compare(rounds.warn, rounds.refList),
      metrics: compare(rounds.metrics, rounds.refList),
      refList: compare(rounds.refList, rounds.refList),
      logCost: compare(rounds.info, rounds.warn),
      metricsCost: compare(rounds.metrics, rounds.info),
    };

    const realCrowd = PARTS.has(3) ? await crowdOn(join(root, 'crowd'), 'real') : null;
    // The same crowd with every connection new at the rush (each connects and asks at once).
    const newCrowd = PARTS.has(3) ? await crowdOn(join(root, 'new-crowd'), 'real', '', true, false) : null;
    // The same crowd on a server that has just started (its first requests compile and optimise code).
    const coldCrowd = PARTS.has(3) ? await crowdOn(join(root, 'cold-crowd'), 'real', '', false) : null;

    // --- two workers: RSS per worker, idle and under load ---
    const two2 = PARTS.has(4) ? await twoWorkers(join(root, 'real-2')) : null;

    // --- the bare reference on the flash crowd ---
    const refCrowd = PARTS.has(3) ? await crowdOn(join(root, 'ref-crowd'), 'ref', body) : null;
    const refNewCrowd = PARTS.has(3) ? await crowdOn(join(root, 'ref-new-crowd'), 'ref', body, true, false) : null;

    // --- PostgreSQL and MariaDB: two instances on one database, against two bare references ---
    const stores = PARTS.has(5)
      ? await measureStores({ date: BOOK_DATE, slots: SLOTS, seconds: SECONDS, connections: CONNECTIONS, env: (dir, url) => serverEnv(dir, url, 1, 'info') })
      : [];

    return render({ sqlite, stores, loadBefore, loadAfter: loadavg()[0] as number, realCrowd, newCrowd, coldCrowd, two: two2, refCrowd, refNewCrowd });
  }
}

/**
 * The flash crowd on a fresh store of 200 places, on the real server or the reference (which serves
 * `body` as its list); `open`: wrk's connections are accepted before the rush (OPEN_MS).
 */
async function crowdOn(dir: string, mode: 'real' | 'ref', body = '', warm = true, open = true): Promise<Crowd> {
  const url = await prepareSqlite(dir, CROWD_PLACES_PER_SLOT);
  const server =
    mode === 'real'
      ? await start(['dist/server/main.js', 'serve'], serverEnv(dir, url, 1, 'info'), dir, '/readyz')
      : await start(['--import', 'tsx', 'bench/reference-server.ts'], { DATABASE_URL: url, SERVICES_BODY: body, CAPACITY: String(CROWD_PLACES_PER_SLOT) }, dir, '/services');
  // As every load of the first table: a 2 s warm-up first (here bookings on services 3 and 4, whose
  // places fill, then refusals): at 8:00 a hall's server has been serving for a while.
  if (warm) await booking(`${server.base}/${mode === 'real' ? 'api/v1/bookings' : 'book'}`, mode, 6_000_000, { services: '3,4', seconds: 2 });
  const figures = await flashCrowd(server, mode, open);
  await stop(server);
  return { ...figures, booked: await bookedCount(url, BOOK_DATE) };
}

/** WORKERS=2: RSS per worker idle, then its peak after a booking load and a read load. */
async function twoWorkers(dir2: string): Promise<TwoWorkers> {
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
  return { idle2, peak2, book2, list2 };
}

function heading(): string {
  return `### ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${wrkVersion()}\n`;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100) / 100);

/** A series of rounds against its reference's: the median round, and the median of the rounds' ratios. */
interface Compared {
  median: Figures;
  ratio: number;
  ratios: number[];
}

function compare(runs: Figures[], refs: Figures[]): Compared | null {
  if (runs.length === 0) return null;
  const mid = <T>(xs: T[], key: (x: T) => number) => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)] as T;
  const ratios = runs.map((f, i) => ratio(f.rps, refs[i]?.rps ?? 0));
  return { median: mid(runs, (f) => f.rps), ratio: mid(ratios, (x) => x), ratios };
}
const ms = (v: number) => (v < 10 ? v.toFixed(2) : String(Math.round(v)));
const fivexx = (f: Figures) => Object.entries(f.statuses).reduce((n, [s, c]) => (s.startsWith('5') ? n + c : n), 0);
const spreadText = (s: Spread) => `${s.n} answers, p50 ${ms(s.p50)} ms, p99 ${ms(s.p99)} ms, max ${ms(s.max)} ms`;
const codesOf = (f: Figures) => Object.entries(f.codes).map(([c, n]) => `${c} ${n}`).join(', ') || '—';

/** The crowd by wrk, the probe's view during it, the server's own times (real only), then the full day. */
type Crowd = { crowd: Figures; refusals: Figures; booked: number; probe: Spread; own: Spread | null };
interface TwoWorkers {
  idle2: number[];
  peak2: number[];
  book2: Figures;
  list2: Figures;
}

/** The report of parts 1–5; a part left out of BENCH_PARTS leaves out its rows. */
function render(r: {
  sqlite: {
    body: string;
    peak1: number[];
    logLines: { info: number; warn: number };
    book: Compared | null;
    refBook: Compared | null;
    info: Compared | null;
    warn: Compared | null;
    metrics: Compared | null;
    refList: Compared | null;
    logCost: Compared | null;
    metricsCost: Compared | null;
  };
  stores: StoreFigures[];
  loadBefore: number;
  loadAfter: number;
  realCrowd: Crowd | null;
  newCrowd: Crowd | null;
  coldCrowd: Crowd | null;
  two: TwoWorkers | null;
  refCrowd: Crowd | null;
  refNewCrowd: Crowd | null;
}): string {
  const q = r.sqlite;
  const line = (name: string, f: Figures, ratioText: string, byRound: string) =>
    `| ${name} | ${f.rps} | ${ratioText} | ${byRound} | ${ms(f.p50)} | ${ms(f.p99)} | ${f.requests} | ${f.non2xx} | ${f.errors} | \`${f.command}\` |`;
  const compared = (name: string, c: Compared | null, isReference = false) =>
    c ? [line(name, c.median, isReference ? '' : `**${c.ratio}**`, c.ratios.map((x) => x.toFixed(2)).join(' · '))] : [];
  const once = (name: string, f: Figures, ref?: Figures) => line(name, f, ref ? String(ratio(f.rps, ref.rps)) : '', '');
  const crowdRow = (name: string, f: Figures, booked?: number) =>
    `| ${name} | ${f.requests} | ${f.statuses['201'] ?? 0} / ${booked ?? '—'} | ${codesOf(f)} | ${fivexx(f)} | ${f.rps} | ${ms(f.p50)} | ${ms(f.p99)} | ${ms(f.max)} |`;
  const header = '| run | req/s | ratio to reference | ratio in each round | p50 ms | p99 ms | requests | non-2xx | socket errors | command |';
  const rule = '|---|---|---|---|---|---|---|---|---|---|';
  const pct = (c: Compared | null) => Math.round((1 - (c?.ratio ?? 1)) * 100);
  const { realCrowd, newCrowd, coldCrowd, refCrowd, refNewCrowd, two } = r;
  return [
    `SQLite (WAL, synchronous=FULL); server \`node dist/server/main.js serve\` with WORKERS=1 unless said, LOG_LEVEL=info unless said, RATE_LIMIT_PER_MINUTE=0, its log to a file; every booking a different citizen. wrk ${THREADS} threads, ${CONNECTIONS} connections, ${SECONDS} s a load, after a 2 s warm-up. The servers of the first table run side by side and each load runs once per round, in turn (${ROUNDS} rounds): req/s and latencies are those of the median round, the ratio is the median of the rounds' ratios. Load average (1 min): ${r.loadBefore.toFixed(2)} before the run (other work on the machine), ${r.loadAfter.toFixed(2)} at its end (the run itself keeps about 2 busy).${PARTS.size < 5 ? ` Parts run: ${[...PARTS].join(', ')} (BENCH_PARTS).` : ''}`,
    '',
    header,
    rule,
    ...compared('POST /api/v1/bookings (real)', q.book),
    ...compared('POST /book (reference: same SQL transaction)', q.refBook, true),
    ...compared('GET /api/v1/services (real)', q.info),
    ...compared('GET /api/v1/services (real, LOG_LEVEL=warn)', q.warn),
    ...compared('GET /api/v1/services (real, METRICS=on)', q.metrics),
    ...compared(`GET /services (reference: fixed ${q.body.length}-byte body)`, q.refList, true),
    ...(two ? [once('POST /api/v1/bookings (real, WORKERS=2; one run)', two.book2, q.refBook?.median), once('GET /api/v1/services (real, WORKERS=2; one run)', two.list2, q.refList?.median)] : []),
    ...(r.stores.length === 0
      ? []
      : [
          '',
          'PostgreSQL and MariaDB on this machine (their default durability: synchronous commit, flush at each commit), two server instances (WORKERS=1 each) on one database, each loaded by its own wrk with half the connections; the reference the same way on a database of its own. One run each; req/s and counts add up, latencies are the worse of the two.',
          '',
          header,
          rule,
          ...r.stores.flatMap((s) => [once(`POST /api/v1/bookings (real, ${s.kind}, 2 instances)`, s.real, s.ref), once(`POST /book (reference, ${s.kind}, 2 processes)`, s.ref)]),
        ]),
    ...(realCrowd && refCrowd
      ? [
          '',
          `Flash crowd (one run): ${CROWD_ATTEMPTS} attempts by distinct citizens on one service's ${BOOK_DATE} (${SLOTS.length} slots × ${CROWD_PLACES_PER_SLOT} = ${CROWD_PLACES} places), ${CROWD_CONNECTIONS} connections; then ${CROWD_ATTEMPTS} more on the full day; each server first had the 2 s warm-up every load gets (bookings of services 3 and 4 until their places ran out, then refusals), but for the rows "just started". wrk's connections are opened ${OPEN_MS} ms before the rush (WRK_OPEN_MS) but for the rows "new connections", where each connection asks as soon as it is connected. Command: \`${realCrowd.crowd.command}\` (and \`-- ref …\` on the reference's /book).`,
          '',
          '| run | answers | 201 / booked in the store after both | refusals | 5xx | req/s | p50 ms | p99 ms | max ms |',
          '|---|---|---|---|---|---|---|---|---|',
          crowdRow('real: the crowd', realCrowd.crowd, realCrowd.booked),
          crowdRow('real: the full day', realCrowd.refusals),
          ...(newCrowd ? [crowdRow('real, new connections: the crowd', newCrowd.crowd, newCrowd.booked)] : []),
          ...(coldCrowd ? [crowdRow('real, just started (no warm-up): the crowd', coldCrowd.crowd, coldCrowd.booked), crowdRow('real, just started: the full day', coldCrowd.refusals)] : []),
          crowdRow('reference: the crowd', refCrowd.crowd, refCrowd.booked),
          crowdRow('reference: the full day', refCrowd.refusals),
          ...(refNewCrowd ? [crowdRow('reference, new connections: the crowd', refNewCrowd.crowd, refNewCrowd.booked)] : []),
          '',
          `During the crowd, one more citizen on a connection of their own (bench/crowd-probe.ts: an attempt every 10 ms on service 2's ${BOOK_DATE}, timed from outside the server): real ${spreadText(realCrowd.probe)}; reference ${spreadText(refCrowd.probe)}.${realCrowd.own ? ` The real server's own time for each booking request of the crowd, from its log lines (from the request's start to its answer, not the wait before it is read): ${spreadText(realCrowd.own)}.` : ''} wrk's connections each wait for their answer before asking again (a closed loop). With new connections the tail is the first request of the connections accepted last: Node (libuv ≥ 1.45) accepts one connection per turn of its event loop, so the 50th connection's first request waits about 50 turns (the real server keeps turns short while connections arrive: http/turn-gate.ts; the reference does not); and wrk corrects for coordinated omission (for every answer slower than the mean interval between a connection's requests it records the answers it would have missed), so those ~50 slow answers become some hundreds at p99.`,
        ]
      : []),
    '',
    ...(q.book ? [`- bookings real/reference: **${q.book.ratio}** (target ≥ 0.7)`] : []),
    ...r.stores.map((s) => `- bookings on ${s.kind} with 2 instances, real/reference: **${ratio(s.real.rps, s.ref.rps)}** (target ≥ 0.7 on PostgreSQL)`),
    ...(q.info
      ? [
          `- service list real/reference: **${q.info.ratio}** (target ≥ 0.6); at LOG_LEVEL=warn ${q.warn?.ratio}: request logging costs **${pct(q.logCost)} %** of the read throughput (${q.logLines.info} log lines written at info, ${q.logLines.warn} at warn); METRICS=on costs ${pct(q.metricsCost)} %`,
        ]
      : []),
    ...(realCrowd && refCrowd
      ? [
          `- flash crowd: ${realCrowd.booked} booked of ${CROWD_PLACES} places, ${fivexx(realCrowd.crowd)} × 5xx, p99 **${ms(realCrowd.crowd.p99)} ms** by wrk on connections open before the rush (target < 100 ms; reference ${ms(refCrowd.crowd.p99)} ms${newCrowd && refNewCrowd ? `; with every connection new at the rush ${ms(newCrowd.crowd.p99)} ms, reference ${ms(refNewCrowd.crowd.p99)} ms` : ''}; a citizen on their own connection: p99 ${ms(realCrowd.probe.p99)} ms${realCrowd.own ? `, the server's own time p99 ${ms(realCrowd.own.p99)} ms` : ''}); the crowd answered at ${realCrowd.crowd.rps} req/s and the full day refused at **${realCrowd.refusals.rps} req/s = ${q.book ? ratio(realCrowd.refusals.rps, q.book.median.rps) : '?'}×** the booking rate (target ≥ 5×); reference: ${refCrowd.booked} booked, refusals at ${refCrowd.refusals.rps} req/s`,
        ]
      : []),
    ...(two
      ? [
          `- RSS per worker with WORKERS=2: idle **${two.idle2.join(', ')} MB** (target < 120), peak **${two.peak2.join(', ')} MB** (target < 150); one process (WORKERS=1: also migrations, first admin, housekeeping) peak ${q.peak1.join(', ')} MB`,
        ]
      : []),
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
