// A very short-lived cache of serialized read responses (micro-caching). The store stays the only
// source of truth: an entry lives at most `ttlMs`, and this process drops every entry as soon as
// it handles a write, so its own callers always read their writes; other workers' writes show
// within `ttlMs`.
export class ReadCache {
  readonly #entries = new Map<string, { at: number; body: Promise<unknown>; value?: unknown }>();
  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A key holds one kind of value (its text, or that text compressed). */
  get<T = string>(key: string, compute: () => Promise<T>): Promise<T> {
    const t = this.now();
    const hit = this.#entries.get(key);
    if (hit && t - hit.at < this.ttlMs) return hit.body as Promise<T>;
    if (this.#entries.size >= 500) this.#entries.clear();
    const body = compute();
    const entry: { at: number; body: Promise<unknown>; value?: T } = { at: t, body };
    this.#entries.set(key, entry);
    body.then(
      (value) => {
        entry.value = value;
      },
      // A failed computation is not remembered.
      () => this.#entries.get(key) === entry && this.#entries.delete(key),
    );
    return body;
  }

  /**
   * The value under `key` if it is computed and fresh, without waiting: a hit answers in the same
   * tick, with no promise to settle (the busiest read, GET /api/v1/services, answers this way).
   */
  peek<T = string>(key: string): T | undefined {
    const hit = this.#entries.get(key);
    return hit && this.now() - hit.at < this.ttlMs ? (hit.value as T | undefined) : undefined;
  }

  clear(): void {
    this.#entries.clear();
  }
}
