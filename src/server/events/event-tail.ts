// Reads the event outbox in id order and hands each committed event out exactly once.
// On PostgreSQL and MySQL ids are assigned at insert but become visible at commit, so a smaller
// id can appear after a larger one: ids skipped over are remembered as gaps and looked for again
// for a few seconds before they are given up (a rolled-back insert leaves a gap for ever).
import type { LiveEvent } from '../../contracts/events.js';

export type FetchAfter = (afterId: number) => Promise<LiveEvent[]>;

const GAP_PATIENCE_MS = 5_000;

export class EventTail {
  #maxSeen: number;
  readonly #gaps = new Map<number, number>(); // id -> when first missed

  constructor(
    private readonly fetchAfter: FetchAfter,
    startAfter: number,
  ) {
    this.#maxSeen = startAfter;
  }

  get lastId(): number {
    return this.#maxSeen;
  }

  /** Events committed since the last call, in id order, each only once. */
  async next(nowMs: number): Promise<LiveEvent[]> {
    for (const [id, since] of this.#gaps) if (nowMs - since > GAP_PATIENCE_MS) this.#gaps.delete(id);
    const floor = this.#gaps.size > 0 ? Math.min(...this.#gaps.keys()) - 1 : this.#maxSeen;
    const rows = await this.fetchAfter(floor);
    const fresh: LiveEvent[] = [];
    for (const e of rows) {
      if (e.id <= this.#maxSeen && !this.#gaps.has(e.id)) continue; // already handed out
      this.#gaps.delete(e.id);
      for (let missing = this.#maxSeen + 1; missing < e.id; missing++) this.#gaps.set(missing, nowMs);
      if (e.id > this.#maxSeen) this.#maxSeen = e.id;
      fresh.push(e);
    }
    return fresh;
  }
}
