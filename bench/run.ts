// `npm run bench`: the real server against bare references, side by side, in one run.
//   1. POST /api/v1/bookings vs the same SQL transaction behind a plain Fastify route
//   2. GET /api/v1/services vs a plain route returning a body of the same size
//   3. peak RSS of each worker
// Figures go to stdout and bench/RESULTS.md. Not a test: nothing here passes or fails.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEFAULT_SCHEDULE } from '../src/domain/schedule.js';
import { openStore } from '../src/server/db/dialect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { person } from '../test/support/people.js';
import { freePort } from '../test/support/server-process.js';

const DURATION = Number(process.env.BENCH_SECONDS || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const CLOCK = '2026-11-25T07:00:00+08:00';
const BOOK_DATE = '2026-11-26';

/** Starts a server and resolves when `readyUrl` answers 200. */
async function start(args: string[], env: Record<string, string>, readyUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${out}`);
    const ok = await fetch(readyUrl).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready after 30 s: ${out}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

/** Waits until the cluster primary has `n` worker processes and the server answers. */
async function childrenListening(pid: number, n: number, readyUrl: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    if (children.length >= n && (await fetch(readyUrl).then((r) => r.ok, () => false))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${n} workers did not start`);
}

/** Peak resident memory (VmHWM) of a process and its children, in MB. */
function peakRssMb(pid: number): number[] {
  const children = (() => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  })();
  const pids = children.length > 0 ? children : [pid];
  return pids.map((p) => {
    const status = readFileSync(`/proc/${p}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 102.4) / 10;
  });
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(opts: { url: string; method: 'GET' | 'POST'; body?: (i: number) => string }): Promise<Figures> {
  let i = 0;
  const result = await autocannon({
    url: opts.url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        method: opts.method,
        headers: { 'content-type': 'application/json' },
        ...(opts.body ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: opts.body?.(i++) }) } : {}),
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** A store whose slots hold a million places, so the run measures booking, not refusal. */
async function prepareStore(dir: string): Promise<string> {
  const url = `sqlite:${join(dir, 'vreserve.db')}`;
  const store = openStore(url);
  await migrateToLatest(store.db);
  const roomy = { ...DEFAULT_SCHEDULE, slots: DEFAULT_SCHEDULE.slots.map((s) => ({ ...s, capacity: 1_000_000 })) };
  await store.db.updateTable('service').set({ schedule_json: JSON.stringify(roomy) }).execute();
  await store.close();
  return url;
}

const slots = DEFAULT_SCHEDULE.slots.map((s) => s.start);
const bookingRequest = (i: number) => ({ serviceId: (i % 4) + 1, date: BOOK_DATE, slot: slots[Math.floor(i / 4) % slots.length] as string });

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'vreserve-bench-'));
  const rows: string[] = [];
  try {
    // --- the real server: one process for the throughput comparison, then two workers for RSS ---
    const runReal = async (workers: number) => {
      const dir = join(root, `real-${workers}`);
      const url = await prepareStore(dir);
      const port = await freePort();
      const server = await start(
        ['dist/server/main.js', 'serve'],
        {
          DATA_DIR: dir,
          DATABASE_URL: url,
          PORT: String(port),
          HOST: '127.0.0.1',
          WORKERS: String(workers),
          LOG_LEVEL: 'warn',
          RATE_LIMIT_PER_MINUTE: '0',
          VRESERVE_CLOCK: CLOCK,
          SECRET: 'bench-secret-0123456789abcdef',
        },
        `http://127.0.0.1:${port}/readyz`,
      );
      if (workers > 1) await childrenListening(server.pid as number, workers, `http://127.0.0.1:${port}/readyz`);
      const base = `http://127.0.0.1:${port}`;
      const body = await (await fetch(`${base}/api/v1/services`)).text();
      const book = await load({ url: `${base}/api/v1/bookings`, method: 'POST', body: (i) => JSON.stringify({ ...bookingRequest(i), ...person(i) }) });
      const read = await load({ url: `${base}/api/v1/services`, method: 'GET' });
      const rss = peakRssMb(server.pid as number);
      await stop(server);
      return { body, book, read, rss };
    };
    const single = await runReal(1);
    const servicesBody = single.body;
    const realBook = single.book;
    const realRead = single.read;
    const clustered = await runReal(2);

    // --- the bare reference ---
    const refDir = join(root, 'ref');
    const refUrl = await prepareStore(refDir);
    const refPort = await freePort();
    const ref = await start(['--import', 'tsx', 'bench/reference-server.ts'], {
      DATABASE_URL: refUrl,
      PORT: String(refPort),
      SERVICES_BODY: servicesBody,
    }, `http://127.0.0.1:${refPort}/services`);
    const hmac = (v: string) => createHmac('sha256', 'k').update(v).digest('hex');
    const refBook = await load({
      url: `http://127.0.0.1:${refPort}/book`,
      method: 'POST',
      body: (i) => JSON.stringify({ ...bookingRequest(i), idHash: hmac(`id${i}`), phoneHash: hmac(`p${i}`) }),
    });
    const refRead = await load({ url: `http://127.0.0.1:${refPort}/services`, method: 'GET' });
    await stop(ref);

    const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100) / 100);
    const line = (name: string, f: Figures) =>
      `| ${name} | ${f.rps} | ${f.p50} | ${f.p99} | ${f.non2xx} | ${f.errors} |`;
    rows.push(
      '| run | req/s | p50 ms | p99 ms | non-2xx | errors |',
      '|---|---|---|---|---|---|',
      line('POST /api/v1/bookings (real)', realBook),
      line('POST /book (reference: same SQL transaction)', refBook),
      line('GET /api/v1/services (real)', realRead),
      line(`GET /services (reference: fixed ${servicesBody.length}-byte body)`, refRead),
    );
    const summary = [
      `booking throughput ratio real/reference: **${ratio(realBook.rps, refBook.rps)}** (target ≥ 0.7)`,
      `services read ratio real/reference: **${ratio(realRead.rps, refRead.rps)}** (target ≥ 0.5)`,
      `peak RSS per worker with WORKERS=2: **${clustered.rss.join(', ')} MB** (target < 150 MB); one-process server (WORKERS=1, the primary also does housekeeping and the first start): ${single.rss.join(', ')} MB`,
    ];
    const report = [
      `## ${new Date().toISOString().slice(0, 10)} — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
      '',
      `SQLite (WAL, synchronous=FULL), 1 worker, LOG_LEVEL=warn, autocannon ${CONNECTIONS} connections × ${DURATION} s each; every booking a new person (real: validation, HMAC, per-person rules, numbering).`,
      '',
      ...rows,
      '',
      ...summary.map((s) => `- ${s}`),
      '',
    ].join('\n');
    process.stdout.write(`${report}\n`);
    const file = 'bench/RESULTS.md';
    let previous = '';
    try {
      previous = readFileSync(file, 'utf8').replace(/^# Benchmark results\n+/, '');
    } catch {}
    writeFileSync(file, `# Benchmark results\n\nProduced by \`npm run bench\`; newest first.\n\n${report}\n${previous.replace(/^Produced by.*\n+/, '')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
