// When the cluster primary replaces a dead worker, after how long, and when it gives up.
// Pure: the supervisor reports each exit with the time from its clock and does what it is told.
//
// - A worker killed from outside (SIGKILL by an operator or the OOM killer, SIGTERM, …) is
//   replaced after the first delay, whenever it dies: one worker dying never stops the server.
// - A worker that crashes by itself (an exit code, or a crash signal such as SIGSEGV/SIGABRT) is
//   replaced with a backoff that doubles per crash, and is reset once a worker has served for a
//   while.
// - A worker that crashes by itself before it listens has failed to start. After `burst` such
//   failures within `intervalMs` (systemd's StartLimitBurst / StartLimitIntervalSec) the same
//   thing will keep failing — a port in use, an unusable data file — so the primary gives up.

export interface RestartLimits {
  /** Failures to start within `intervalMs` that make the primary give up. */
  burst: number;
  intervalMs: number;
  /** Delay before the first replacement; doubles per crash up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A worker that served this long before it died resets the backoff. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART_LIMITS: Readonly<RestartLimits> = Object.freeze({
  burst: 5,
  intervalMs: 60_000,
  initialDelayMs: 100,
  maxDelayMs: 10_000,
  healthyAfterMs: 30_000,
});

export interface WorkerExit {
  code: number | null;
  signal: string | null;
  /** When the worker started listening (on the policy's clock), or null if it never did. */
  listenedAt: number | null;
}

export type ExitCause = 'killed' | 'crashed' | 'failed-to-start';

export type RestartDecision =
  | { action: 'restart'; cause: ExitCause; delayMs: number }
  | { action: 'give-up'; cause: 'failed-to-start'; failures: number; intervalMs: number };

// Signals a process does not send itself: someone or something outside stopped it.
const FROM_OUTSIDE = new Set(['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT']);

export function causeOf(exit: WorkerExit): ExitCause {
  // Exit code 0 without our asking: it was sent SIGTERM directly and drained as it should.
  const killed = exit.signal ? FROM_OUTSIDE.has(exit.signal) : exit.code === 0;
  if (killed) return 'killed';
  return exit.listenedAt === null ? 'failed-to-start' : 'crashed';
}

export class RestartPolicy {
  private crashes = 0;
  private startFailures: number[] = [];

  constructor(
    private readonly limits: Readonly<RestartLimits>,
    private readonly now: () => number,
  ) {}

  onExit(exit: WorkerExit): RestartDecision {
    const now = this.now();
    const { limits } = this;
    if (exit.listenedAt !== null && now - exit.listenedAt >= limits.healthyAfterMs) this.crashes = 0;
    const cause = causeOf(exit);
    if (cause === 'killed') return { action: 'restart', cause, delayMs: limits.initialDelayMs };

    this.crashes += 1;
    if (cause === 'failed-to-start') {
      this.startFailures = this.startFailures.filter((t) => now - t < limits.intervalMs);
      this.startFailures.push(now);
      if (this.startFailures.length >= limits.burst) {
        return { action: 'give-up', cause, failures: this.startFailures.length, intervalMs: limits.intervalMs };
      }
    }
    const delayMs = Math.min(limits.initialDelayMs * 2 ** (this.crashes - 1), limits.maxDelayMs);
    return { action: 'restart', cause, delayMs };
  }
}
