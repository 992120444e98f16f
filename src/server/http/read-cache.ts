// A very short-lived cache of serialized read responses (micro-caching). The store stays the only
// source of truth: an entry lives at most `ttlMs`, and this process drops every entry as soon as
// it handles a write, so its own callers always read their writes; other workers' writes show
// within `ttlMs`.
export class ReadCache {
  readonly #entries = new Map<string, { at: number; body: Promise<unknown> }>();
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
    this.#entries.set(key, { at: t, body });
    // A failed computation is not remembered.
    body.catch(() => this.#entries.get(key)?.body === body && this.#entries.delete(key));
    return body;
  }

  clear(): void {
    this.#entries.clear();
  }
}
