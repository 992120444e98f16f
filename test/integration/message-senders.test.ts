// Senders in real server processes: two instances on one PostgreSQL store send through the `http`
// driver to a local gateway. Every booking's confirmation arrives exactly once; when one instance
// is killed with -9 while the gateway holds its requests, the other sends what it held once its
// lease runs out — no message lost, and a message that may have gone out twice shows 2 attempts.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/server/db/dialect.js';
import { bookingBody } from '../support/http.js';
import { person } from '../support/people.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { type TempDatabase, createTempDatabase } from '../support/stores.js';

interface Gateway {
  url: string;
  /** Requests received per notification id (from the Idempotency-Key). */
  received: Map<string, number>;
  delayMs: number;
  close(): Promise<void>;
}

async function gateway(): Promise<Gateway> {
  const g = { received: new Map<string, number>(), delayMs: 0 } as Gateway;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['idempotency-key']);
      g.received.set(id, (g.received.get(id) ?? 0) + 1);
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `gw-${id}` }));
      }, g.delayMs);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  g.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  g.close = async () => {
    server.closeAllConnections();
    server.close();
  };
  return g;
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('senders in two instances (PostgreSQL)', () => {
  let temp: TempDatabase | null = null;
  let dir: string;
  let gw: Gateway;
  const servers: ServerProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    temp = await createTempDatabase('postgres');
    if (!temp) return;
    dir = mkdtempSync(join(tmpdir(), 'vreserve-senders-'));
    gw = await gateway();
    env = {
      DATA_DIR: dir,
      DATABASE_URL: temp.url,
      SECRET: 'senders-test-secret-0123456789',
      DATA_KEY: Buffer.alloc(32, 3).toString('base64'),
      SMS_DRIVER: 'http',
      SMS_HTTP_URL: gw.url,
      SMS_HTTP_SECRET: 'gateway-secret-0123456789',
      SMS_TIMEOUT_MS: '2500',
      SMS_LEASE_SECONDS: '3',
      QUIET_HOURS: 'off',
      RATE_LIMIT_PER_MINUTE: '0',
      VRESERVE_CLOCK: '2026-11-25T10:00:00+08:00',
      // Both instances read the same clock (leases are compared across instances).
      VRESERVE_CLOCK_ANCHOR: String(Date.now()),
    };
    servers.push(await startServer({ ...env, WORKERS: '1' }), await startServer({ ...env, WORKERS: '2' }));
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL');
    await gw?.close();
    await temp?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const book = async (server: ServerProcess, i: number, slot: string) => {
    const res = await fetch(`${server.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bookingBody(person(i), { date: '2026-11-26', slot, serviceId: 1 + (i % 4) })),
    });
    expect(res.status).toBe(201);
  };
  const confirmations = async () => {
    const store = openStore(env.DATABASE_URL as string);
    try {
      return await store.db.selectFrom('notification').select(['id', 'status', 'attempts']).where('kind', '=', 'booking.confirmed').orderBy('id').execute();
    } finally {
      await store.close();
    }
  };

  it('each confirmation reaches the gateway exactly once', async (c) => {
    if (!temp) return c.skip();
    const [a, b] = servers as [ServerProcess, ServerProcess];
    await Promise.all(Array.from({ length: 30 }, (_, i) => book(i % 2 ? a : b, i, '09:00')));
    await until('30 confirmations', () => gw.received.size >= 30);
    const rows = await confirmations();
    expect(rows).toHaveLength(30);
    await until('all recorded as sent', async () => (await confirmations()).every((r) => r.status === 'sent'));
    expect([...gw.received.keys()].sort()).toEqual(rows.map((r) => `vreserve-${r.id}`).sort());
    expect([...gw.received.values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it('kill -9 of an instance mid-batch loses no message; a repeat is visible as a second attempt', async (c) => {
    if (!temp) return c.skip();
    const [a, b] = servers as [ServerProcess, ServerProcess];
    gw.received.clear();
    gw.delayMs = 1500;
    const before = gw.received.size;
    // Booked through the first instance, whose sender wakes at once and claims them.
    await Promise.all(Array.from({ length: 20 }, (_, i) => book(a, 100 + i, '10:00')));
    await until('requests in flight', () => gw.received.size >= before + 4);
    const pid = a.child.pid;
    a.child.kill('SIGKILL');
    await once(a.child, 'exit');
    gw.delayMs = 0;
    const store = openStore(env.DATABASE_URL as string);
    const held = await store.db
      .selectFrom('notification')
      .select('id')
      .where('status', '=', 'sending')
      .where('lease_owner', 'like', `%:${pid}:%`)
      .execute();
    await store.close();
    // The killed instance was holding messages (else this test would prove nothing).
    expect(held.length).toBeGreaterThan(0);
    await until('every confirmation sent', async () => {
      const rows = await confirmations();
      return rows.length === 50 && rows.every((r) => r.status === 'sent');
    });
    const rows = (await confirmations()).slice(30);
    for (const r of rows) expect(gw.received.get(`vreserve-${r.id}`) ?? 0, `notification ${r.id}`).toBeGreaterThanOrEqual(1);
    const repeated = rows.filter((r) => (gw.received.get(`vreserve-${r.id}`) ?? 0) > 1);
    // Only what the killed instance held can repeat, and the log shows it as a second attempt.
    const heldIds = new Set(held.map((h) => h.id));
    for (const r of repeated) {
      expect(heldIds.has(r.id)).toBe(true);
      expect(Number(r.attempts)).toBeGreaterThanOrEqual(2);
    }
    for (const r of rows.filter((x) => heldIds.has(x.id))) expect(Number(r.attempts)).toBe(2);
    console.info(`kill -9 mid-batch: ${rows.length} messages, the killed instance held ${held.length}, ${repeated.length} of them reached the gateway twice`);
  }, 90_000);
});
