import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NO_SHOW_RULE,
  type Miss,
  type MissFacts,
  type NoShowRule,
  activeBlock,
  isLateCancel,
  minutesBetween,
  missOf,
  releaseIsDue,
  relevantSince,
  ruleProblems,
} from './no-show.js';

const rule: NoShowRule = { ...DEFAULT_NO_SHOW_RULE };
const now = { date: '2026-12-06', time: '10:30', minutes: 630 };
const b = (over: Partial<MissFacts>): MissFacts => ({
  number: 'A202612060900001',
  serviceId: 1,
  date: '2026-12-06',
  slotStart: '09:00',
  slotEnd: '10:00',
  status: 'booked',
  cancelReason: null,
  cancelledLocal: null,
  ...over,
});
const miss = (date: string, n = 0): Miss => ({ number: `A${date}${n}`, serviceId: 1, date, at: `${date} 10:00`, kind: 'no_show' });

describe('what counts as a miss', () => {
  it('a booking never checked in counts once its check-in window (the slot) has ended', () => {
    expect(missOf(b({}), rule, now)).toEqual({ number: 'A202612060900001', serviceId: 1, date: '2026-12-06', at: '2026-12-06 10:00', kind: 'no_show' });
    expect(missOf(b({ slotStart: '10:00', slotEnd: '11:00' }), rule, now)).toBeNull();
    expect(missOf(b({ date: '2026-12-07' }), rule, now)).toBeNull();
    expect(missOf(b({ status: 'missed', date: '2026-11-30' }), rule, now)?.kind).toBe('no_show');
  });
  it('checked in, served and early cancels never count', () => {
    for (const status of ['checked_in', 'served'] as const) expect(missOf(b({ status }), rule, now)).toBeNull();
    const early = b({ status: 'cancelled', cancelReason: 'citizen', cancelledLocal: '2026-12-05 18:00' });
    expect(missOf(early, { ...rule, lateCancel: true }, now)).toBeNull();
  });
  it('a late cancel counts only where the hall enables it, and only under LATE_CANCEL_MINUTES before the slot', () => {
    const late = b({ status: 'cancelled', cancelReason: 'citizen', cancelledLocal: '2026-12-06 08:01' });
    expect(isLateCancel(late, rule)).toBe(false);
    const on = { ...rule, lateCancel: true };
    expect(isLateCancel(late, on)).toBe(true);
    expect(missOf(late, on, now)).toMatchObject({ kind: 'late_cancel', at: '2026-12-06 08:01' });
    expect(isLateCancel(b({ ...late, cancelledLocal: '2026-12-06 08:00' }), on)).toBe(false);
    // Over midnight: 23:30 the day before a 00:15 slot is 45 minutes.
    expect(isLateCancel(b({ ...late, slotStart: '00:15', cancelledLocal: '2026-12-05 23:30' }), on)).toBe(true);
    // A closure by the hall is never the citizen's miss.
    expect(isLateCancel(b({ ...late, cancelReason: 'hall_closed' }), on)).toBe(false);
  });
  it('counts minutes across days', () => {
    expect(minutesBetween('2026-12-05 23:30', '2026-12-06 00:15')).toBe(45);
    expect(minutesBetween('2026-12-06 10:00', '2026-12-06 09:00')).toBe(-60);
  });
});

describe('when misses close online booking', () => {
  it('LIMIT misses within WINDOW days block for BLOCK days from the last one', () => {
    const misses = [miss('2026-10-01'), miss('2026-11-01'), miss('2026-12-01')];
    expect(activeBlock(misses, rule, '2026-12-06')).toEqual({ until: '2026-12-31', misses });
    expect(activeBlock(misses.slice(0, 2), rule, '2026-12-06')).toBeNull();
  });
  it('the block ends on its last day: the next day is open', () => {
    const misses = [miss('2026-10-01'), miss('2026-11-01'), miss('2026-12-01')];
    expect(activeBlock(misses, rule, '2026-12-30')?.until).toBe('2026-12-31');
    expect(activeBlock(misses, rule, '2026-12-31')).toBeNull();
  });
  it('misses spread over more than WINDOW days do not block', () => {
    // 2026-09-02 .. 2026-12-01 is 90 days apart: outside a 90-day window.
    expect(activeBlock([miss('2026-09-02'), miss('2026-11-01'), miss('2026-12-01')], rule, '2026-12-06')).toBeNull();
    expect(activeBlock([miss('2026-09-03'), miss('2026-11-01'), miss('2026-12-01')], rule, '2026-12-06')).not.toBeNull();
  });
  it('of several runs, the one ending latest decides, with its own misses', () => {
    const misses = [miss('2026-11-01'), miss('2026-11-02'), miss('2026-11-03'), miss('2026-11-20')];
    const block = activeBlock(misses, rule, '2026-12-06');
    expect(block?.until).toBe('2026-12-20');
    expect(block?.misses.map((m) => m.date)).toEqual(['2026-11-02', '2026-11-03', '2026-11-20']);
  });
  it('two misses on one day count twice', () => {
    expect(activeBlock([miss('2026-12-01', 1), miss('2026-12-01', 2), miss('2026-12-02')], rule, '2026-12-06')?.until).toBe('2027-01-01');
  });
  it('a lift forgives the misses before it', () => {
    const misses = [miss('2026-11-01'), miss('2026-11-02'), miss('2026-11-03')];
    expect(activeBlock(misses, rule, '2026-12-01', '2026-11-10 09:00')).toBeNull();
    expect(activeBlock([...misses, miss('2026-11-11'), miss('2026-11-12'), miss('2026-11-13')], rule, '2026-12-01', '2026-11-10 09:00')?.until).toBe(
      '2026-12-13',
    );
  });
  it('a limit of 0 or a block of 0 days never blocks', () => {
    const misses = [miss('2026-12-01'), miss('2026-12-02'), miss('2026-12-03')];
    expect(activeBlock(misses, { ...rule, limit: 0 }, '2026-12-06')).toBeNull();
    expect(activeBlock(misses, { ...rule, blockDays: 0 }, '2026-12-06')).toBeNull();
    expect(activeBlock(misses, { ...rule, limit: 1 }, '2026-12-06')?.misses).toHaveLength(1);
  });
  it('only misses since window + block days ago can matter', () => {
    expect(relevantSince(rule, '2026-12-06')).toBe('2026-08-08');
  });
  it('checks an admin rule', () => {
    expect(ruleProblems(rule)).toEqual([]);
    expect(ruleProblems({ ...rule, limit: -1, windowDays: 0 })).toHaveLength(2);
  });
});

describe('unused places back to the hall', () => {
  it('RELEASE_AFTER_MINUTES after a slot starts, not before', () => {
    expect(releaseIsDue('2026-12-06', '10:15', 15, now)).toBe(true);
    expect(releaseIsDue('2026-12-06', '10:16', 15, now)).toBe(false);
    expect(releaseIsDue('2026-12-07', '08:00', 15, now)).toBe(false);
    expect(releaseIsDue('2026-12-05', '16:00', 15, now)).toBe(true);
  });
});
