// Live updates across worker processes and server instances. The event table is the truth:
// every process tails it while it has listeners. A wake-up channel (PostgreSQL LISTEN/NOTIFY or
// Redis pub/sub) makes the tail look at once instead of at the next poll; without one the tail
// polls often enough to deliver within a second.
import type { LiveEvent } from '../../contracts/events.js';
import { eventsAfter, latestEventId } from '../repositories/event.repository.js';
import type { Db } from '../repositories/portable.js';
import { EventTail } from './event-tail.js';

export interface WakeChannel {
  /** Tell every process (this one included) that events were committed. */
  wake(): Promise<void>;
  onWake(listener: () => void): void;
  close(): Promise<void>;
}

export type EventListener = (event: LiveEvent) => void;

export class EventBus {
  readonly #listeners = new Set<EventListener>();
  #tail: EventTail | null = null;
  #starting: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;

  constructor(
    private readonly db: Db,
    private readonly channel: WakeChannel | null,
    private readonly opts: { pollMs?: number; onError?: (error: unknown) => void } = {},
  ) {
    channel?.onWake(() => this.#kick());
  }

  get pollMs(): number {
    return this.opts.pollMs ?? (this.channel ? 1000 : 200);
  }

  /** Live streams listening in this process (one per SSE client). */
  get listenerCount(): number {
    return this.#listeners.size;
  }

  /** The last event id handed out, or null while nobody listens (no tail runs). */
  get deliveredId(): number | null {
    return this.#tail?.lastId ?? null;
  }

  /** Events committed after `afterId` (a reconnecting client's Last-Event-ID). */
  replay(afterId: number, limit = 500): Promise<LiveEvent[]> {
    return eventsAfter(this.db, afterId, limit);
  }

  latestId(): Promise<number> {
    return latestEventId(this.db);
  }

  /**
   * Starts delivering every event committed from now on. Resolves once the tail has its starting
   * point, so nothing committed after the promise resolves can be missed.
   */
  async subscribe(listener: EventListener): Promise<() => void> {
    this.#listeners.add(listener);
    if (!this.#tail) {
      this.#starting ??= latestEventId(this.db).then((start) => {
        this.#tail ??= new EventTail((after) => eventsAfter(this.db, after), start);
        this.#starting = null;
      });
      await this.#starting;
    }
    if (!this.#timer && !this.#closed) this.#timer = setInterval(() => this.#kick(), this.pollMs);
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0 && this.#timer) {
        clearInterval(this.#timer);
        this.#timer = null;
        this.#tail = null; // start again from "now" when someone listens again
      }
    };
  }

  /** Call after a transaction that appended events has committed. */
  committed(): void {
    if (this.channel) this.channel.wake().catch((e) => this.opts.onError?.(e));
    this.#kick();
  }

  #kick(): void {
    if (this.#listeners.size === 0 || this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#tick()
      .catch((e) => this.opts.onError?.(e))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.#kick();
        }
      });
  }

  async #tick(): Promise<void> {
    if (!this.#tail) return;
    const events = await this.#tail.next(Date.now());
    for (const e of events) for (const l of this.#listeners) l(e);
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#listeners.clear();
    await this.#running;
    await this.channel?.close();
  }
}
