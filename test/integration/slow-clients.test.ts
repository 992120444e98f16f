// Slow and hostile clients against a real server process: bodies and headers trickled a byte at
// a time, idle connections, many connections from one address, and running out of file handles.
// Every loop is bounded and only 127.0.0.1 is targeted (attackers connect from 127.0.0.2, which
// is loopback too, so that the per-address cap tells them from the health check).
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { defaultMaxConnections, openFileLimit } from '../../src/server/http/connection-limits.js';
import { person } from '../support/people.js';
import { type ServerProcess, startServer } from '../support/server-process.js';
import { type SseStream, openSse } from '../support/sse.js';

const CLOCK = '2026-11-25T08:30:00+08:00';
const ATTACKER = '127.0.0.2';

interface Probe {
  socket: Socket;
  openedAt: number;
  closedAt: number | null;
  response: string;
  closed: Promise<void>;
}

/** Waits for a count to reach a target, told by the events that change it. */
class Tally {
  #n = 0;
  #waiters: { target: number; resolve: () => void }[] = [];
  get value() {
    return this.#n;
  }
  add() {
    this.#n++;
    for (const w of this.#waiters.filter((x) => x.target <= this.#n)) w.resolve();
    this.#waiters = this.#waiters.filter((x) => x.target > this.#n);
  }
  reach(target: number, timeoutMs: number): Promise<void> {
    if (this.#n >= target) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${this.#n} of ${target} after ${timeoutMs} ms`)), timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.#waiters.push({ target, resolve: done });
    });
  }
}

/** A raw connection that sends `first` and then one byte of `drip` every `everyMs`. */
function probe(port: number, opts: { first?: string; drip?: string; everyMs?: number; localAddress?: string; closedTally?: Tally }): Probe {
  const socket = connect({ host: '127.0.0.1', port, localAddress: opts.localAddress ?? ATTACKER });
  const p: Probe = { socket, openedAt: Date.now(), closedAt: null, response: '', closed: Promise.resolve() };
  let timer: NodeJS.Timeout | undefined;
  socket.on('connect', () => {
    if (opts.first) socket.write(opts.first);
    if (opts.drip) timer = setInterval(() => socket.writable && socket.write(opts.drip as string), opts.everyMs ?? 500);
  });
  socket.on('data', (chunk) => {
    p.response += chunk.toString();
  });
  socket.on('error', () => {});
  p.closed = new Promise((resolve) => {
    socket.on('close', () => {
      clearInterval(timer);
      p.closedAt = Date.now();
      opts.closedTally?.add();
      resolve();
    });
  });
  return p;
}

/** GET over a new connection; how long the answer took. */
function timedGet(port: number, path: string, localAddress = '127.0.0.1'): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, localAddress, agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - started }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path}: no answer in 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * GET that asks again while the connection is reset, for up to `withinMs`: a worker learns that a
 * connection closed a moment after its client does, so one still at MAX_CONNECTIONS for that moment
 * turns the next connection away. The time is counted from the first try.
 */
async function getSoonAfter(port: number, path: string, withinMs: number): Promise<{ status: number; ms: number; resets: number }> {
  const started = Date.now();
  for (let resets = 0; ; resets++) {
    try {
      const { status } = await timedGet(port, path);
      return { status, ms: Date.now() - started, resets };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET' || Date.now() - started > withinMs) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

function portOf(server: ServerProcess): number {
  return Number(new URL(server.url).port);
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

function baseEnv(dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${join(dataDir, 'vreserve.db')}`,
    VRESERVE_CLOCK: CLOCK,
    SECRET: 'slow-clients-secret-0123456789',
    RATE_LIMIT_PER_MINUTE: '0',
  };
}

describe('slow clients (two workers, per-address cap 50)', () => {
  let dataDir = '';
  let server: ServerProcess | null = null;
  const REQUEST_TIMEOUT_MS = 3000;
  const HEADERS_TIMEOUT_MS = 1000;
  const KEEP_ALIVE_TIMEOUT_MS = 1000;

  let sse: SseStream | null = null;
  let sseOpenedAt = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'vreserve-slow-'));
    server = await startServer({
      ...baseEnv(dataDir),
      WORKERS: '2',
      HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_TIMEOUT_MS),
      MAX_CONNECTIONS_PER_ADDRESS: '50',
    });
    // A booking page's live stream, open through everything below.
    sse = await openSse(`${server.url}/api/v1/events/public`);
    sseOpenedAt = Date.now();
  });
  afterAll(async () => {
    sse?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('300 slow-body connections: the excess is turned away, /healthz answers at once, the slow ones end after REQUEST_TIMEOUT_MS, live streams stay open', async () => {
    const s = server as ServerProcess;
    const port = portOf(s);
    {
      const closed = new Tally();
      const head = `POST /api/v1/bookings HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{`;
      const slow = Array.from({ length: 300 }, () => probe(port, { first: head, drip: ' ', everyMs: 300, closedTally: closed }));
      // Each of the two workers keeps at most 50 of them and closes the rest at once.
      await closed.reach(200, 10_000);
      const health = await timedGet(port, '/healthz');
      const openWhileChecked = slow.filter((p) => p.closedAt === null);

      await Promise.all(slow.map((p) => p.closed));
      const held = slow.filter((p) => p.response.startsWith('HTTP/1.1 408 '));
      const turnedAway = slow.filter((p) => !held.includes(p));
      const lifetimes = held.map((p) => (p.closedAt as number) - p.openedAt);
      console.info(
        `slow clients: ${turnedAway.length} turned away, ${held.length} held; /healthz answered in ${health.ms} ms with ${openWhileChecked.length} slow connections open; the held ones ended after ${Math.min(...lifetimes)}–${Math.max(...lifetimes)} ms (REQUEST_TIMEOUT_MS ${REQUEST_TIMEOUT_MS})`,
      );
      expect(health.status).toBe(200);
      expect(openWhileChecked.filter((p) => held.includes(p)).length).toBeGreaterThan(0); // still under attack when it answered
      expect(held.length).toBeGreaterThan(0);
      expect(held.length).toBeLessThanOrEqual(100);
      for (const p of turnedAway) {
        expect(p.response).toBe('');
        expect((p.closedAt as number) - p.openedAt).toBeLessThan(REQUEST_TIMEOUT_MS - 100);
      }
      expect(Math.min(...lifetimes)).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
      expect(Math.max(...lifetimes)).toBeLessThan(REQUEST_TIMEOUT_MS + 3000);

      // Afterwards everything answers, the attacker's address included.
      expect((await timedGet(port, '/healthz', ATTACKER)).status).toBe(200);
      const booking = await fetch(`${s.url}/api/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 1, date: '2026-11-25', slot: '10:00', ...person(1) }),
      });
      expect(booking.status).toBe(201);
    }
  });

  it('slow headers, silent connections and idle keep-alive connections are closed after their timeouts', async () => {
    const port = portOf(server as ServerProcess);
    const slowHeaders = Array.from({ length: 5 }, () => probe(port, { first: `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`, drip: 'X', everyMs: 100 }));
    const silent = Array.from({ length: 5 }, () => probe(port, {}));
    const keptAlive = probe(port, { first: `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n` });
    await Promise.all([...slowHeaders, ...silent, keptAlive].map((p) => p.closed));
    const life = (p: Probe) => (p.closedAt as number) - p.openedAt;
    console.info(
      `slow clients: slow headers ended after ${slowHeaders.map(life).join(', ')} ms, silent ${silent.map(life).join(', ')} ms, idle keep-alive ${life(keptAlive)} ms`,
    );
    for (const p of slowHeaders) {
      expect(p.response).toMatch(/^HTTP\/1\.1 408 /);
      expect(life(p)).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
      expect(life(p)).toBeLessThan(HEADERS_TIMEOUT_MS + 3000);
    }
    for (const p of silent) expect(life(p)).toBeLessThan(HEADERS_TIMEOUT_MS + 3000);
    expect(keptAlive.response).toMatch(/^HTTP\/1\.1 200 /);
    expect(life(keptAlive)).toBeGreaterThanOrEqual(KEEP_ALIVE_TIMEOUT_MS - 100);
    expect(life(keptAlive)).toBeLessThan(KEEP_ALIVE_TIMEOUT_MS + 3000);
  });

  it('the live stream opened before all that outlived every timeout and still delivers', async () => {
    const s = server as ServerProcess;
    const stream = sse as SseStream;
    const seen = stream.events.length;
    const booking = await fetch(`${s.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 1, date: '2026-11-25', slot: '10:00', ...person(2) }),
    });
    expect(booking.status).toBe(201);
    const event = await stream.waitFor((e) => e.type === 'booking.created' && stream.events.indexOf(e) >= seen, 5_000);
    console.info(`slow clients: the live stream delivered after ${event.receivedAt - sseOpenedAt} ms open`);
    expect(event.receivedAt - sseOpenedAt).toBeGreaterThan(REQUEST_TIMEOUT_MS + KEEP_ALIVE_TIMEOUT_MS + HEADERS_TIMEOUT_MS);
  });
});

describe('running out of file handles (ulimit -n 256)', () => {
  let dataDir = '';
  let server: ServerProcess | null = null;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vreserve-emfile-'));
  });
  afterEach(async () => {
    await server?.stop();
    server = null;
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** 300 connections that never send a byte, until each is closed (by a cap, the system or the headers timeout). */
  async function attack(port: number): Promise<Probe[]> {
    const idle = Array.from({ length: 300 }, () => probe(port, {}));
    await Promise.all(idle.map((p) => p.closed));
    return idle;
  }

  it('with MAX_CONNECTIONS off, handles run out: logged once, the excess is turned away, the process lives on and answers after', async () => {
    server = await startServer(
      { ...baseEnv(dataDir), WORKERS: '1', HEADERS_TIMEOUT_MS: '1500', MAX_CONNECTIONS: '0', MAX_CONNECTIONS_PER_ADDRESS: '0' },
      { maxOpenFiles: 256 },
    );
    const port = portOf(server);
    const idle = await attack(port);
    const health = await timedGet(port, '/healthz');
    console.info(`out of file handles: /healthz answered in ${health.ms} ms once the ${idle.length} connections were gone`);
    expect(health.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(count(server.output(), 'out of file handles')).toBe(1);
  });

  it('two workers with the defaults: MAX_CONNECTIONS stays below the open-file limit, the excess is turned away, /healthz answers right after', async () => {
    // A headers timeout long enough that all 300 connections are open at once even on a busy machine
    // (with a short one, the first ones could time out before the last ones arrive).
    server = await startServer({ ...baseEnv(dataDir), WORKERS: '2', HEADERS_TIMEOUT_MS: '8000' }, { maxOpenFiles: 256 });
    const port = portOf(server);
    const idle = await attack(port);
    // Each worker keeps at most 128 (256 less the reserve) and turns the rest away at once. (Which
    // process turns them away — a worker at MAX_CONNECTIONS, or the cluster primary that hands the
    // connections out under the same open-file limit — depends on timing; the client sees the same.)
    const turnedAway = idle.filter((p) => (p.closedAt as number) - p.openedAt < 1000).length;
    expect(turnedAway).toBeGreaterThanOrEqual(300 - 2 * defaultMaxConnections(256));
    const health = await getSoonAfter(port, '/healthz', 2000);
    console.info(`two workers at ulimit 256: /healthz answered in ${health.ms} ms after 300 idle connections (${health.resets} reset first)`);
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(2000);
    expect(server.output()).not.toContain('out of file handles');
  });
});

describe('connection settings', () => {
  it('defaults: headers 10 s, request 30 s, keep-alive 5 s, 256 per address, total below the open-file limit', () => {
    const { connections } = loadConfig({});
    expect(connections).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: defaultMaxConnections(),
      maxConnectionsPerAddress: 256,
    });
    const limit = openFileLimit();
    if (limit !== null) expect(connections.maxConnections).toBeLessThan(limit);
    expect(defaultMaxConnections(1024)).toBe(896);
    expect(defaultMaxConnections(null)).toBe(0);
  });

  it('refuses nonsense in words', () => {
    expect(() => loadConfig({ REQUEST_TIMEOUT_MS: '0' })).toThrow(/REQUEST_TIMEOUT_MS must be a whole number from 100/);
    expect(() => loadConfig({ HEADERS_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '30000' })).toThrow(/HEADERS_TIMEOUT_MS \(60000\) must not exceed REQUEST_TIMEOUT_MS/);
    expect(() => loadConfig({ MAX_CONNECTIONS_PER_ADDRESS: 'lots' })).toThrow(/MAX_CONNECTIONS_PER_ADDRESS/);
  });
});
