import { describe, expect, it } from 'vitest';
import { MIN_SAMPLES, ROLLING_WINDOW, averageServiceMinutes, estimateWaitMinutes, typicalServiceMinutes } from './wait-estimate.js';

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

const min = (m: number) => m * 60_000;

describe('typical service time for estimates (rolling median with a floor)', () => {
  it('uses the configured default until enough services are done', () => {
    expect(typicalServiceMinutes([], 10)).toBe(10);
    expect(typicalServiceMinutes(Array(MIN_SAMPLES - 1).fill(min(4)), 10)).toBe(10);
    expect(typicalServiceMinutes(Array(MIN_SAMPLES).fill(min(4)), 10)).toBe(4);
  });

  it('one start-and-finish within a second does not make the service instant', () => {
    // The reported case: the only finished service took under a second.
    expect(typicalServiceMinutes([800], 10)).toBe(10);
    // Many such clicks: the floor holds (a quarter of the default, at least a minute).
    expect(typicalServiceMinutes(Array(10).fill(500), 10)).toBe(2.5);
    expect(typicalServiceMinutes(Array(10).fill(500), 2)).toBe(1);
  });

  it('is the median: one very long or very short case does not swing it', () => {
    expect(typicalServiceMinutes([min(5), min(6), min(7), min(90), 300], 10)).toBe(6);
    expect(typicalServiceMinutes([min(5), min(6), min(7), min(8)].concat([min(6)]), 10)).toBe(6);
    expect(typicalServiceMinutes([min(4), min(6), min(8), min(10), min(12), min(14)], 10)).toBe(9);
  });

  it('looks only at the latest services', () => {
    const morning = Array(ROLLING_WINDOW).fill(min(20));
    const now = Array(ROLLING_WINDOW).fill(min(5));
    expect(typicalServiceMinutes([...morning, ...now], 10)).toBe(5);
  });
});

describe('never "soon" with anyone ahead', () => {
  it.each([
    [1, 0, 1],
    [1, 0.1, 3],
    [3, 0.01, 1],
  ])('%i ahead, %d min, %i counters -> at least a minute', (ahead, avg, counters) => {
    expect(estimateWaitMinutes(ahead, avg, counters)).toBeGreaterThanOrEqual(1);
  });
});
