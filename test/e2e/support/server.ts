// The real server on a temp SQLite store with a simulated hall clock, one worker, a free port.
// Its first-start banner (the admin's one-time password, the kiosk and display pairing links)
// is read from stdout so tests can sign in and pair; restart() brings it back on the same store.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './web-build.js';

export const DEFAULT_CLOCK = '2026-11-25T08:30:00+08:00';

/** What the server prints once, on its first start. */
export interface FirstStart {
  username: string;
  password: string;
  /** '/kiosk#pair=TOKEN' */
  kioskPairPath: string;
  /** '/display#pair=TOKEN' */
  displayPairPath: string;
  kioskToken: string;
  displayToken: string;
}

/** Reads the first-start banner; null until all of it has been printed. */
export function parseFirstStart(output: string): FirstStart | null {
  const user = /sign in as "([^"]+)" with the one-time password (\S+)/.exec(output);
  const kiosk = /(\/kiosk#pair=([\w-]+))/.exec(output);
  const display = /(\/display#pair=([\w-]+))/.exec(output);
  if (!user || !kiosk || !display) return null;
  return {
    username: user[1] as string,
    password: user[2] as string,
    kioskPairPath: kiosk[1] as string,
    kioskToken: kiosk[2] as string,
    displayPairPath: display[1] as string,
    displayToken: display[2] as string,
  };
}

export interface RunningServer {
  url: string;
  firstStart: FirstStart;
  /** Headers that make an API call come from the paired kiosk (for arranging a scene). */
  asKiosk: Record<string, string>;
  /** JSON over HTTP to the server, for arranging a scene (filling a slot …). */
  api<T = unknown>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T }>;
  /** Stops the server, runs `whileDown`, and starts it again on the same port and store (a restart in the hall). */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not ready after 60 s:\n${output()}`);
}

async function waitFirstStart(output: () => string, child: ChildProcess): Promise<FirstStart> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const first = parseFirstStart(output());
    if (first) return first;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no first-start banner (one-time password, pairing links) in the server output:\n${output()}`);
}

export async function startServer(opts: { clock?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vreserve-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // One anchor for every launch: after restart() the hall clock carries on instead of starting over.
  const clockAnchor = String(Date.now());
  let log = '';
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const launch = async () => {
    const running = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        PORT: String(port),
        HOST: '127.0.0.1',
        WORKERS: '1',
        VRESERVE_CLOCK: opts.clock ?? DEFAULT_CLOCK,
        VRESERVE_CLOCK_ANCHOR: clockAnchor,
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '0',
        NODE_ENV: 'test',
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = running;
    running.stdout?.on('data', (d) => (log += d));
    running.stderr?.on('data', (d) => (log += d));
    exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    await waitReady(url, running, () => log);
    return running;
  };

  const stopChild = async () => {
    const running = child;
    if (running && running.exitCode === null) {
      running.kill('SIGTERM');
      const killer = setTimeout(() => running.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
  };

  const killNow = () => child?.kill('SIGKILL');
  let firstStart: FirstStart;
  try {
    firstStart = await waitFirstStart(() => log, await launch());
  } catch (error) {
    killNow();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    url,
    firstStart,
    asKiosk: { authorization: `Bearer ${firstStart.kioskToken}` },
    async api(method, path, body, headers = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        // Sent as our own pages send it: cookie-authenticated writes must name their origin.
        headers: { origin: url, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? null : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    async restart(whileDown) {
      await stopChild();
      await whileDown?.();
      await launch();
    },
    async stop() {
      await stopChild();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
