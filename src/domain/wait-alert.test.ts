import { describe, expect, it } from 'vitest';
import { type WaitFact, isOverdue, maxWaitMinutesOf, waitFigures } from './wait-alert.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 1, 0) + minute * 60_000).toISOString();
const called = (queued: number, calledAfter: number, served?: number): WaitFact => ({
  status: served === undefined ? 'called' : 'served',
  queuedAt: at(queued),
  calledAt: at(queued + calledAfter),
  startedAt: served === undefined ? null : at(queued + calledAfter),
  finishedAt: served === undefined ? null : at(queued + calledAfter + served),
});
const waiting = (queued: number): WaitFact => ({ status: 'waiting', queuedAt: at(queued), calledAt: null, startedAt: null, finishedAt: null });

describe('最长等候', () => {
  it('defaults to 30 minutes; overdue means longer than the maximum', () => {
    expect(maxWaitMinutesOf({})).toBe(30);
    expect(maxWaitMinutesOf({ maxWaitMinutes: 45 })).toBe(45);
    expect(isOverdue(30, 30)).toBe(false);
    expect(isOverdue(30.5, 30)).toBe(true);
  });

  it('counts tickets called late and tickets still waiting past the maximum', () => {
    const tickets = [called(0, 10, 5), called(0, 31, 7), called(5, 40), waiting(20), waiting(60)];
    // now = minute 70: the one queued at 20 has waited 50 (over), the one at 60 has waited 10.
    const f = waitFigures(tickets, 30, at(70));
    expect(f.overMaxWait).toBe(3);
    expect(f.waitingOverMaxWait).toBe(1);
    expect(f.p50WaitMinutes).toBe(31);
    expect(f.p90WaitMinutes).toBe(40);
    expect(f.p50ServiceMinutes).toBe(5);
    expect(f.p90ServiceMinutes).toBe(7);
  });

  it('a ticket crosses the line as time passes', () => {
    expect(waitFigures([waiting(0)], 30, at(30)).overMaxWait).toBe(0);
    expect(waitFigures([waiting(0)], 30, at(31)).overMaxWait).toBe(1);
    expect(waitFigures([], 30, at(31))).toEqual({
      overMaxWait: 0,
      waitingOverMaxWait: 0,
      p50WaitMinutes: null,
      p90WaitMinutes: null,
      p50ServiceMinutes: null,
      p90ServiceMinutes: null,
    });
  });
});
