// The real server as a child process (`vreserve serve` from source), for tests that need
// several worker processes or a real socket.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = 'src/server/main.ts';

export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as { port: number };
  srv.close();
  await once(srv, 'close');
  return port;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `vreserve serve` and resolves once every worker listens (it logs "serving at").
 * `maxOpenFiles` lowers the process's open-file limit (ulimit -n) first; `cwd` runs another copy
 * of the source (an earlier release checked out by a test); `command` replaces `node --import tsx
 * src/server/main.ts serve` (e.g. the built server, as the systemd unit starts it).
 */
export async function startServer(
  env: Record<string, string>,
  opts: { maxOpenFiles?: number; cwd?: string; command?: string[]; port?: number } = {},
): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const node = opts.command ?? [process.execPath, '--import', 'tsx', MAIN, 'serve'];
  const [command, ...args] = opts.maxOpenFiles ? ['/bin/sh', '-c', `ulimit -n ${opts.maxOpenFiles} && exec "$0" "$@"`, ...node] : node;
  const child = spawn(command as string, args, {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('is serving at')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${out}`)));
  });
  await ready;
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}

/** Runs a one-shot CLI command (`check`, `migrate`, or with arguments: ['admin', 'create', …]). */
export function runCli(
  command: string | string[],
  env: Record<string, string>,
  opts: { cwd?: string; input?: string } = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...[command].flat()], {
    cwd: opts.cwd ?? ROOT,
    ...(opts.input !== undefined ? { input: opts.input } : {}),
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
