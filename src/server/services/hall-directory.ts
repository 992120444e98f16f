// The halls, read from the store at most once a second per process (fresh-reads.ts): every
// request names or implies a hall, and halls change a few times a year. A change made in this
// process is seen at once (invalidate); one made by another worker or instance within a second.
import { type Hall, listHalls } from '../repositories/hall.repository.js';
import type { Db } from '../repositories/portable.js';
import { FreshReads } from './fresh-reads.js';

/** The hall record, for the layers above services that name it (http never imports repositories). */
export type { Hall };

/** The hall routes without a hall in their path serve: the first active one in the city's order. */
const firstOf = (halls: Hall[]): Hall | undefined => halls.find((h) => h.active) ?? halls[0];

const HALLS = 'halls';

export class HallDirectory {
  /** Kept for a second (freshMs; 0 reads them for every question, as tests do). */
  private readonly reads: FreshReads;
  private read: Promise<Hall[]> | null = null;
  /** What `read` resolved to, once it has. */
  private known: Hall[] | null = null;

  constructor(
    private readonly db: Db,
    freshMs?: number,
  ) {
    this.reads = new FreshReads(freshMs);
  }

  /** Every hall, active or not, in the city's order. */
  all(): Promise<Hall[]> {
    const read = this.reads.get(HALLS, () => listHalls(this.db));
    if (read !== this.read) {
      this.read = read;
      this.known = null;
      read.then(
        (halls) => {
          if (this.read === read) this.known = halls;
        },
        // A failed read is not kept (FreshReads): the next request tries the store again.
        () => {},
      );
    }
    return read;
  }

  /** The hall first() gives, when the halls are read and fresh: without waiting (else undefined). */
  firstIfKnown(): Hall | undefined {
    return this.known && this.reads.isFresh(HALLS) ? firstOf(this.known) : undefined;
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
    this.reads.invalidate();
    this.read = null;
    this.known = null;
  }
}
