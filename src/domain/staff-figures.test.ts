import { describe, expect, it } from 'vitest';
import { type StaffTicketFact, counterFigures, percentile, staffFigures } from './staff-figures.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 1, minute)).toISOString();
const served = (by: number, start: number, minutes: number, counterId = 1): StaffTicketFact => ({
  status: 'served',
  counterId,
  calledBy: by,
  finishedBy: by,
  startedAt: at(start),
  finishedAt: at(start + minutes),
});

describe('percentile (nearest rank)', () => {
  it('picks the value at the rank', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 50)).toBe(5);
    expect(percentile([1, 100], 90)).toBe(100);
  });
});

describe('staff figures', () => {
  it('credits calls to who called, 办结 and 过号 to who ended, and times the service', () => {
    const tickets: StaffTicketFact[] = [
      served(1, 0, 4),
      served(1, 10, 6),
      served(1, 20, 20),
      { ...served(2, 30, 5), calledBy: 1 }, // called by 1, finished by 2
      { status: 'no_show', counterId: 2, calledBy: 2, finishedBy: 2, startedAt: null, finishedAt: at(40) },
      { status: 'called', counterId: 2, calledBy: 2, finishedBy: null, startedAt: null, finishedAt: null },
      { status: 'waiting', counterId: null, calledBy: null, finishedBy: null, startedAt: null, finishedAt: null },
    ];
    expect(staffFigures(tickets)).toEqual([
      { staffId: 1, called: 4, served: 3, noShow: 0, averageServiceMinutes: 10, p90ServiceMinutes: 20 },
      { staffId: 2, called: 2, served: 1, noShow: 1, averageServiceMinutes: 5, p90ServiceMinutes: 5 },
    ]);
  });

  it('a served ticket that was never started counts, without a duration', () => {
    expect(staffFigures([{ ...served(3, 0, 5), startedAt: null }])).toEqual([
      { staffId: 3, called: 1, served: 1, noShow: 0, averageServiceMinutes: null, p90ServiceMinutes: null },
    ]);
  });
});

describe('counter figures', () => {
  it('adds each counter’s pauses within the range, per reason', () => {
    const from = new Date(at(0));
    const to = new Date(at(120));
    const pauses = [
      { counterId: 1, reason: 'break' as const, from: at(10), to: at(25) },
      { counterId: 1, reason: 'meeting' as const, from: at(60), to: null },
      { counterId: 2, reason: 'other' as const, from: at(-30), to: at(5) },
    ];
    const figures = counterFigures([1, 2, 3], [served(1, 0, 4, 1), served(1, 5, 4, 3)], pauses, from, to, new Date(at(90)));
    expect(figures).toEqual([
      { counterId: 1, served: 1, pausedMinutes: 45, pausedByReason: { break: 15, meeting: 30, consulting: 0, other: 0 } },
      { counterId: 2, served: 0, pausedMinutes: 5, pausedByReason: { break: 0, meeting: 0, consulting: 0, other: 5 } },
      { counterId: 3, served: 1, pausedMinutes: 0, pausedByReason: { break: 0, meeting: 0, consulting: 0, other: 0 } },
    ]);
  });
});
