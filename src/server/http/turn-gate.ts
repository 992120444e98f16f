// Node accepts ONE new connection per turn of its event loop (libuv ≥ 1.45 stopped accepting in
// a loop), and a turn reads every request that has arrived on the open connections and starts
// them all. In a flash crowd on 50 connections a turn took 20–100 ms of work, so connections
// that came at the rush (citizens' phones, or nginx opening more connections to the instance)
// were accepted one per 20–100 ms: the 50th waited a second or more before its first request was
// even read, while the connections already open were answered again and again.
//
// While connections are arriving, this gate lets a turn start at most `perTurn` requests; the
// others wait, in the order they came, for later turns (each turn accepts the next connection).
// The work is the same; it is cut into short turns, so a new connection waits a short turn, not
// a long one. With no connection arriving for 100 ms (a steady load on open connections, or
// nothing to do) every request starts at once, as without the gate: a turn that starts only 2
// requests also commits only their bookings together, and a crowd on connections opened a moment
// before the rush was slower with the gate on for a whole second after them.
export interface TurnGateOptions {
  /** Requests started per turn while the gate is on. */
  perTurn: number;
  /** The gate stays on this long (ms) after a connection was accepted. */
  onForMs: number;
  now?: () => number;
}

export const DEFAULT_TURN_GATE: TurnGateOptions = { perTurn: 2, onForMs: 100 };

export class TurnGate {
  readonly #perTurn: number;
  readonly #onForMs: number;
  readonly #now: () => number;
  /** Requests started in this turn; set back to 0 in the turn's check phase. */
  #started = 0;
  #countQueued = false;
  readonly #waiting: (() => void)[] = [];
  #releaseQueued = false;
  #onUntil = Number.NEGATIVE_INFINITY;

  constructor(options: TurnGateOptions = DEFAULT_TURN_GATE) {
    if (!(options.perTurn >= 1)) throw new RangeError('perTurn must be at least 1');
    this.#perTurn = options.perTurn;
    this.#onForMs = options.onForMs;
    this.#now = options.now ?? Date.now;
  }

  /** A connection was accepted: more are likely coming (the gate turns on). */
  connectionAccepted(): void {
    this.#onUntil = this.#now() + this.#onForMs;
  }

  /** Requests waiting for a later turn. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Runs `start` now, or in a later turn of the event loop (first come, first started). */
  admit(start: () => void): void {
    if (this.#waiting.length === 0 && this.#now() > this.#onUntil) {
      start();
      return;
    }
    this.#countThisTurn();
    if (this.#waiting.length === 0 && this.#started < this.#perTurn) {
      this.#started++;
      start();
      return;
    }
    this.#waiting.push(start);
    this.#queueRelease();
  }

  #countThisTurn(): void {
    if (this.#countQueued) return;
    this.#countQueued = true;
    setImmediate(() => {
      this.#started = 0;
      this.#countQueued = false;
    });
  }

  #queueRelease(): void {
    if (this.#releaseQueued) return;
    this.#releaseQueued = true;
    // Queued in a poll phase, it runs in this turn's check phase; queued by a release (in a check
    // phase), in the next turn's, after its poll phase has accepted a connection and read requests.
    setImmediate(() => this.#release());
  }

  #release(): void {
    this.#releaseQueued = false;
    // Once connections stopped arriving, everyone waiting starts.
    const n = this.#now() > this.#onUntil ? this.#waiting.length : this.#perTurn;
    for (const start of this.#waiting.splice(0, n)) start();
    if (this.#waiting.length > 0) this.#queueRelease();
  }
}
