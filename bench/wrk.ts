// wrk as the bench's load generator: a C program with its own event loop, so on a small machine the
// server under test keeps the CPU that a Node load generator (autocannon) would take from it.
// This file finds (or installs) wrk, runs it and reads its report.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BOOKING_SCRIPT = fileURLToPath(new URL('./wrk/booking.lua', import.meta.url));

/** What one wrk run measured. Latencies in milliseconds. */
export interface WrkFigures {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Responses outside 2xx and 3xx (wrk's "Non-2xx or 3xx responses"). */
  non2xx: number;
  /** Socket errors: connect + read + write + timeout. */
  errors: number;
  /** Responses by HTTP status and refusals by error `code`, when the Lua script counted them. */
  statuses: Record<string, number>;
  codes: Record<string, number>;
}

/** wrk writes durations as 950.00us, 1.23ms, 2.00s, 1.50m. */
export function parseDurationMs(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  if (!m) throw new Error(`not a wrk duration: "${text}"`);
  const value = Number(m[1]);
  const scale: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  return value * (scale[m[2] as string] as number);
}

/** Reads the text report of `wrk --latency`. */
export function parseWrkOutput(text: string): Omit<WrkFigures, 'statuses' | 'codes' | 'max'> & { max: number } {
  const num = (re: RegExp, what: string): string => {
    const m = re.exec(text);
    if (!m) throw new Error(`wrk output has no ${what}:\n${text}`);
    return m[1] as string;
  };
  const percentile = (p: number) => parseDurationMs(num(new RegExp(`^\\s*${p}%\\s+(\\S+)\\s*$`, 'm'), `${p}% latency (was --latency given?)`));
  const total = /^\s*(\d+) requests in ([\d.]+\w+),/m.exec(text);
  if (!total) throw new Error(`wrk output has no request count:\n${text}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const errors = socket ? socket.slice(1, 5).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    requests: Number(total[1]),
    seconds: parseDurationMs(total[2] as string) / 1000,
    rps: Math.round(Number(num(/^Requests\/sec:\s+([\d.]+)/m, 'Requests/sec'))),
    p50: percentile(50),
    p90: percentile(90),
    p99: percentile(99),
    max: parseDurationMs(num(/^\s*Latency\s+\S+\s+\S+\s+(\S+)/m, 'latency line')),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0),
    errors,
  };
}

/** Finds wrk; installs Debian's package when it is missing and we may (root with apt-get). */
export function ensureWrk(): string {
  const found = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  process.stdout.write('wrk is not installed; installing the Debian package (apt-get install wrk)…\n');
  // apt-get needs root: as root directly, else through sudo without a password prompt.
  const run = (args: string[]) =>
    process.getuid?.() === 0 ? spawnSync('apt-get', args, { stdio: 'inherit' }) : spawnSync('sudo', ['-n', 'apt-get', ...args], { stdio: 'inherit' });
  if (run(['install', '-y', 'wrk']).status !== 0) {
    run(['update']);
    run(['install', '-y', 'wrk']);
  }
  const after = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim();
  if (!after) throw new Error('wrk is needed for `npm run bench`: install it (apt-get install wrk) and run again');
  return after;
}

export interface WrkRun {
  url: string;
  seconds: number;
  connections: number;
  threads: number;
  /** A Lua script and its arguments (after `--`); with it, statuses and refusal codes are counted. */
  script?: { path: string; args: string[] };
  /** Request headers, e.g. `Accept-Encoding: gzip` as every browser sends it. */
  headers?: string[];
  /** With a script: each connection waits this long (ms) before its first request (WRK_OPEN_MS, bench/wrk/booking.lua). */
  openMs?: number;
}

/** The command line, as printed in RESULTS.md. */
export function wrkCommand(run: WrkRun): string[] {
  const args = ['wrk', '--latency', `-t${run.threads}`, `-c${run.connections}`, `-d${run.seconds}s`, '--timeout', '10s'];
  for (const h of run.headers ?? []) args.push('-H', h);
  if (run.script) args.push('-s', run.script.path);
  args.push(run.url);
  if (run.script) args.push('--', ...run.script.args);
  return args;
}

let reports = 0;

export async function runWrk(run: WrkRun): Promise<WrkFigures & { command: string }> {
  const [bin, ...args] = wrkCommand(run);
  const report = join(tmpdir(), `vreserve-wrk-${process.pid}-${reports++}.json`);
  // The Lua script marks each thread's end beside the report: none may be left from an earlier run.
  for (let t = 0; t < run.threads; t++) rmSync(`${report}.done${t}`, { force: true });
  const open = run.openMs ? { WRK_OPEN_MS: String(run.openMs) } : {};
  const child = spawn(bin as string, args, { env: { ...process.env, WRK_REPORT: report, ...open }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`wrk exited with ${code}:\n${out}`);
  const figures = parseWrkOutput(out);
  let counted: { statuses: Record<string, number>; codes: Record<string, number> } = { statuses: {}, codes: {} };
  if (run.script) {
    counted = JSON.parse(readFileSync(report, 'utf8'));
    rmSync(report, { force: true });
    for (let t = 0; t < run.threads; t++) rmSync(`${report}.done${t}`, { force: true });
  }
  const shown = wrkCommand(run).map((a) => (a === BOOKING_SCRIPT ? 'bench/wrk/booking.lua' : a));
  return { ...figures, ...counted, command: `${run.openMs ? `WRK_OPEN_MS=${run.openMs} ` : ''}${shown.join(' ')}` };
}

export function wrkVersion(): string {
  // wrk prints its version with the usage text and exits 1.
  let text: string;
  try {
    text = execFileSync('wrk', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    text = String((e as { stdout?: string }).stdout ?? '');
  }
  return /^wrk \S+/.exec(text)?.[0] ?? 'wrk';
}
