// The loop every outbox deliverer shares (text messages, webhooks): look for due work now, again at
// once while there was some, else every `pollMs`; a wake (something was committed) looks now, or
// right after the round in progress. Rounds never overlap in one process; other processes run their
// own loops and claim rows with leases, so the loop needs no coordination beyond that.
import { hostname } from 'node:os';

export interface PollingOptions {
  /** Looks for due work this often when nothing wakes it (default 1 s). */
  pollMs?: number;
  onError?: (error: unknown) => void;
}

export abstract class PollingWorker {
  /** Who holds a claim: unique per process and worker object. */
  readonly owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private halted = false;

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
    else this.schedule(0);
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
    try {
      this.running = this.runOnce();
      done = await this.running;
    } catch (error) {
      this.polling.onError?.(error);
    } finally {
      this.running = null;
    }
    // Something was due: look again at once (other processes may have taken part of this round).
    const more = this.again || done > 0;
    this.again = false;
    this.schedule(more ? 0 : (this.polling.pollMs ?? 1000));
  }
}
