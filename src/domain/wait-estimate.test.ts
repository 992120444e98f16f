import { describe, expect, it } from 'vitest';
import { averageServiceMinutes, estimateWaitMinutes } from './wait-estimate.js';

describe('average service time', () => {
  it.each([
    [[], 10, 10],
    [[6 * 60_000, 10 * 60_000], 10, 8],
    [[90_000], 10, 1.5],
    [[0, -5, Number.NaN], 7, 7],
  ])('%j (fallback %i) -> %d min', (d, fallback, avg) => expect(averageServiceMinutes(d, fallback)).toBe(avg));
});

describe('estimated wait', () => {
  it.each([
    [0, 8, 1, 0],
    [1, 8, 1, 8],
    [3, 8, 2, 12],
    [5, 1.5, 1, 8],
    [4, 10, 0, 40],
  ])('%i ahead × %d min / %i counters -> %i min', (ahead, avg, counters, wait) =>
    expect(estimateWaitMinutes(ahead, avg, counters)).toBe(wait));
});
