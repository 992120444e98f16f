// The halls, read from the store at most once a second per process: every request names or
// implies a hall, and halls change a few times a year. A change made in this process is seen at
// once (invalidate); one made by another worker or instance within a second.
import { type Hall, listHalls } from '../repositories/hall.repository.js';
import type { Db } from '../repositories/portable.js';

/** The hall record, for the layers above services that name it (http never imports repositories). */
export type { Hall };

/** How long a read of the halls is used (ms); 0 reads them for every question (tests). */
const FRESH_MS = 1000;

/** The hall routes without a hall in their path serve: the first active one in the city's order. */
const firstOf = (halls: Hall[]): Hall | undefined => halls.find((h) => h.active) ?? halls[0];

export class HallDirectory {
  private halls: Promise<Hall[]> | null = null;
  /** What `halls` resolved to, once it has. */
  private known: Hall[] | null = null;
  private readAt = 0;

  constructor(
    private readonly db: Db,
    private readonly freshMs = FRESH_MS,
  ) {}

  /** Every hall, active or not, in the city's order. */
  all(): Promise<Hall[]> {
    const t = performance.now();
    if (!this.halls || this.freshMs === 0 || t - this.readAt > this.freshMs) {
      this.readAt = t;
      const read = listHalls(this.db);
      this.known = null;
      read.then(
        (halls) => {
          if (this.halls === read) this.known = halls;
        },
        // A failed read is not kept: the next request tries the store again.
        () => {
          if (this.halls === read) this.halls = null;
        },
      );
      this.halls = read;
    }
    return this.halls;
  }

  /** The hall first() gives, when the halls are read and fresh: without waiting (else undefined). */
  firstIfKnown(): Hall | undefined {
    const halls = this.known;
    if (!halls || this.halls === null || this.freshMs === 0 || performance.now() - this.readAt > this.freshMs) return undefined;
    return firstOf(halls);
  }

  async active(): Promise<Hall[]> {
    return (await this.all()).filter((h) => h.active);
  }

  async byCode(code: string): Promise<Hall | undefined> {
    return (await this.all()).find((h) => h.code === code);
  }

  async byId(id: number): Promise<Hall | undefined> {
    return (await this.all()).find((h) => h.id === id);
  }

  /** The hall routes without a hall in their path serve (the first in the city's order). */
  async first(): Promise<Hall> {
    const hall = firstOf(await this.all());
    if (!hall) throw new Error('the store has no hall (run the migrations)');
    return hall;
  }

  invalidate(): void {
    this.halls = null;
    this.known = null;
  }
}
