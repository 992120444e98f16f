// Working days by the hall's calendar: Monday to Friday, except the days the calendar closes (法定节假日)
// and including the weekend days it opens (调休). Due dates of 差评 cases count these.
import type { DayOverride } from './schedule.js';
import { addDays, weekdayOf } from './schedule.js';

export type CalendarOverrides = ReadonlyMap<string, DayOverride>;

export function isWorkingDay(date: string, overrides: CalendarOverrides): boolean {
  const o = overrides.get(date);
  if (o === 'closed') return false;
  if (o === 'open') return true;
  return weekdayOf(date) <= 5;
}

/**
 * The date `n` working days after `date` (the day itself does not count, whether or not it is a
 * working day): a case opened on a Friday and due in 1 working day is due on Monday.
 */
export function addWorkingDays(date: string, n: number, overrides: CalendarOverrides): string {
  let day = date;
  let left = n;
  // A calendar that closes every day would never end; a year of closed days is far past any real one.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    day = addDays(day, 1);
    if (isWorkingDay(day, overrides)) left -= 1;
  }
  return day;
}

/** Calendar days to read overrides for so that `n` working days after `date` are surely inside. */
export function workingDaysSpan(n: number): number {
  return n * 2 + 40;
}
