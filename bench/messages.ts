// Issue 12's figures for text messages, with wrk and a fake gateway (bench/sms-gateway.ts) in a child
// process of its own:
//   1. bookings (SQLite, WORKERS=2) while the senders talk to a gateway that answers at once, to one
//      that answers after 5 s, with SMS_DRIVER=log and with the senders off; side by side, in rounds.
//      The claim checked: a gateway that takes 5 s never slows a booking (slow / instant ≈ 1).
//   2. delivery: N bookings queued with SMS_SENDER=off, then a server with its senders on (WORKERS=2);
//      messages a second from its start until the gateway has every confirmation, and duplicates
//      (the same Idempotency-Key twice). On PostgreSQL too, with two instances, when it answers.
// The clock is a weekday morning and the bookings two days ahead: only confirmations are due during
// the run (the day-before and the hour-before reminders are queued for later).
// `npm run bench` runs it (BENCH_MESSAGES=0 leaves it out); `node --import tsx bench/messages.ts` alone.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SCHEDULE } from '../src/domain/schedule.js';
import { openStore } from '../src/server/db/dialect.js';
import { createTempDatabase } from '../test/support/stores.js';
import type { GatewayStats } from './sms-gateway.js';
import { type Server, childrenListening, prepareSqlite, prepareStore, start, stop } from './servers.js';
import { BOOKING_SCRIPT, type WrkFigures, ensureWrk, runWrk } from './wrk.js';

export const MESSAGES_BENCH = process.env.BENCH_MESSAGES !== '0';
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const THREADS = Number(process.env.WRK_THREADS || 2);
const QUEUED = Number(process.env.BENCH_MESSAGES_QUEUED || 2000);
const SLOW_MS = 5000;
// Wednesday 10:00 in the hall; Friday's bookings: reminders fall due on Thursday 18:00 and Friday morning.
const CLOCK = '2026-11-25T10:00:00+08:00';
const BOOK_DATE = '2026-11-27';
const REMINDERS_FROM = '2026-11-26 18:00';
const SLOTS = DEFAULT_SCHEDULE.slots.map((s) => s.start);
const SMS_SECRET = 'bench-sms-secret-0123456789';

type Figures = WrkFigures & { command: string };
export type Variant = 'instant' | 'slow' | 'log' | 'off';
const VARIANTS: Variant[] = ['instant', 'slow', 'log', 'off'];

export interface DeliveryFigures {
  store: string;
  senders: string;
  queued: number;
  dueOther: number;
  received: number;
  duplicates: number;
  sentInStore: number;
  /** From spawning the server(s) until the gateway had the last one; and from the first message to the last. */
  fromStartS: number;
  firstToLastS: number;
  bookCommand: string;
}

export interface MessagesFigures {
  rounds: Record<Variant, Figures[]>;
  /** What each gateway path received during the loads (the slow one's backlog shows here). */
  gateway: Record<'instant' | 'slow', GatewayStats>;
  queuedAfter: Record<Variant, number>;
  delivery: DeliveryFigures[];
  loadBefore: number;
  loadAfter: number;
}

interface Gateway {
  child: ChildProcess;
  base: string;
  stats(path: string): Promise<GatewayStats>;
}

async function startGateway(): Promise<Gateway> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/sms-gateway.ts'], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the fake gateway exited with ${code}: ${out}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    child,
    base,
    stats: async (path) => (await (await fetch(`${base}/stats?path=${encodeURIComponent(path)}`)).json()) as GatewayStats,
  };
}

async function stopGateway(g: Gateway): Promise<void> {
  if (g.child.exitCode !== null) return;
  g.child.kill('SIGTERM');
  await once(g.child, 'exit');
}

function serverEnv(dir: string, url: string, workers: number, sms: Record<string, string>): Record<string, string> {
  return {
    DATA_DIR: dir,
    DATABASE_URL: url,
    WORKERS: String(workers),
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '0',
    VRESERVE_CLOCK: CLOCK,
    SECRET: 'bench-secret-0123456789abcdef',
    QUIET_HOURS: 'off',
    SMS_TIMEOUT_MS: '10000',
    ...sms,
  };
}

// Codes would be asked for with a real driver (BOOKING_VERIFY defaults to sms then): the bench books without them.
const httpSms = (gateway: Gateway, path: string) => ({
  SMS_DRIVER: 'http',
  SMS_HTTP_URL: `${gateway.base}${path}`,
  SMS_HTTP_SECRET: SMS_SECRET,
  BOOKING_VERIFY: 'off',
});
const PATHS = { instant: '/instant', slow: `/slow/${SLOW_MS}` } as const;

function smsOf(variant: Variant, gateway: Gateway): Record<string, string> {
  if (variant === 'instant' || variant === 'slow') return httpSms(gateway, PATHS[variant]);
  if (variant === 'log') return { SMS_DRIVER: 'log' };
  return { SMS_DRIVER: 'log', SMS_SENDER: 'off' };
}

const book = (server: Server, first: number, opts: { seconds?: number; limit?: number; connections?: number; threads?: number } = {}) => {
  const threads = opts.threads ?? THREADS;
  return runWrk({
    url: `${server.base}/api/v1/bookings`,
    seconds: opts.seconds ?? SECONDS,
    connections: opts.connections ?? CONNECTIONS,
    threads,
    script: { path: BOOKING_SCRIPT, args: ['real', BOOK_DATE, '1,2,3,4', SLOTS.join(','), String(first), String(opts.limit ?? 0), String(threads)] },
  });
};

/** Notifications in the store: queued confirmations, and anything else that is due at the bench's clock. */
async function notificationCounts(url: string): Promise<{ queuedConfirmations: number; dueOther: number; sent: number }> {
  const store = openStore(url);
  try {
    const now = new Date(Date.parse(CLOCK) + 3_600_000).toISOString();
    const rows = await store.db
      .selectFrom('notification')
      .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('next_attempt_at', '<=', now)
      .groupBy(['kind', 'status'])
      .execute();
    let queuedConfirmations = 0;
    let dueOther = 0;
    let sent = 0;
    for (const r of rows) {
      if (r.kind === 'booking.confirmed' && r.status === 'queued') queuedConfirmations += Number(r.n);
      else if (r.status === 'queued') dueOther += Number(r.n);
      if (r.status === 'sent') sent += Number(r.n);
    }
    return { queuedConfirmations, dueOther, sent };
  } finally {
    await store.close();
  }
}

/** Bookings side by side: every variant's server up, each loaded once per round, in turn. */
async function bookingRounds(root: string, gateway: Gateway) {
  const servers = {} as Record<Variant, { server: Server; url: string }>;
  for (const variant of VARIANTS) {
    const dir = mkdtempSync(join(root, `${variant}-`));
    const url = await prepareSqlite(dir, 1_000_000);
    const server = await start(['dist/server/main.js', 'serve'], serverEnv(dir, url, 2, smsOf(variant, gateway)), dir, '/readyz');
    await childrenListening(server, 2);
    servers[variant] = { server, url };
  }
  const rounds = { instant: [], slow: [], log: [], off: [] } as Record<Variant, Figures[]>;
  try {
    for (const variant of VARIANTS) await book(servers[variant].server, 5_000_000, { seconds: 2 });
    for (let round = 0; round < ROUNDS; round++) {
      for (const variant of VARIANTS) rounds[variant].push(await book(servers[variant].server, round * 200_000));
    }
    const gatewayStats = { instant: await gateway.stats(PATHS.instant), slow: await gateway.stats(PATHS.slow) };
    const queuedAfter = {} as Record<Variant, number>;
    for (const variant of VARIANTS) queuedAfter[variant] = (await notificationCounts(servers[variant].url)).queuedConfirmations;
    return { rounds, gateway: gatewayStats, queuedAfter };
  } finally {
    for (const variant of VARIANTS) if (servers[variant]) await stop(servers[variant].server);
  }
}

/**
 * QUEUED bookings with the senders off, then `instances` servers with them on: the time until the
 * gateway has every confirmation.
 */
async function delivery(
  store: string,
  senders: string,
  url: string,
  root: string,
  gateway: Gateway,
  path: string,
  instances: { workers: number; count: number },
): Promise<DeliveryFigures> {
  const dirs = Array.from({ length: instances.count }, (_, i) => mkdtempSync(join(root, `deliver-${i}-`)));
  // Every instance must open the phones the booking server sealed: one DATA_KEY for all.
  const dataKey = randomBytes(32).toString('base64');
  const env = (dir: string, sender: 'on' | 'off') => serverEnv(dir, url, instances.workers, { ...httpSms(gateway, path), SMS_SENDER: sender, DATA_KEY: dataKey });
  const booker = await start(['dist/server/main.js', 'serve'], env(dirs[0] as string, 'off'), dirs[0] as string, '/readyz');
  const figures = await book(booker, 7_000_000, { seconds: 120, limit: QUEUED });
  await stop(booker);
  const before = await notificationCounts(url);
  const startedAt = Date.now();
  const servers: Server[] = [];
  try {
    await Promise.all(dirs.map(async (dir) => servers.push(await start(['dist/server/main.js', 'serve'], env(dir, 'on'), dir, '/readyz'))));
    const deadline = Date.now() + 300_000;
    let stats = await gateway.stats(path);
    while (stats.distinct < before.queuedConfirmations && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      stats = await gateway.stats(path);
    }
    // A duplicate would come from a lease run out: none is expected, but look a while longer.
    await new Promise((r) => setTimeout(r, 2000));
    const last = stats.lastAt ?? Date.now();
    stats = await gateway.stats(path);
    const after = await notificationCounts(url);
    return {
      store,
      senders,
      queued: before.queuedConfirmations,
      dueOther: before.dueOther,
      received: stats.distinct,
      duplicates: stats.duplicates,
      sentInStore: after.sent,
      fromStartS: (last - startedAt) / 1000,
      firstToLastS: (last - (stats.firstAt ?? last)) / 1000,
      bookCommand: figures.command.replace(/127\.0\.0\.1:\d+/, 'HOST:PORT'),
    };
  } finally {
    for (const s of servers) await stop(s);
  }
}

export async function measureMessages(log: (line: string) => void = console.log): Promise<MessagesFigures> {
  const { loadavg } = await import('node:os');
  const loadBefore = loadavg()[0] as number;
  const root = mkdtempSync(join(tmpdir(), 'vreserve-bench-messages-'));
  const gateway = await startGateway();
  try {
    log('messages: bookings with an instant gateway, a 5 s gateway, the log driver and the senders off…');
    const side = await bookingRounds(root, gateway);
    log(`messages: delivery of ${QUEUED} confirmations on SQLite…`);
    const out: DeliveryFigures[] = [];
    const sqliteDir = mkdtempSync(join(root, 'deliver-sqlite-'));
    const sqliteUrl = await prepareSqlite(sqliteDir, 1_000_000);
    out.push(await delivery('SQLite', '1 instance, WORKERS=2', sqliteUrl, root, gateway, '/deliver-sqlite', { workers: 2, count: 1 }));
    if ((process.env.BENCH_STORES ?? 'postgres').includes('postgres')) {
      const db = await createTempDatabase('postgres');
      if (db) {
        try {
          log(`messages: delivery of ${QUEUED} confirmations on PostgreSQL, two instances…`);
          await prepareStore(db.url, 1_000_000);
          out.push(await delivery('PostgreSQL', '2 instances, WORKERS=1 each', db.url, root, gateway, '/deliver-postgres', { workers: 1, count: 2 }));
        } finally {
          await db.drop();
        }
      }
    }
    return { ...side, delivery: out, loadBefore, loadAfter: loadavg()[0] as number };
  } finally {
    await stopGateway(gateway);
    rmSync(root, { recursive: true, force: true });
  }
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : String(Math.round(v)));
const ratio = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100) / 100);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const LABEL: Record<Variant, string> = {
  instant: 'SMS_DRIVER=http, gateway answers at once',
  slow: `SMS_DRIVER=http, gateway answers after ${SLOW_MS / 1000} s`,
  log: 'SMS_DRIVER=log',
  off: 'SMS_SENDER=off (no sender at all)',
};

export function messagesReport(m: MessagesFigures): string {
  const med = (v: Variant) => [...m.rounds[v]].sort((a, b) => a.rps - b.rps)[Math.floor(m.rounds[v].length / 2)] as Figures;
  const ratios = (v: Variant) => m.rounds[v].map((f, i) => ratio(f.rps, m.rounds.instant[i]?.rps ?? 0));
  const row = (v: Variant) => {
    const f = med(v);
    const r = ratios(v);
    return `| ${LABEL[v]} | ${f.rps} | **${median(r)}** | ${r.map((x) => x.toFixed(2)).join(' · ')} | ${ms(f.p50)} | ${ms(f.p99)} | ${f.requests} | ${f.non2xx} | ${f.errors} | ${m.queuedAfter[v]} | \`${f.command.replace(/127\.0\.0\.1:\d+/, 'HOST:PORT')}\` |`;
  };
  const d = (x: DeliveryFigures) =>
    `| ${x.store}, ${x.senders} | ${x.queued} | ${x.dueOther} | ${x.received} | **${x.duplicates}** | ${x.sentInStore} | ${x.fromStartS.toFixed(1)} | **${Math.round(x.queued / x.fromStartS)}** | ${x.firstToLastS.toFixed(1)} | ${Math.round(x.queued / Math.max(x.firstToLastS, 0.001))} |`;
  return [
    `#### Messages (issue 12): ${ROUNDS} round(s) of ${SECONDS} s, load average (1 min) ${m.loadBefore.toFixed(2)} before, ${m.loadAfter.toFixed(2)} after`,
    '',
    `Bookings on SQLite, WORKERS=2, each server on a store of its own, side by side, each loaded once per round in turn (median round; ratio = the round's req/s over the instant gateway's). Clock ${CLOCK}, bookings for ${BOOK_DATE}: only confirmations are due (the reminders fall due from ${REMINDERS_FROM} hall time on), QUIET_HOURS=off, SMS_TIMEOUT_MS=10000. The fake gateway (bench/sms-gateway.ts) is a process of its own.`,
    '',
    '| senders | req/s | ratio to instant | ratio in each round | p50 ms | p99 ms | requests | non-2xx | socket errors | confirmations still queued after | command |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...VARIANTS.map(row),
    '',
    `The gateways received during the loads: at once ${m.gateway.instant.distinct} (${m.gateway.instant.duplicates} duplicates), after ${SLOW_MS / 1000} s ${m.gateway.slow.distinct} (${m.gateway.slow.duplicates} duplicates).`,
    '',
    `Delivery: ${QUEUED} bookings (wrk with a limit of ${QUEUED}; requests in flight at the limit add a few) queued with SMS_SENDER=off, then the server(s) started with the senders on, SMS_DRIVER=http to a gateway that answers at once; time from spawning the server(s) to the gateway's last new Idempotency-Key, then 2 s more to catch duplicates.`,
    '',
    '| store, senders | confirmations queued | other messages due | received (distinct keys) | duplicates | sent in the store | s from start | messages/s from start | s first→last | messages/s first→last |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...m.delivery.map(d),
    '',
    `Booking command of the delivery runs: \`${m.delivery[0]?.bookCommand ?? ''}\``,
    '',
    `- bookings with a ${SLOW_MS / 1000} s gateway / an instant one: **${median(ratios('slow'))}**; log driver / instant: ${median(ratios('log'))}; senders off / instant: ${median(ratios('off'))}; ${SLOW_MS / 1000} s gateway / senders off: ${median(m.rounds.slow.map((f, i) => ratio(f.rps, m.rounds.off[i]?.rps ?? 0)))} (${m.rounds.slow.map((f, i) => ratio(f.rps, m.rounds.off[i]?.rps ?? 0).toFixed(2)).join(' · ')})`,
    ...m.delivery.map((x) => `- delivery on ${x.store} (${x.senders}): **${Math.round(x.queued / x.fromStartS)} messages/s** from start, ${x.duplicates} duplicates, ${x.sentInStore} of ${x.queued} sent in the store`),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureWrk();
  const m = await measureMessages();
  process.stdout.write(`${messagesReport(m)}\n`);
}
