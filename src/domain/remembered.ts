// The answers of a pure function, remembered: the domain's date arithmetic is asked the same few
// questions many times a request. At most `size` answers are kept, then all are forgotten at once
// (the set of questions in use is small; a flood of new ones only costs the arithmetic again).
export class Remembered<V> {
  readonly #known = new Map<string, V>();

  constructor(private readonly size: number) {}

  /** The answer for `key`: remembered, else `compute()` (an answer is kept only when it returns). */
  get(key: string, compute: () => V): V {
    const known = this.#known.get(key);
    if (known !== undefined) return known;
    const answer = compute();
    if (this.#known.size >= this.size) this.#known.clear();
    this.#known.set(key, answer);
    return answer;
  }
}
