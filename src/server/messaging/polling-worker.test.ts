import { afterEach, describe, expect, it } from 'vitest';
import { PollingWorker } from './polling-worker.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Records when each round started; `work` says how many items the next rounds find. */
class Recorder extends PollingWorker {
  readonly starts: number[] = [];
  work: number[] = [];
  roundMs = 0;
  async runOnce(): Promise<number> {
    this.starts.push(performance.now());
    if (this.roundMs > 0) await sleep(this.roundMs);
    return this.work.shift() ?? 0;
  }
}

const workers: Recorder[] = [];
afterEach(async () => {
  for (const w of workers.splice(0)) await w.stop();
});

function started(opts: ConstructorParameters<typeof PollingWorker>[0]) {
  const w = new Recorder(opts);
  workers.push(w);
  w.start();
  return w;
}

describe('PollingWorker', () => {
  it('looks at once when started, then every pollMs', async () => {
    const w = started({ pollMs: 40 });
    await sleep(150);
    expect(w.starts.length).toBeGreaterThanOrEqual(3);
    expect(w.starts.length).toBeLessThanOrEqual(5);
  });

  it('a wake after a quiet spell looks at once', async () => {
    const w = started({ pollMs: 10_000, wakeGapMs: 100 });
    await sleep(150);
    expect(w.starts).toHaveLength(1);
    const woken = performance.now();
    w.wake();
    await sleep(30);
    expect(w.starts).toHaveLength(2);
    expect((w.starts[1] as number) - woken).toBeLessThan(80);
  });

  it('a burst of wakes (a commit every few ms) starts a round at most every wakeGapMs, and one after the last wake', async () => {
    const w = started({ pollMs: 10_000, wakeGapMs: 100 });
    await sleep(150);
    const from = w.starts.length;
    const burstStart = performance.now();
    while (performance.now() - burstStart < 500) {
      w.wake();
      await sleep(5);
    }
    const lastWake = performance.now();
    await sleep(150);
    const rounds = w.starts.slice(from);
    // ~500 ms of wakes: about 5–6 rounds, not ~100.
    expect(rounds.length).toBeGreaterThanOrEqual(4);
    expect(rounds.length).toBeLessThanOrEqual(8);
    for (let i = 1; i < rounds.length; i++) expect((rounds[i] as number) - (rounds[i - 1] as number)).toBeGreaterThanOrEqual(90);
    // Nothing committed is left unlooked-at: a round started after the last wake.
    expect(rounds.at(-1) as number).toBeGreaterThan(lastWake - 100);
  });

  it('a wake during a round looks again after it; found work is drained without waiting', async () => {
    const w = started({ pollMs: 10_000, wakeGapMs: 100 });
    await sleep(150);
    w.roundMs = 20;
    w.work = [1, 1, 1, 0];
    w.wake();
    await sleep(5);
    w.wake();
    await sleep(200);
    const rounds = w.starts.slice(1);
    // Three rounds found work and were followed at once; the fourth found none.
    expect(rounds.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < 4; i++) expect((rounds[i] as number) - (rounds[i - 1] as number)).toBeLessThan(100);
  });

  it('wakes never wait longer than pollMs when it is shorter than the gap', async () => {
    const w = started({ pollMs: 30, wakeGapMs: 1000 });
    await sleep(50);
    const n = w.starts.length;
    w.wake();
    await sleep(60);
    expect(w.starts.length).toBeGreaterThan(n);
  });
});
