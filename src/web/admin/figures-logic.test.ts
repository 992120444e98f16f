import { describe, expect, it } from 'vitest';
import type { DayFigures } from '../../contracts/admin.js';
import { activeRows, dailyTotals, defaultReportRange, formatAverage, hourSeries, lastMonth, quickRange, rangeProblem, totals } from './figures-logic.js';

const row = (date: string, serviceId: number, extra: Partial<DayFigures> = {}): DayFigures => ({
  date,
  hallCode: 'MAIN',
  hallName: '政务服务中心',
  serviceId,
  serviceLetter: 'Y',
  serviceName: '医社保办理',
  booked: 0,
  cancelled: 0,
  cancelledHallClosed: 0,
  checkedIn: 0,
  missed: 0,
  walkIns: 0,
  waiting: 0,
  served: 0,
  noShow: 0,
  averageWaitMinutes: null,
  averageServiceMinutes: null,
  priorityTickets: 0,
  priorityAverageWaitMinutes: null,
  overMaxWait: 0,
  waitingOverMaxWait: 0,
  p50WaitMinutes: null,
  p90WaitMinutes: null,
  p50ServiceMinutes: null,
  p90ServiceMinutes: null,
  ...extra,
});

describe('totals', () => {
  it('sums counts and weights averages by people served', () => {
    const t = totals([
      row('2026-11-25', 1, { booked: 3, served: 3, averageWaitMinutes: 10, averageServiceMinutes: 6 }),
      row('2026-11-25', 2, { booked: 1, walkIns: 2, served: 1, averageWaitMinutes: 2, averageServiceMinutes: null }),
      row('2026-11-25', 3, { booked: 5, waiting: 4, averageWaitMinutes: 30 }),
    ]);
    expect(t.booked).toBe(9);
    expect(t.walkIns).toBe(2);
    expect(t.waiting).toBe(4);
    expect(t.served).toBe(4);
    expect(t.averageWaitMinutes).toBe(8);
    expect(t.averageServiceMinutes).toBe(6);
  });

  it('sums 优先 tickets and weights their mean wait by them', () => {
    const t = totals([
      row('2026-11-25', 1, { priorityTickets: 3, priorityAverageWaitMinutes: 4 }),
      row('2026-11-25', 2, { priorityTickets: 1, priorityAverageWaitMinutes: 8 }),
      row('2026-11-25', 3, { priorityTickets: 0 }),
    ]);
    expect(t.priorityTickets).toBe(4);
    expect(t.priorityAverageWaitMinutes).toBe(5);
    expect(totals([row('2026-11-25', 1)]).priorityAverageWaitMinutes).toBeNull();
  });

  it('has no averages when nobody was served', () => {
    const t = totals([row('2026-11-25', 1, { averageWaitMinutes: 5 })]);
    expect(t.averageWaitMinutes).toBeNull();
    expect(totals([]).booked).toBe(0);
  });

  it('formats averages', () => {
    expect(formatAverage(null)).toBe('—');
    expect(formatAverage(7.25)).toBe('7.3');
    expect(formatAverage(4)).toBe('4');
    // One start-and-finish within a second: not '0' (issue 10).
    expect(formatAverage(0)).toBe('< 1');
    expect(formatAverage(0.4)).toBe('< 1');
    expect(formatAverage(1)).toBe('1');
  });
});

describe('activeRows', () => {
  it('keeps days and services where anything was booked, cancelled or taken', () => {
    const rows = [row('2026-11-01', 1), row('2026-11-01', 2, { cancelled: 1 }), row('2026-11-02', 1, { walkIns: 2 }), row('2026-11-02', 2, { booked: 1 })];
    expect(activeRows(rows).map((r) => `${r.date}/${r.serviceId}`)).toEqual(['2026-11-01/2', '2026-11-02/1', '2026-11-02/2']);
  });
});

describe('hourSeries', () => {
  it('fills the hall day with zeros and widens to early or late activity', () => {
    expect(hourSeries([], 9, 11)).toEqual([
      { hour: 9, queued: 0, served: 0 },
      { hour: 10, queued: 0, served: 0 },
      { hour: 11, queued: 0, served: 0 },
    ]);
    const s = hourSeries(
      [
        { hour: 7, queued: 1, served: 0 },
        { hour: 10, queued: 3, served: 2 },
      ],
      9,
      10,
    );
    expect(s.map((h) => [h.hour, h.queued, h.served])).toEqual([
      [7, 1, 0],
      [8, 0, 0],
      [9, 0, 0],
      [10, 3, 2],
    ]);
  });
});

describe('dailyTotals', () => {
  it('gives every day of the range, summed over services', () => {
    const days = dailyTotals(
      [row('2026-11-02', 1, { booked: 2, served: 1 }), row('2026-11-02', 2, { booked: 1, walkIns: 4, noShow: 1 })],
      '2026-11-01',
      '2026-11-03',
    );
    expect(days).toEqual([
      { date: '2026-11-01', booked: 0, walkIns: 0, served: 0, noShow: 0 },
      { date: '2026-11-02', booked: 3, walkIns: 4, served: 1, noShow: 1 },
      { date: '2026-11-03', booked: 0, walkIns: 0, served: 0, noShow: 0 },
    ]);
    expect(dailyTotals([], '2026-11-03', '2026-11-01')).toEqual([]);
  });
});

describe('report range', () => {
  it.each([
    ['2026-11-25', '2026-10-01', '2026-10-31'],
    ['2026-01-15', '2025-12-01', '2025-12-31'],
    ['2026-03-01', '2026-02-01', '2026-02-28'],
  ])('the month before %s is %s to %s', (today, from, to) => {
    expect(lastMonth(today)).toEqual({ from, to });
  });

  it.each([
    ['2026-10-01', '2026-10-31', null],
    ['2026-10-01', '2026-10-01', null],
    ['2026-10-32', '2026-10-31', 'FROM'],
    ['2026-10-01', '', 'TO'],
    ['2026-10-02', '2026-10-01', 'ORDER'],
    ['2026-01-01', '2027-02-06', 'TOO_LONG'],
    ['2026-01-01', '2027-02-05', null],
  ])('%s to %s -> %s', (from, to, problem) => {
    expect(rangeProblem(from, to)).toBe(problem);
  });
});

describe('quickRange', () => {
  it('offers last month, this month so far and the last 30 days', () => {
    expect(quickRange('lastMonth', '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(quickRange('thisMonth', '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(quickRange('last30', '2026-11-25')).toEqual({ from: '2026-10-27', to: '2026-11-25' });
  });
});

describe('the report opens on', () => {
  it('this month so far (not last month, empty in a hall’s first month)', () => {
    expect(defaultReportRange('2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
    expect(defaultReportRange('2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });
});
