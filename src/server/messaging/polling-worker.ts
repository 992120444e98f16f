// The loop every outbox deliverer shares (text messages, webhooks): look for due work now, again at
// once while there was some, else every `pollMs`; a wake (something was committed) looks now, or
// right after the round in progress — but a woken round starts at most every `wakeGapMs`: under a
// crowd a worker commits every few milliseconds, and a round for each commit (a few queries, found
// nothing) cost every booking CPU; the first wake after a quiet spell still looks at once. Rounds
// never overlap in one process; other processes run their own loops and claim rows with leases, so
// the loop needs no coordination beyond that.
import { hostname } from 'node:os';

export interface PollingOptions {
  /** Looks for due work this often when nothing wakes it (default 1 s). */
  pollMs?: number;
  /** A woken round starts at least this long after the last round started (default 100 ms). */
  wakeGapMs?: number;
  onError?: (error: unknown) => void;
}

export abstract class PollingWorker {
  /** Who holds a claim: unique per process and worker object. */
  readonly owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private halted = false;
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(private readonly polling: PollingOptions) {}

  /** One round; how many items it handled (more than 0: look again at once). */
  abstract runOnce(): Promise<number>;

  protected get stopped(): boolean {
    return this.halted;
  }

  start(): void {
    this.halted = false;
    this.schedule(0);
  }

  /** Something was committed: look now rather than at the next poll. */
  wake(): void {
    if (this.halted) return;
    if (this.running) this.again = true;
    else this.schedule(this.untilWakeGap());
  }

  /** How long a woken round waits so that rounds start at most every `wakeGapMs`. */
  private untilWakeGap(): number {
    const gap = Math.min(this.polling.wakeGapMs ?? 100, this.polling.pollMs ?? 1000);
    return Math.max(0, this.lastStart + gap - performance.now());
  }

  async stop(): Promise<void> {
    this.halted = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.halted) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    let done = 0;
    this.lastStart = performance.now();
    try {
      this.running = this.runOnce();
      done = await this.running;
    } catch (error) {
      this.polling.onError?.(error);
    } finally {
      this.running = null;
    }
    // Something was due: look again at once (other processes may have taken part of this round).
    // Woken meanwhile: look again once the gap has passed.
    const woken = this.again;
    this.again = false;
    this.schedule(done > 0 ? 0 : woken ? this.untilWakeGap() : (this.polling.pollMs ?? 1000));
  }
}
