// Rows that change a few times a year but are read on every booking (the service, its catalogue
// entry, the hall's 爽约 rule), kept per process for at most a second, as the halls are
// (hall-directory.ts): a change made in this process is seen at once (invalidate, called by the
// use case that made it after it committed), one made by another worker or instance within a
// second. The store stays the truth for everything a booking takes: places are taken by the
// conditional UPDATE on the slot's row, never from what is kept here.

/** How long a read is used (ms); 0 reads the store every time (tests, command-line tools). */
const FRESH_MS = 1000;
/** Keys are service ids, letters and hall ids; a city has thousands at most. Past this, start afresh. */
const MAX_KEPT = 10_000;

interface Kept {
  at: number;
  value: Promise<unknown>;
}

/** Kept values are shared by concurrent requests: frozen, so a caller that changed one would fail loudly. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export class FreshReads {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly freshMs = FRESH_MS) {}

  /**
   * What `read` gives for `key`, read at most once per `freshMs`. A failed read is not kept, nor
   * an absent row (undefined): a made-up id must not fill the memory, and a row created a moment
   * ago is found at once.
   */
  get<T>(key: string, read: () => Promise<T>): Promise<T> {
    if (this.freshMs === 0) return read().then(deepFreeze);
    const t = performance.now();
    const found = this.kept.get(key);
    if (found && t - found.at <= this.freshMs) return found.value as Promise<T>;
    if (this.kept.size >= MAX_KEPT) this.kept.clear();
    const value = read().then(deepFreeze);
    const entry: Kept = { at: t, value };
    this.kept.set(key, entry);
    const forget = () => {
      if (this.kept.get(key) === entry) this.kept.delete(key);
    };
    value.then((v) => {
      if (v === undefined) forget();
    }, forget);
    return value;
  }

  /** Whether `key` has a read kept that is still fresh (always false with freshMs 0). */
  isFresh(key: string): boolean {
    const found = this.kept.get(key);
    return this.freshMs > 0 && found !== undefined && performance.now() - found.at <= this.freshMs;
  }

  /** Something kept here changed (in this process): read everything again. */
  invalidate(): void {
    this.kept.clear();
  }
}
