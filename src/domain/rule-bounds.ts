// A hall's own rules (爽约, 优先) are whole numbers within bounds: one check for all of them, so
// the server refuses what the environment settings would refuse, with the same words.

export type Bounds<K extends string> = Readonly<Record<K, readonly [min: number, max: number]>>;

/** What is wrong with these numbers, in words (empty: all within their bounds). */
export function boundsProblems<K extends string>(values: Readonly<Record<K, unknown>>, bounds: Bounds<K>): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(bounds) as K[]) {
    const [min, max] = bounds[name];
    const v = values[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) problems.push(`${name} must be a whole number from ${min} to ${max}`);
  }
  return problems;
}
