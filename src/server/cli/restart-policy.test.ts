import { describe, expect, it } from 'vitest';
import { DEFAULT_RESTART_LIMITS, type RestartDecision, RestartPolicy, type WorkerExit, causeOf } from './restart-policy.js';

const killed = (listenedAt: number | null = null): WorkerExit => ({ code: null, signal: 'SIGKILL', listenedAt });
const threw = (listenedAt: number | null = null): WorkerExit => ({ code: 1, signal: null, listenedAt });
const restart = (delayMs: number, cause = 'failed-to-start'): RestartDecision =>
  ({ action: 'restart', cause, delayMs }) as RestartDecision;
const giveUp = (failures: number, intervalMs = 60_000): RestartDecision => ({
  action: 'give-up',
  cause: 'failed-to-start',
  failures,
  intervalMs,
});

describe('why a worker exited', () => {
  it.each([
    [{ code: null, signal: 'SIGKILL', listenedAt: null }, 'killed'],
    [{ code: null, signal: 'SIGKILL', listenedAt: 5 }, 'killed'],
    [{ code: null, signal: 'SIGTERM', listenedAt: 5 }, 'killed'],
    [{ code: 0, signal: null, listenedAt: 5 }, 'killed'],
    [{ code: 0, signal: null, listenedAt: null }, 'killed'],
    [{ code: 1, signal: null, listenedAt: null }, 'failed-to-start'],
    [{ code: 2, signal: null, listenedAt: null }, 'failed-to-start'],
    [{ code: null, signal: 'SIGSEGV', listenedAt: null }, 'failed-to-start'],
    [{ code: null, signal: 'SIGABRT', listenedAt: 5 }, 'crashed'],
    [{ code: 1, signal: null, listenedAt: 5 }, 'crashed'],
  ] as const)('%o is %s', (exit, cause) => {
    expect(causeOf(exit)).toBe(cause);
  });
});

// Each case: exits reported at the given clock times, and what the policy decided for each.
const cases: { name: string; limits?: Partial<typeof DEFAULT_RESTART_LIMITS>; exits: [number, WorkerExit, RestartDecision][] }[] = [
  {
    name: 'kill -9 of a worker and of each replacement before it listens never gives up, nor backs off',
    exits: Array.from({ length: 40 }, (_, i) => [i * 300, killed(i % 2 === 0 ? i * 300 - 200 : null), restart(100, 'killed')]),
  },
  {
    name: 'a worker that cannot start backs off 0.1 s doubling, and the 5th failure within 60 s gives up',
    exits: [
      [1_000, threw(), restart(100)],
      [2_100, threw(), restart(200)],
      [3_300, threw(), restart(400)],
      [4_700, threw(), restart(800)],
      [6_500, threw(), giveUp(5)],
    ],
  },
  {
    name: 'two workers failing together count twice',
    exits: [
      [1_000, threw(), restart(100)],
      [1_010, threw(), restart(200)],
      [2_200, threw(), restart(400)],
      [2_210, threw(), restart(800)],
      [3_900, threw(), giveUp(5)],
    ],
  },
  {
    name: 'failures spread wider than the window never give up',
    exits: [
      [0, threw(), restart(100)],
      [20_000, threw(), restart(200)],
      [40_000, threw(), restart(400)],
      [59_000, threw(), restart(800)],
      [61_000, threw(), restart(1_600)],
      [80_000, threw(), restart(3_200)],
      [100_000, threw(), restart(6_400)],
      [119_500, threw(), restart(10_000)],
      [121_500, threw(), restart(10_000)],
    ],
  },
  {
    name: 'the limit and window are configurable',
    limits: { burst: 2, intervalMs: 5_000 },
    exits: [
      [0, threw(), restart(100)],
      [6_000, threw(), restart(200)],
      [7_000, threw(), giveUp(2, 5_000)],
    ],
  },
  {
    name: 'crashes after listening back off to 10 s but never give up',
    exits: Array.from({ length: 12 }, (_, i) => {
      const at = i * 20_000;
      return [at, threw(at - 1_000), restart(Math.min(100 * 2 ** i, 10_000), 'crashed')] as [number, WorkerExit, RestartDecision];
    }),
  },
  {
    name: 'a worker that served 30 s resets the backoff',
    exits: [
      [1_000, threw(500), restart(100, 'crashed')],
      [2_000, threw(1_500), restart(200, 'crashed')],
      [3_000, threw(2_500), restart(400, 'crashed')],
      [40_000, threw(5_000), restart(100, 'crashed')],
      [41_000, threw(40_500), restart(200, 'crashed')],
    ],
  },
  {
    name: 'kills between failures to start neither count nor hide them',
    exits: [
      [0, threw(), restart(100)],
      [500, killed(), restart(100, 'killed')],
      [1_000, threw(), restart(200)],
      [1_500, killed(), restart(100, 'killed')],
      [2_000, threw(), restart(400)],
      [2_500, threw(), restart(800)],
      [3_000, threw(), giveUp(5)],
    ],
  },
];

describe('restart policy', () => {
  it.each(cases)('$name', ({ limits, exits }) => {
    let now = 0;
    const policy = new RestartPolicy({ ...DEFAULT_RESTART_LIMITS, ...limits }, () => now);
    const decided = exits.map(([at, exit]) => {
      now = at;
      return policy.onExit(exit);
    });
    expect(decided).toEqual(exits.map(([, , expected]) => expected));
  });
});
