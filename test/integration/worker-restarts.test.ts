// One worker dying never takes the server down: kill -9 a worker and then its replacement before
// it listens, again and again, and the instance keeps answering. Only workers that keep failing
// to start by themselves (here: the port is taken by another program) make the primary give up.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { person } from '../support/people.js';
import { type ServerProcess, freePort, startServer } from '../support/server-process.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';

const CLOCK = '2026-11-25T08:30:00+08:00';
const CYCLES = 6;

interface LogLine {
  msg?: string;
  workerPid?: number;
}

function logLines(server: ServerProcess, from = 0): LogLine[] {
  return server
    .output()
    .slice(from)
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
}

/** Waits for the server to log a line matching `match` after output position `from`. */
async function nextLog(server: ServerProcess, from: number, match: (l: LogLine) => boolean, waitMs = 60_000): Promise<LogLine> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const found = logLines(server, from).find(match);
    if (found) return found;
    if (server.child.exitCode !== null) throw new Error(`the server exited (${server.child.exitCode}):\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`no such log line within ${waitMs} ms:\n${server.output().slice(from)}`);
    const done = new AbortController();
    const { signal } = done;
    await Promise.race([
      once(server.child.stdout!, 'data', { signal }),
      once(server.child.stderr!, 'data', { signal }),
      once(server.child, 'exit', { signal }),
    ]).finally(() => done.abort());
  }
}

const is = (msg: string, workerPid?: number) => (l: LogLine) => l.msg === msg && (workerPid === undefined || l.workerPid === workerPid);

function listeningWorkers(server: ServerProcess): number[] {
  const listening = new Set<number>();
  for (const l of logLines(server)) {
    if (l.msg === 'worker listening') listening.add(l.workerPid!);
    else if (l.msg?.includes('starting another')) listening.delete(l.workerPid!);
  }
  return [...listening];
}

for (const kind of wantedStores()) {
  describe(`two workers on ${kind}, killed again and again`, () => {
    let dataDir = '';
    let server: ServerProcess | null = null;
    let temp: TempDatabase | null = null;
    // The client/server stores pay for a database connection per worker start: fewer rounds there.
    const cycles = kind === 'sqlite' ? CYCLES : 3;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'vreserve-restarts-'));
      if (kind !== 'sqlite') {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return;
      }
      server = await startServer({
        DATA_DIR: dataDir,
        DATABASE_URL: temp?.url ?? `sqlite:${join(dataDir, 'vreserve.db')}`,
        VRESERVE_CLOCK: CLOCK,
        SECRET: 'restarts-test-secret-0123456789',
        RATE_LIMIT_PER_MINUTE: '0',
        WORKERS: '2',
      });
    });

    afterAll(async () => {
      await server?.stop();
      await temp?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it(`survives ${cycles} rounds of kill -9 of a worker and of its replacement before it listens`, { timeout: 240_000 }, async (c) => {
      if (!server) return c.skip();
      const s = server;
      for (let cycle = 0; cycle < cycles; cycle++) {
        const [victim] = listeningWorkers(s);
        expect(victim, `a listening worker in round ${cycle + 1}`).toBeDefined();
        const from = s.output().length;
        process.kill(victim!, 'SIGKILL');
        const replacement = (await nextLog(s, from, is('worker starting'))).workerPid!;
        process.kill(replacement, 'SIGKILL');
        // It really died before it listened, and the primary saw a kill, not a failure to start.
        await nextLog(s, from, is('worker was stopped from outside; starting another in 100 ms', replacement));
        expect(logLines(s, from).some(is('worker listening', replacement))).toBe(false);
        // Log lines come in batches (at most 250 ms late): the third's start may share one with the
        // replacement's death, so it is looked for by pid from the same place, not after that line.
        const third = (await nextLog(s, from, (l) => l.msg === 'worker starting' && l.workerPid !== replacement)).workerPid!;
        await nextLog(s, from, is('worker listening', third));
      }

      expect(s.child.exitCode).toBeNull();
      expect(listeningWorkers(s)).toHaveLength(2);
      expect(s.output()).not.toContain('giving up');
      const health = await fetch(`${s.url}/healthz`);
      expect(health.status).toBe(200);
      const booking = await fetch(`${s.url}/api/v1/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceId: 4, date: '2026-11-25', slot: '14:00', ...person(9100) }),
      });
      expect(booking.status).toBe(201);
    });
  });
}

describe('workers that can never start', () => {
  it('make the primary give up after 5 failures within 60 s, saying so, with a non-zero exit', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vreserve-no-start-'));
    // Another program already has the port: only the workers find out, when they listen.
    const port = await freePort();
    const squatter = createServer().listen(port, '127.0.0.1');
    await once(squatter, 'listening');
    try {
      const started = startServer({
        DATA_DIR: dataDir,
        DATABASE_URL: `sqlite:${join(dataDir, 'vreserve.db')}`,
        SECRET: 'restarts-test-secret-0123456789',
        PORT: String(port),
        WORKERS: '2',
      });
      const error = await started.then(
        () => new Error('the server started although its port is taken'),
        (e: Error) => e,
      );
      expect(error.message).toMatch(/^server exited with 1 before it was ready/);
      expect(error.message).toContain('EADDRINUSE');
      expect(error.message.match(/worker failed to start; starting another in/g)).toHaveLength(4);
      expect(error.message).toContain('workers failed to start 5 times within 60 s; giving up');
    } finally {
      squatter.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
