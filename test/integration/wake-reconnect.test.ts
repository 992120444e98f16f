// The wake-up connection of live events comes back after the database or Redis dropped it, and
// an event committed while it was away does not wait for the next poll. The buses here poll
// once a minute, so delivery within a second can only come from a wake-up.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/contracts/events.js';
import { type Store, openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { EventBus, type WakeChannel } from '../../src/server/events/event-bus.js';
import { openWakeChannel } from '../../src/server/events/wake-channel.js';
import { appendEvent } from '../../src/server/repositories/event.repository.js';
import { type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';

const POLL_MS = 60_000;

/** Two processes' worth of live events on one store: `here` listens, `there` commits. */
interface Side {
  store: Store;
  channel: WakeChannel;
  bus: EventBus;
}

async function received(bus: EventBus): Promise<{
  events: LiveEvent[];
  waitFor(number: string, timeoutMs: number): Promise<number>;
}> {
  const events: LiveEvent[] = [];
  const waiters = new Set<() => void>();
  await bus.subscribe((e) => {
    events.push(e);
    for (const w of waiters) w();
  });
  return {
    events,
    waitFor(number, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!events.some((e) => e.number === number)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(Date.now());
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`event ${number} not delivered within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

async function commitEvent(side: Side, number: string): Promise<void> {
  await appendEvent(side.store.db, {
    type: 'ticket.walk_in',
    hallId: 1,
    serviceId: 1,
    date: '2026-11-25',
    at: new Date().toISOString(),
    number,
  });
  side.bus.committed();
}

async function openSide(databaseUrl: string, channel: WakeChannel): Promise<Side> {
  const store = openStore(databaseUrl, { poolSize: 2 });
  return { store, channel, bus: new EventBus(store.db, channel, { pollMs: POLL_MS }) };
}

async function closeSide(side: Side | null): Promise<void> {
  await side?.bus.close();
  await side?.store.close();
}

if (wantedStores().includes('postgres')) {
  describe('the PostgreSQL LISTEN connection', () => {
    let temp: TempDatabase | null = null;
    let here: Side | null = null;
    let there: Side | null = null;
    let admin: pg.Client | null = null;
    const reconnects: number[] = [];

    beforeAll(async () => {
      temp = await createTempDatabase('postgres');
      if (!temp) return;
      const url = temp.url;
      const migrator = openStore(url, { poolSize: 1 });
      await migrateToLatest(migrator.db);
      await migrator.close();
      const opts = { redisUrl: null, databaseUrl: url, dialect: 'postgres' };
      here = await openSide(url, (await openWakeChannel(opts, { onReconnect: (ms) => reconnects.push(ms) })) as WakeChannel);
      there = await openSide(url, (await openWakeChannel(opts)) as WakeChannel);
      // On another database: a database cannot refuse connections while one is open on it.
      const adminUrl = new URL(url);
      adminUrl.pathname = '/postgres';
      admin = new pg.Client({ connectionString: adminUrl.toString() });
      await admin.connect();
    });

    afterAll(async () => {
      await closeSide(here);
      await closeSide(there);
      await admin?.end();
      await temp?.drop();
    });

    it('listens again after pg_terminate_backend, and delivers what was committed meanwhile within 1 s', async (c) => {
      if (!here || !there || !admin || !temp) return c.skip();
      const seen = await received(here.bus);
      await commitEvent(there, 'A001');
      await seen.waitFor('A001', 1000);

      // The database refuses new connections for a moment (a restart), and both processes'
      // listening connections are terminated (the second argument waits until they are gone).
      const db = new URL(temp.url).pathname.slice(1);
      await admin.query(`alter database ${db} allow_connections false`);
      const killedAt = Date.now();
      const { rows } = await admin.query(
        `select pg_terminate_backend(pid, 5000) as done from pg_stat_activity
          where datname = $1 and query ilike 'listen %'`,
        [db],
      );
      expect(rows.filter((r) => r.done)).toHaveLength(2);
      // Committed over connections that survived; nobody listens, so its NOTIFY is lost.
      await commitEvent(there, 'A002');
      expect(seen.events.map((e) => e.number)).toEqual(['A001']);
      await admin.query(`alter database ${db} allow_connections true`);
      const backAt = Date.now();
      const deliveredAt = await seen.waitFor('A002', 1000);
      await commitEvent(there, 'A003');
      await seen.waitFor('A003', 1000);
      expect(reconnects.length).toBeGreaterThanOrEqual(1);
      console.info(
        `LISTEN reconnect: down ${backAt - killedAt} ms; listening again after ${reconnects[0]} ms; ` +
          `the event committed meanwhile delivered ${deliveredAt - backAt} ms after the database took connections again`,
      );
      expect(seen.events.map((e) => e.number)).toEqual(['A001', 'A002', 'A003']);
    });
  });
}

describe('the Redis subscriber connection', () => {
  const url = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
  const name = `vreserve-wake-test-${randomBytes(4).toString('hex')}`;
  let dir = '';
  let here: Side | null = null;
  let there: Side | null = null;
  let probe: Redis | null = null;
  const reconnects: number[] = [];

  beforeAll(async () => {
    probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      await probe.connect();
    } catch (error) {
      const reason = `redis at ${url.replace(/\/\/[^@/]*@/, '//***@')} is not reachable: ${(error as Error).message}`;
      if (process.env.CI === 'true') throw new Error(`${reason} (CI requires Redis)`);
      console.warn(`skipping: ${reason}`);
      probe = null;
      return;
    }
    dir = mkdtempSync(join(tmpdir(), 'vreserve-wake-'));
    const databaseUrl = `sqlite:${join(dir, 'v.db')}`;
    const migrator = openStore(databaseUrl);
    await migrateToLatest(migrator.db);
    await migrator.close();
    const opts = { redisUrl: url, databaseUrl, dialect: 'sqlite' };
    here = await openSide(databaseUrl, (await openWakeChannel(opts, { name, onReconnect: (ms) => reconnects.push(ms) })) as WakeChannel);
    there = await openSide(databaseUrl, (await openWakeChannel(opts, { name })) as WakeChannel);
  });

  afterAll(async () => {
    await closeSide(here);
    await closeSide(there);
    probe?.disconnect();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('subscribes again after CLIENT KILL, and delivers what was published meanwhile within 1 s', async (c) => {
    if (!here || !there || !probe) return c.skip();
    const seen = await received(here.bus);
    await commitEvent(there, 'R001');
    await seen.waitFor('R001', 1000);

    // Only this test's subscribers (other test files may use the same Redis).
    const list = (await probe.call('client', 'list', 'type', 'pubsub')) as string;
    const ids = list
      .split('\n')
      .filter((line) => line.includes(` name=${name} `))
      .map((line) => /\bid=(\d+)/.exec(line)?.[1]);
    expect(ids).toHaveLength(2);
    const killedAt = Date.now();
    for (const id of ids) await probe.call('client', 'kill', 'id', id as string);
    // Nobody here is subscribed at this moment: only the reconnect can deliver it.
    await commitEvent(there, 'R002');
    const deliveredAt = await seen.waitFor('R002', 1000);
    await commitEvent(there, 'R003');
    await seen.waitFor('R003', 1000);
    expect(reconnects.length).toBeGreaterThanOrEqual(1);
    console.info(`Redis reconnect: subscribed again after ${reconnects[0]} ms; the event published meanwhile delivered ${deliveredAt - killedAt} ms after the kill`);
    expect(seen.events.map((e) => e.number)).toEqual(['R001', 'R002', 'R003']);
  });
});
