// The cluster primary: forks the worker processes, replaces those that die (when, and when to
// give up, is restart-policy's call), and stops them all on SIGTERM/SIGINT.
import cluster from 'node:cluster';
import { performance } from 'node:perf_hooks';
import type { pino } from 'pino';
import { type ExitCause, type RestartLimits, RestartPolicy } from './restart-policy.js';

export interface SupervisorOptions {
  workers: number;
  limits: Readonly<RestartLimits>;
  logger: pino.Logger;
  /** Called once, when all workers first listen. */
  onServing(): void;
}

const DIED: Record<ExitCause, string> = {
  killed: 'worker was stopped from outside',
  crashed: 'worker crashed',
  'failed-to-start': 'worker failed to start',
};

/**
 * V8 flags for the workers, each unless the operator passed their own (node --max-semi-space-size=…
 * main.js, or in NODE_OPTIONS).
 * - `--max-semi-space-size=4`: V8 grows the young generation to 2 × 16 MB while the app starts
 *   (schemas, routes) and keeps it: a third of an idle worker's memory. At 2 × 4 MB an idle worker
 *   holds about 25 MB less and its peak under load drops too, for a few more (cheap) scavenges.
 * - `--max-old-space-size=1024`: with the default limit (about 4 GB here) V8 lets the old generation
 *   fill with garbage to several times the live heap (~25 MB) before a full collection, so a worker
 *   under load sometimes peaked at 150–210 MB; with a 1 GB limit it collects sooner (peaks 123–138 MB
 *   in 3 runs against 131–153 MB without, same throughput). A worker whose live data passed 1 GB
 *   would stop and be restarted by the supervisor.
 * `--optimize-for-size` would save ~12 MB more but cost the read path 10–15 % of its CPU per
 * request, so it is left to the operator.
 */
const WORKER_DEFAULTS: readonly [flag: string, value: string][] = [
  ['--max-semi-space-size', '4'],
  ['--max-old-space-size', '1024'],
];

export function workerExecArgv(execArgv: readonly string[], nodeOptions = ''): string[] {
  // V8 reads --max_semi_space_size and --max-semi-space-size alike; NODE_OPTIONS reaches the workers too.
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map((a) => (a.split('=')[0] ?? '').replaceAll('_', '-'));
  return [...execArgv, ...WORKER_DEFAULTS.filter(([flag]) => !given.includes(flag)).map(([flag, value]) => `${flag}=${value}`)];
}

export function superviseWorkers({ workers, limits, logger, onServing }: SupervisorOptions): void {
  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS) });
  const now = () => performance.now();
  const policy = new RestartPolicy(limits, now);
  const alive = new Set<number>();
  const listenedAt = new Map<number, number>();
  const pendingForks = new Set<NodeJS.Timeout>();
  let serving = false;
  let stopping = false;

  function fork() {
    const worker = cluster.fork();
    alive.add(worker.id);
    logger.info({ workerPid: worker.process.pid }, 'worker starting');
  }

  function exitWhenAllGone() {
    if (alive.size === 0) process.exit();
  }

  function stop() {
    if (stopping) return;
    stopping = true;
    for (const timer of pendingForks) clearTimeout(timer);
    pendingForks.clear();
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    exitWhenAllGone();
  }

  cluster.on('listening', (worker) => {
    listenedAt.set(worker.id, now());
    logger.info({ workerPid: worker.process.pid }, 'worker listening');
    if (!serving && listenedAt.size === workers) {
      serving = true;
      onServing();
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    const at = listenedAt.get(worker.id) ?? null;
    alive.delete(worker.id);
    listenedAt.delete(worker.id);
    if (stopping) return exitWhenAllGone();
    const workerPid = worker.process.pid;
    const decision = policy.onExit({ code, signal, listenedAt: at });
    if (decision.action === 'give-up') {
      const seconds = Math.round(decision.intervalMs / 1000);
      logger.fatal(
        { workerPid, code, signal, failures: decision.failures, withinSeconds: seconds },
        `workers failed to start ${decision.failures} times within ${seconds} s; giving up and stopping (see the errors above)`,
      );
      process.exitCode = 1;
      return stop();
    }
    logger.error(
      { workerPid, code, signal, restartInMs: decision.delayMs },
      `${DIED[decision.cause]}; starting another in ${decision.delayMs} ms`,
    );
    const timer = setTimeout(() => {
      pendingForks.delete(timer);
      fork();
    }, decision.delayMs);
    pendingForks.add(timer);
  });

  for (let i = 0; i < workers; i++) fork();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
