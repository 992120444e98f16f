// The hall calendar screen's arithmetic: month grids (Monday first), what a day looks like, and
// the preview of a pasted list before it is imported. Pure.
import type { CalendarDay } from '../../contracts/admin.js';
import { type ImportProblem, type ImportedDay, parseCalendarList } from '../../domain/calendar-import.js';
import { addDays, isValidDate, weekdayOf } from '../../domain/schedule.js';

/** 'YYYY-MM' */
export type Month = string;

export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

export function isMonth(text: string | null | undefined): text is Month {
  return !!text && /^\d{4}-\d{2}$/.test(text) && isValidDate(`${text}-01`);
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthRange(month: Month): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(`${addMonths(month, 1)}-01`, -1) };
}

export interface GridCell {
  date: string;
  inMonth: boolean;
  weekday: number;
}

/** The weeks that show a month, Monday to Sunday, with the neighbours' days filling the edges. */
export function monthGrid(month: Month): GridCell[][] {
  const { from, to } = monthRange(month);
  let day = addDays(from, 1 - weekdayOf(from));
  const weeks: GridCell[][] = [];
  while (day <= to) {
    const week: GridCell[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date: day, inMonth: monthOf(day) === month, weekday: weekdayOf(day) });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/**
 * How the hall stands on a day: closed by an exception (法定节假日), open by one (调休 make-up
 * day), or as usual (weekends closed for most services, each service has its own weekdays).
 */
export type DayLook = 'closed' | 'open' | 'weekend' | 'weekday';

export function dayLook(date: string, exception: CalendarDay['kind'] | undefined): DayLook {
  if (exception) return exception;
  return weekdayOf(date) >= 6 ? 'weekend' : 'weekday';
}

export function byDate(days: readonly CalendarDay[]): Map<string, CalendarDay> {
  return new Map(days.map((d) => [d.date, d]));
}

export type PreviewChange = 'new' | 'change' | 'same';

export interface PreviewRow extends ImportedDay {
  change: PreviewChange;
  past: boolean;
}

export interface ImportPreview {
  rows: PreviewRow[];
  problems: ImportProblem[];
  /** The dates the list covers, for reading what is already set there. */
  span: { from: string; to: string } | null;
}

/** What an import would do, compared with the exceptions already set (`existing` must cover `span`). */
export function importPreview(text: string, existing: readonly CalendarDay[], today: string): ImportPreview {
  const { days, problems } = parseCalendarList(text);
  const known = byDate(existing);
  const rows = [...days]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((d) => {
      const old = known.get(d.date);
      const change: PreviewChange = !old ? 'new' : old.kind === d.kind && old.note === d.note ? 'same' : 'change';
      return { ...d, change, past: d.date < today };
    });
  const span = rows.length > 0 ? { from: (rows[0] as PreviewRow).date, to: (rows.at(-1) as PreviewRow).date } : null;
  return { rows, problems, span };
}

/** Only the span is needed from a pasted text before its preview can be shown. */
export function importSpan(text: string): { from: string; to: string } | null {
  return importPreview(text, [], '').span;
}
