// Issue 11's scale check: a province-sized city (300 halls × 6 services × 30 days of bookings) on
// PostgreSQL against a one-hall store with the same density per hall, in one run, with wrk:
//   - GET /api/v1/halls, one hall's availability and a booking: the city's figure / the one hall's
//   - GET /api/v1/admin/city (every hall's today): latency of 50 requests in a row, goal < 200 ms
//   - two instances on the city's database: bookings through both add up in the store, and a hall
//     made through one is served by the other.
// `npm run bench` runs it after the other loads; `node --import tsx bench/halls.ts` runs it alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../src/server/db/dialect.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { DEFAULT_SCHEDULE } from '../src/domain/schedule.js';
import { createTempDatabase } from '../test/support/stores.js';
import { type Server, start, stop } from './servers.js';
import { BOOKING_SCRIPT, type WrkFigures, runWrk } from './wrk.js';

export const CITY_HALLS = Number(process.env.BENCH_HALLS || 300);
const DAYS = 30;
const PER_SLOT = 4;
const CLOCK = '2026-11-25T07:00:00+08:00';
const BOOK_DATE = '2026-11-26';
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const PASSWORD = 'Bench-city-pass-42!';
const SLOTS = DEFAULT_SCHEDULE.slots.map((s) => s.start);

export interface HallsFigures {
  halls: number;
  bookingsSeeded: number;
  seedSeconds: number;
  list: { one: Figured; city: Figured };
  availability: { one: Figured; city: Figured };
  booking: { one: Figured; city: Figured };
  overview: { p50: number; p99: number; max: number; halls: number };
  shared: { accepted: number; stored: number; disagreeing: number; hallSeenByOther: boolean };
  listBytes: { one: number; city: number };
  listPlain: { one: Figured; city: Figured };
}
type Figured = WrkFigures & { command: string };

/** 6 catalogue services in every hall, 1000 places a slot, and DAYS days of PER_SLOT bookings a slot. */
async function seed(url: string, halls: number): Promise<number> {
  const store = openStore(url);
  const db = store.db;
  try {
    await migrateToLatest(db);
    const at = new Date().toISOString();
    for (const [letter, zh, en] of [
      ['G', '公积金业务', 'Housing fund'],
      ['T', '税务业务', 'Taxes'],
    ]) {
      await db.insertInto('service_catalog').values({ letter: letter as string, name_zh: zh as string, name_en: en as string, bring_zh: '', bring_en: '', sort_order: 9, created_at: at, updated_at: at }).execute();
    }
    const schedule = JSON.stringify({ ...DEFAULT_SCHEDULE, slots: DEFAULT_SCHEDULE.slots.map((s) => ({ ...s, capacity: 1000 })) });
    await sql`INSERT INTO hall (code, number_prefix, name_zh, name_en, district_zh, district_en, address_zh, address_en, phone, time_zone, hours_zh, hours_en, sort_order, active, created_at, updated_at)
      SELECT 'H' || lpad(n::text, 3, '0'), 'H' || lpad(n::text, 3, '0') || '-', '第' || n::text || '政务服务大厅', 'Hall ' || n::text, '第' || (n % 16)::text || '区', 'District ' || (n % 16)::text,
             '示例路 ' || n::text || ' 号', n::text || ' Demo Road', '010-' || lpad(n::text, 8, '0'), 'Asia/Shanghai', '工作日 9:00-17:00', 'Weekdays 9:00-17:00', n + 1, 1, ${at}, ${at}
      FROM generate_series(2, ${halls}) AS n`.execute(db);
    await db.updateTable('service').set({ schedule_json: schedule }).execute();
    await sql`INSERT INTO service (hall_id, letter, name_zh, name_en, active, sort_order, schedule_json, queue_order, created_at, updated_at)
      SELECT h.id, c.letter, c.name_zh, c.name_en, 1, c.sort_order, ${schedule}, 'priority', ${at}, ${at}
      FROM hall h CROSS JOIN service_catalog c
      WHERE NOT EXISTS (SELECT 1 FROM service s WHERE s.hall_id = h.id AND s.letter = c.letter)`.execute(db);
    await sql`INSERT INTO person (id_hash, id_masked, lock_version, created_at, updated_at) VALUES ('seeded', '110105********0000', 0, ${at}, ${at})`.execute(db);
    const slots = sql.raw(DEFAULT_SCHEDULE.slots.map((s) => `('${s.start}', '${s.end}')`).join(', '));
    await sql`INSERT INTO slot_inventory (service_id, date, slot_start, slot_end, capacity, reserved)
      SELECT s.id, to_char(d, 'YYYY-MM-DD'), sl.start, sl.finish, 1000, ${PER_SLOT}
      FROM service s CROSS JOIN generate_series(date '2026-11-10', date '2026-11-10' + ${DAYS - 1}::int, interval '1 day') d
      CROSS JOIN (VALUES ${slots}) AS sl(start, finish)`.execute(db);
    await sql`INSERT INTO number_counter (service_id, date, time, last_order)
      SELECT service_id, date, slot_start, ${PER_SLOT} FROM slot_inventory`.execute(db);
    await sql`INSERT INTO booking (hall_id, number, service_id, date, slot_start, slot_end, person_id, id_hash, id_masked, phone_hash, phone_masked, status, created_at, updated_at)
      SELECT s.hall_id, h.number_prefix || s.letter || replace(i.date, '-', '') || replace(i.slot_start, ':', '') || lpad(n::text, 2, '0'),
             s.id, i.date, i.slot_start, i.slot_end, (SELECT id FROM person WHERE id_hash = 'seeded'),
             md5(s.id::text || i.date || i.slot_start || n::text), '110105********0000', md5(i.date || n::text), '138****0000',
             CASE WHEN i.date < '2026-11-25' THEN 'served' ELSE 'booked' END, ${at}, ${at}
      FROM slot_inventory i JOIN service s ON s.id = i.service_id JOIN hall h ON h.id = s.hall_id
      CROSS JOIN generate_series(1, ${PER_SLOT}) AS n`.execute(db);
    await sql`ANALYZE`.execute(db);
    const row = await db.selectFrom('booking').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await store.close();
  }
}

const env = (dir: string, url: string) => ({
  DATA_DIR: dir,
  DATABASE_URL: url,
  WORKERS: '1',
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '0',
  VRESERVE_CLOCK: CLOCK,
  SECRET: 'bench-secret-0123456789abcdef',
});

async function serviceIdsOf(base: string, hall: string): Promise<string> {
  const body = (await (await fetch(`${base}/api/v1/halls/${hall}/services`)).json()) as { services: { id: number }[] };
  return body.services.map((s) => s.id).join(',');
}

async function signInCity(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'mayor', password: PASSWORD }) });
  const cookie = res.headers.get('set-cookie') ?? '';
  return /vr_session=[^;]+/.exec(cookie)?.[0] ?? '';
}

async function overviewLatency(base: string, cookie: string) {
  const times: number[] = [];
  let halls = 0;
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/admin/city`, { headers: { cookie } });
    const body = (await res.json()) as { halls: unknown[] };
    times.push(performance.now() - t0);
    halls = body.halls.length;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] as number) * 10) / 10;
  return { p50: at(0.5), p99: at(0.99), max: at(1), halls };
}

function createCityAdmin(dir: string, url: string): void {
  const args = ['dist/server/main.js', 'admin', 'create', '--username', 'mayor', '--password', PASSWORD, '--role', 'city_admin'];
  execFileSync(process.execPath, args, { env: { ...process.env, ...env(dir, url) }, stdio: 'ignore' });
}

export async function measureHalls(log: (line: string) => void = console.log): Promise<HallsFigures | null> {
  const one = await createTempDatabase('postgres');
  const city = await createTempDatabase('postgres');
  if (!one || !city) {
    log('halls: PostgreSQL is not reachable; skipped');
    return null;
  }
  const root = mkdtempSync(join(tmpdir(), 'vreserve-halls-'));
  const servers: Server[] = [];
  try {
    const t0 = performance.now();
    await seed(one.url, 1);
    const bookingsSeeded = await seed(city.url, CITY_HALLS);
    const seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
    log(`halls: seeded 1 hall and ${CITY_HALLS} halls (${bookingsSeeded} bookings) in ${seedSeconds} s`);
    const dirs = ['one', 'city-a', 'city-b'].map((n) => mkdtempSync(join(root, `${n}-`)));
    createCityAdmin(dirs[1] as string, city.url);
    const oneServer = await start(['dist/server/main.js', 'serve'], env(dirs[0] as string, one.url), dirs[0] as string, '/readyz');
    const cityA = await start(['dist/server/main.js', 'serve'], env(dirs[1] as string, city.url), dirs[1] as string, '/readyz');
    const cityB = await start(['dist/server/main.js', 'serve'], env(dirs[2] as string, city.url), dirs[2] as string, '/readyz');
    servers.push(oneServer, cityA, cityB);
    const middle = `H${String(Math.ceil(CITY_HALLS / 2)).padStart(3, '0')}`;
    const oneIds = await serviceIdsOf(oneServer.base, 'MAIN');
    const cityIds = await serviceIdsOf(cityA.base, middle);
    const read = (url: string) => runWrk({ url, seconds: SECONDS, connections: CONNECTIONS, threads: 2 });
    // With a limit, wrk stops sending after that many answers: every booking made was answered.
    const book = (base: string, ids: string, first: number, limit = 0) =>
      runWrk({
        url: `${base}/api/v1/bookings`,
        seconds: limit > 0 ? 120 : SECONDS,
        connections: CONNECTIONS,
        threads: 2,
        script: { path: BOOKING_SCRIPT, args: ['real', BOOK_DATE, ids, SLOTS.join(','), String(first), String(limit), '2'] },
      });
    for (const s of [oneServer, cityA]) await runWrk({ url: `${s.base}/api/v1/halls`, seconds: 2, connections: CONNECTIONS, threads: 2 });
    // As a phone's browser asks for it (compressed); the plain answer's figures follow below.
    const readZipped = (url: string) => runWrk({ url, seconds: SECONDS, connections: CONNECTIONS, threads: 2, headers: ['Accept-Encoding: gzip'] });
    const list = { one: await readZipped(`${oneServer.base}/api/v1/halls`), city: await readZipped(`${cityA.base}/api/v1/halls`) };
    const listPlain = { one: await read(`${oneServer.base}/api/v1/halls`), city: await read(`${cityA.base}/api/v1/halls`) };
    const size = async (base: string) => (await (await fetch(`${base}/api/v1/halls`)).arrayBuffer()).byteLength;
    const listBytes = { one: await size(oneServer.base), city: await size(cityA.base) };
    const firstOne = oneIds.split(',')[0];
    const firstCity = cityIds.split(',')[0];
    const availability = {
      one: await read(`${oneServer.base}/api/v1/services/${firstOne}/availability`),
      city: await read(`${cityA.base}/api/v1/services/${firstCity}/availability`),
    };
    const booking = { one: await book(oneServer.base, oneIds, 7_000_000), city: await book(cityA.base, cityIds, 8_000_000) };
    const overview = await overviewLatency(cityA.base, await signInCity(cityA.base));

    // Two instances on the city's database: bookings through both at once, then the store's count.
    // wrk's limit stops counting answers, not the requests still in flight, so the store may hold a
    // few more than were counted: what must hold is that every slot's count agrees with its bookings.
    const before = await countOn(city.url, BOOK_DATE);
    const both = await Promise.all([book(cityA.base, cityIds, 9_000_000, 500), book(cityB.base, cityIds, 9_500_000, 500)]);
    const accepted = both.reduce((n, f) => n + (f.statuses['201'] ?? 0), 0);
    const stored = (await countOn(city.url, BOOK_DATE)) - before;
    const disagreeing = await slotsDisagreeing(city.url, BOOK_DATE);
    const cookie = await signInCity(cityA.base);
    await fetch(`${cityA.base}/api/v1/admin/halls`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ code: 'NEWHALL', nameZh: '新大厅' }),
    });
    let hallSeenByOther = false;
    for (let i = 0; i < 30 && !hallSeenByOther; i++) {
      hallSeenByOther = (await fetch(`${cityB.base}/api/v1/halls/NEWHALL/services`)).ok;
      if (!hallSeenByOther) await new Promise((r) => setTimeout(r, 100));
    }
    return { halls: CITY_HALLS, bookingsSeeded, seedSeconds, list, availability, booking, overview, shared: { accepted, stored, disagreeing, hallSeenByOther }, listBytes, listPlain };
  } finally {
    for (const s of servers) await stop(s);
    await one.drop();
    await city.drop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** Slots of the date whose reserved count differs from the bookings holding a place in them. */
async function slotsDisagreeing(url: string, date: string): Promise<number> {
  const store = openStore(url);
  try {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM slot_inventory i
      WHERE i.date = ${date} AND i.reserved <> (SELECT count(*) FROM booking b
        WHERE b.service_id = i.service_id AND b.date = i.date AND b.slot_start = i.slot_start AND b.status <> 'cancelled')`.execute(store.db);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await store.close();
  }
}

async function countOn(url: string, date: string): Promise<number> {
  const store = openStore(url);
  try {
    const row = await store.db.selectFrom('booking').select((eb) => eb.fn.countAll<number>().as('n')).where('date', '=', date).executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await store.close();
  }
}

export function hallsReport(f: HallsFigures): string {
  const ratio = (a: Figured, b: Figured) => (a.rps > 0 ? (b.rps / a.rps).toFixed(2) : '—');
  const row = (what: string, p: { one: Figured; city: Figured }) =>
    `| ${what} | ${Math.round(p.one.rps)} req/s, p99 ${p.one.p99} ms | ${Math.round(p.city.rps)} req/s, p99 ${p.city.p99} ms | ${ratio(p.one, p.city)} |`;
  return [
    `### Many halls: ${f.halls} halls × 6 services × ${DAYS} days on PostgreSQL (${f.bookingsSeeded} bookings, seeded in ${f.seedSeconds} s)`,
    '',
    '| what | one hall | the city | city / one (goal ≥ 0.8) |',
    '|---|---|---|---|',
    row('GET /api/v1/halls (Accept-Encoding: gzip, as browsers send)', f.list),
    row('GET /api/v1/halls (uncompressed)', f.listPlain),
    row("one hall's availability", f.availability),
    row('POST /api/v1/bookings (one hall’s 6 services)', f.booking),
    '',
    `City overview (GET /api/v1/admin/city, ${f.overview.halls} halls, 50 in a row): p50 ${f.overview.p50} ms, p99 ${f.overview.p99} ms, max ${f.overview.max} ms (goal < 200 ms).`,
    `The hall list's answer: ${f.listBytes.one} bytes for one hall, ${f.listBytes.city} bytes for ${f.halls} halls.`,
    `Two instances on the city's database: ${f.shared.accepted} bookings counted by wrk through both (its limit stops counting, not the requests in flight), ${f.shared.stored} in the store, ${f.shared.disagreeing} slots whose count disagrees with their bookings; a hall made through one ${f.shared.hallSeenByOther ? 'was served by the other within 3 s' : 'was NOT served by the other'}.`,
    '',
    `Commands: ${f.list.city.command.replace(/127\.0\.0\.1:\d+/, 'HOST:PORT')}; ${f.booking.city.command.replace(/127\.0\.0\.1:\d+/, 'HOST:PORT')}`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await measureHalls();
  if (f) console.log(`\n${hallsReport(f)}`);
}
