// Live updates cross worker processes and server instances within a second, and a client that
// reconnects with Last-Event-ID receives what it missed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { openSse } from '../support/sse.js';
import { type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';

const CLOCK = '2026-11-25T10:00:00+08:00';

function tokensFrom(output: string): { kiosk: string; display: string } {
  const kiosk = /\/kiosk#pair=([\w-]+)/.exec(output)?.[1];
  const display = /\/display#pair=([\w-]+)/.exec(output)?.[1];
  if (!kiosk || !display) throw new Error(`no first-start banner in:\n${output}`);
  return { kiosk, display };
}

async function walkIn(base: string, kioskToken: string, serviceId = 1): Promise<string> {
  const res = await fetch(`${base}/api/v1/kiosk/walk-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` },
    body: JSON.stringify({ serviceId }),
  });
  const body = (await res.json()) as { ticket: { number: string } };
  return body.ticket.number;
}

interface Setup {
  name: string;
  store: 'sqlite' | 'postgres' | 'mysql';
  /** One process with 2 workers, or two processes with 1 worker each. */
  processes: 1 | 2;
  redis?: boolean;
}

const SETUPS: Setup[] = [
  { name: 'two workers of one server on SQLite (polling)', store: 'sqlite', processes: 1 },
  { name: 'two server instances on PostgreSQL (LISTEN/NOTIFY)', store: 'postgres', processes: 2 },
  { name: 'two server instances on MariaDB (polling)', store: 'mysql', processes: 2 },
  { name: 'two server instances on MariaDB with Redis pub/sub', store: 'mysql', processes: 2, redis: true },
];

for (const setup of SETUPS.filter((s) => wantedStores().includes(s.store))) {
  describe(setup.name, () => {
    let temp: TempDatabase | null = null;
    let dir = '';
    const servers: ServerProcess[] = [];
    let tokens = { kiosk: '', display: '' };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vreserve-live-'));
      let databaseUrl = `sqlite:${join(dir, 'v.db')}`;
      if (setup.store !== 'sqlite') {
        temp = await createTempDatabase(setup.store);
        if (!temp) return;
        databaseUrl = temp.url;
      }
      const env = {
        DATA_DIR: dir,
        DATABASE_URL: databaseUrl,
        VRESERVE_CLOCK: CLOCK,
        SECRET: 'live-events-secret-0123456789',
        RATE_LIMIT_PER_MINUTE: '0',
        ...(setup.redis ? { REDIS_URL: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379' } : {}),
      };
      servers.push(await startServer({ ...env, WORKERS: setup.processes === 1 ? '2' : '1' }));
      tokens = tokensFrom(servers[0]?.output() ?? '');
      if (setup.processes === 2) servers.push(await startServer({ ...env, WORKERS: '1' }));
    });

    afterAll(async () => {
      for (const s of servers) await s.stop();
      await temp?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('every walk-in reaches a display listening elsewhere within 1 s', async (c) => {
      if (servers.length === 0) return c.skip();
      const listen = servers[0] as ServerProcess;
      const act = servers.at(-1) as ServerProcess;
      const sse = await openSse(`${listen.url}/api/v1/events`, { authorization: `Bearer ${tokens.display}` });
      try {
        const latencies: number[] = [];
        for (let i = 0; i < 8; i++) {
          const sent = Date.now();
          const number = await walkIn(act.url, tokens.kiosk);
          const e = await sse.waitFor((x) => x.type === 'ticket.walk_in' && x.data.number === number, 1000);
          latencies.push(e.receivedAt - sent);
        }
        expect(Math.max(...latencies)).toBeLessThan(1000);
      } finally {
        sse.close();
      }
    });

    it('a reconnect with Last-Event-ID receives what it missed, once', async (c) => {
      if (servers.length === 0) return c.skip();
      const listen = servers[0] as ServerProcess;
      const act = servers.at(-1) as ServerProcess;
      const auth = { authorization: `Bearer ${tokens.display}` };
      const first = await openSse(`${listen.url}/api/v1/events`, auth);
      const seen = await walkIn(act.url, tokens.kiosk, 2);
      const last = await first.waitFor((e) => e.data.number === seen, 1000);
      first.close();
      const missed = [await walkIn(act.url, tokens.kiosk, 2), await walkIn(act.url, tokens.kiosk, 2)];
      const again = await openSse(`${listen.url}/api/v1/events`, { ...auth, 'last-event-id': String(last.id) });
      try {
        await again.waitFor((e) => e.data.number === missed[1], 1000);
        const numbers = again.events.map((e) => e.data.number);
        expect(numbers).toEqual(missed);
      } finally {
        again.close();
      }
    });

    it('the public stream tells that counts changed, without numbers', async (c) => {
      if (servers.length === 0) return c.skip();
      const pub = await openSse(`${(servers[0] as ServerProcess).url}/api/v1/events/public`);
      try {
        await walkIn((servers.at(-1) as ServerProcess).url, tokens.kiosk, 3);
        const e = await pub.waitFor((x) => x.type === 'ticket.walk_in', 1000);
        expect(e.data).toEqual({
          id: e.id,
          type: 'ticket.walk_in',
          hallId: 1,
          serviceId: 3,
          date: '2026-11-25',
          at: expect.any(String),
        });
      } finally {
        pub.close();
      }
    });

    it('the public stream opened from a position (?lastEventId=, as the booking page opens it) replays what came after it', async (c) => {
      if (servers.length === 0) return c.skip();
      const base = (servers[0] as ServerProcess).url;
      const { lastId } = (await (await fetch(`${base}/api/v1/events/public/poll`)).json()) as { lastId: number };
      await walkIn((servers.at(-1) as ServerProcess).url, tokens.kiosk, 2);
      const pub = await openSse(`${base}/api/v1/events/public?lastEventId=${lastId}`);
      try {
        const e = await pub.waitFor((x) => x.type === 'ticket.walk_in' && x.data.serviceId === 2, 1000);
        expect(e.id).toBeGreaterThan(lastId);
        expect(pub.events.every((x) => x.id > lastId)).toBe(true);
      } finally {
        pub.close();
      }
    });
  });
}
