// Today's dashboard and the reports: totals over services, the hours of the day as a continuous
// row, per-day totals for the report chart, the report's default range and its checks. Pure.
import type { DayFigures, TodayResponse } from '../../contracts/admin.js';
import { addDays, isValidDate } from '../../domain/schedule.js';

export type CountKey =
  | 'booked'
  | 'cancelled'
  | 'cancelledHallClosed'
  | 'checkedIn'
  | 'missed'
  | 'walkIns'
  | 'waiting'
  | 'served'
  | 'noShow'
  | 'overMaxWait'
  | 'waitingOverMaxWait'
  | 'priorityTickets';
export type AverageKey = 'averageWaitMinutes' | 'averageServiceMinutes' | 'priorityAverageWaitMinutes';
/** Per row only: a percentile of several rows is not made from theirs. */
export type PercentileKey = 'p90WaitMinutes' | 'p90ServiceMinutes';
export type FigureKey = CountKey | AverageKey | PercentileKey;

/** The columns of today's table, in the order a hall manager reads them. */
export const TODAY_COLUMNS: readonly FigureKey[] = [
  'booked',
  'checkedIn',
  'walkIns',
  'waiting',
  'waitingOverMaxWait',
  'served',
  'noShow',
  'averageWaitMinutes',
  'averageServiceMinutes',
];

/** The report's columns: today's plus what only matters afterwards. */
export const REPORT_COLUMNS: readonly FigureKey[] = [
  'booked',
  'checkedIn',
  'missed',
  'cancelled',
  'cancelledHallClosed',
  'walkIns',
  'served',
  'noShow',
  'averageWaitMinutes',
  'averageServiceMinutes',
  'overMaxWait',
  'p90WaitMinutes',
  'p90ServiceMinutes',
  // 优先: how many, and how long they waited (beside the mean wait of everyone, to compare).
  'priorityTickets',
  'priorityAverageWaitMinutes',
];

const COUNTS: readonly CountKey[] = [
  'booked',
  'cancelled',
  'cancelledHallClosed',
  'checkedIn',
  'missed',
  'walkIns',
  'waiting',
  'served',
  'noShow',
  'overMaxWait',
  'waitingOverMaxWait',
  'priorityTickets',
];

export type Totals = Record<CountKey, number> & Record<AverageKey | PercentileKey, number | null>;

/**
 * Sums of the counts; the averages weighted by the people served (none served: no average), the
 * 优先 tickets' mean wait by the 优先 tickets.
 */
export function totals(rows: readonly DayFigures[]): Totals {
  const out = Object.fromEntries(COUNTS.map((k) => [k, rows.reduce((n, r) => n + r[k], 0)])) as Record<CountKey, number>;
  const weighted = (key: AverageKey, by: 'served' | 'priorityTickets' = 'served'): number | null => {
    const known = rows.filter((r) => r[key] !== null && r[by] > 0);
    const weight = known.reduce((n, r) => n + r[by], 0);
    if (weight === 0) return null;
    return Math.round((known.reduce((n, r) => n + (r[key] as number) * r[by], 0) / weight) * 10) / 10;
  };
  return {
    ...out,
    averageWaitMinutes: weighted('averageWaitMinutes'),
    averageServiceMinutes: weighted('averageServiceMinutes'),
    priorityAverageWaitMinutes: weighted('priorityAverageWaitMinutes', 'priorityTickets'),
    p90WaitMinutes: rows.length === 1 ? (rows[0] as DayFigures).p90WaitMinutes : null,
    p90ServiceMinutes: rows.length === 1 ? (rows[0] as DayFigures).p90ServiceMinutes : null,
  };
}

/** Minutes with one decimal at most ('< 1' under a minute, never a bare 0), or a dash when there is nothing to average. */
export function formatAverage(minutes: number | null): string {
  if (minutes === null) return '—';
  return minutes < 1 ? '< 1' : String(Math.round(minutes * 10) / 10);
}

/** The rows worth a line in the report's table: a day and service with any booking or number. */
export function activeRows<T extends Pick<DayFigures, 'booked' | 'cancelled' | 'walkIns'>>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.booked + r.cancelled + r.walkIns > 0);
}

export type HourRow = TodayResponse['byHour'][number];

/** Every hour from `from` to `to` (widened to any hour with activity), zeros where nothing happened. */
export function hourSeries(byHour: readonly HourRow[], from = 8, to = 17): HourRow[] {
  const first = Math.min(from, ...byHour.map((h) => h.hour));
  const last = Math.max(to, ...byHour.map((h) => h.hour));
  const known = new Map(byHour.map((h) => [h.hour, h]));
  const out: HourRow[] = [];
  for (let hour = first; hour <= last; hour++) out.push(known.get(hour) ?? { hour, queued: 0, served: 0 });
  return out;
}

export interface DayTotal {
  date: string;
  booked: number;
  walkIns: number;
  served: number;
  noShow: number;
}

/** The report summed over services, one row per day in the range. */
export function dailyTotals(rows: readonly DayFigures[], from: string, to: string): DayTotal[] {
  const out: DayTotal[] = [];
  if (!isValidDate(from) || !isValidDate(to) || to < from) return out;
  for (let date = from; date <= to && out.length < 400; date = addDays(date, 1)) {
    const day = rows.filter((r) => r.date === date);
    out.push({
      date,
      booked: day.reduce((n, r) => n + r.booked, 0),
      walkIns: day.reduce((n, r) => n + r.walkIns, 0),
      served: day.reduce((n, r) => n + r.served, 0),
      noShow: day.reduce((n, r) => n + r.noShow, 0),
    });
  }
  return out;
}

/** The month before the one `today` is in: the monthly report's usual range. */
export function lastMonth(today: string): { from: string; to: string } {
  const firstOfThis = `${today.slice(0, 7)}-01`;
  const to = addDays(firstOfThis, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

export const MAX_REPORT_DAYS = 400;

export type RangeProblem = 'FROM' | 'TO' | 'ORDER' | 'TOO_LONG';

/** What is wrong with a report range (the server's rule: at most 400 days), or null. */
export function rangeProblem(from: string, to: string): RangeProblem | null {
  if (!isValidDate(from)) return 'FROM';
  if (!isValidDate(to)) return 'TO';
  if (to < from) return 'ORDER';
  if (to > addDays(from, MAX_REPORT_DAYS)) return 'TOO_LONG';
  return null;
}

export type QuickRange = 'lastMonth' | 'thisMonth' | 'last30';

/**
 * The range the report opens on: this month so far. (Last month was empty for a hall in its
 * first month, which looked like a broken report.)
 */
export function defaultReportRange(today: string): { from: string; to: string } {
  return quickRange('thisMonth', today);
}

/** The report's one-click ranges, relative to the hall's today. */
export function quickRange(kind: QuickRange, today: string): { from: string; to: string } {
  if (kind === 'lastMonth') return lastMonth(today);
  if (kind === 'thisMonth') return { from: `${today.slice(0, 7)}-01`, to: today };
  return { from: addDays(today, -29), to: today };
}
