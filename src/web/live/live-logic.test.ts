import { describe, expect, it } from 'vitest';
import {
  FALLBACK_AFTER_FAILURES,
  afterPoll,
  afterStreamError,
  backoffMs,
  parseEventId,
  pollUrl,
  streamUrl,
  takeEventId,
} from './live-logic.js';

describe('backoffMs', () => {
  it.each([
    [1, 0, 500],
    [1, 0.999999, 1000],
    [2, 0, 1000],
    [3, 0.5, 3000],
    [4, 0, 4000],
    [5, 0, 7500],
    [6, 0.999999, 15000],
    [40, 0, 7500],
  ])('failure %i with random %f waits %i ms', (failures, random, ms) => {
    expect(backoffMs(failures, random)).toBe(ms);
  });

  it('keeps out-of-range randomness in bounds', () => {
    expect(backoffMs(1, -3)).toBe(500);
    expect(backoffMs(1, 7)).toBe(1000);
  });
});

describe('afterStreamError', () => {
  it('lets the browser reconnect by itself after a dropped connection', () => {
    expect(afterStreamError(0, false, 0)).toEqual({ failures: 1, next: 'wait', delayMs: 0 });
  });

  it('reopens with backoff when the browser gave up (an HTTP error)', () => {
    expect(afterStreamError(0, true, 0)).toEqual({ failures: 1, next: 'reopen', delayMs: 500 });
    expect(afterStreamError(1, true, 0)).toEqual({ failures: 2, next: 'reopen', delayMs: 1000 });
  });

  it(`falls back to polling on the ${FALLBACK_AFTER_FAILURES}rd failure in a row, closed or not`, () => {
    expect(afterStreamError(FALLBACK_AFTER_FAILURES - 1, false, 0).next).toBe('poll');
    expect(afterStreamError(FALLBACK_AFTER_FAILURES - 1, true, 0).next).toBe('poll');
    expect(afterStreamError(10, false, 0)).toEqual({ failures: 11, next: 'poll', delayMs: 0 });
  });

  it('counts a run of failures: wait, wait, poll', () => {
    let failures = 0;
    const steps: string[] = [];
    for (let i = 0; i < 3; i++) {
      const plan = afterStreamError(failures, false, 0.5);
      failures = plan.failures;
      steps.push(plan.next);
    }
    expect(steps).toEqual(['wait', 'wait', 'poll']);
  });
});

describe('takeEventId (Last-Event-ID bookkeeping)', () => {
  it('takes the first event and then only larger ids', () => {
    expect(takeEventId(null, 5)).toEqual({ fresh: true, lastId: 5 });
    expect(takeEventId(5, 6)).toEqual({ fresh: true, lastId: 6 });
    expect(takeEventId(5, 9)).toEqual({ fresh: true, lastId: 9 });
  });

  it('drops repeats (the same event by stream and by poll) without moving back', () => {
    expect(takeEventId(9, 9)).toEqual({ fresh: false, lastId: 9 });
    expect(takeEventId(9, 3)).toEqual({ fresh: false, lastId: 9 });
  });

  it('ignores ids that are not ids', () => {
    expect(takeEventId(4, Number.NaN)).toEqual({ fresh: false, lastId: 4 });
    expect(takeEventId(null, -1)).toEqual({ fresh: false, lastId: null });
    expect(takeEventId(null, 1.5)).toEqual({ fresh: false, lastId: null });
  });

  it('a sequence with a transport switch delivers each event once', () => {
    let lastId: number | null = null;
    const delivered: number[] = [];
    for (const id of [1, 2, 3, /* poll repeats */ 2, 3, 4, /* stream again */ 4, 5]) {
      const step = takeEventId(lastId, id);
      lastId = step.lastId;
      if (step.fresh) delivered.push(id);
    }
    expect(delivered).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('afterPoll', () => {
  it('resyncs on the first poll, which only tells where the stream is', () => {
    expect(afterPoll(null, 42)).toEqual({ lastId: 42, resync: true });
  });

  it('moves the cursor forward', () => {
    expect(afterPoll(42, 42)).toEqual({ lastId: 42, resync: false });
    expect(afterPoll(42, 50)).toEqual({ lastId: 50, resync: false });
  });

  it('resyncs when the ids went backwards (a new store)', () => {
    expect(afterPoll(42, 3)).toEqual({ lastId: 3, resync: true });
  });
});

describe('urls and ids', () => {
  it('puts the cursor in the query when known', () => {
    expect(pollUrl('/api/v1/events/poll', null)).toBe('/api/v1/events/poll');
    expect(pollUrl('/api/v1/events/poll', 0)).toBe('/api/v1/events/poll?after=0');
    expect(streamUrl('/api/v1/events', 17)).toBe('/api/v1/events?lastEventId=17');
    expect(streamUrl('/x?a=1', 17)).toBe('/x?a=1&lastEventId=17');
    expect(streamUrl('/api/v1/events', null)).toBe('/api/v1/events');
  });

  it('parses event ids', () => {
    expect(parseEventId('12')).toBe(12);
    expect(parseEventId('')).toBeNull();
    expect(parseEventId('1e3')).toBeNull();
    expect(parseEventId(undefined)).toBeNull();
  });
});
