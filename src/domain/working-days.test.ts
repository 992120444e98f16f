import { describe, expect, it } from 'vitest';
import type { DayOverride } from './schedule.js';
import { addWorkingDays, isWorkingDay } from './working-days.js';

const none = new Map<string, DayOverride>();
// 2026: 国庆 1–7 October closed, 调休 Sunday 27 September and Saturday 10 October open.
const national = new Map<string, DayOverride>([
  ['2026-09-27', 'open'],
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, 'closed'] as [string, DayOverride]),
  ['2026-10-10', 'open'],
]);

describe('working days', () => {
  it.each([
    ['2026-12-04', true], // Friday
    ['2026-12-05', false], // Saturday
    ['2026-12-06', false], // Sunday
    ['2026-12-07', true], // Monday
  ])('%s is a working day: %s (no calendar)', (date, expected) => {
    expect(isWorkingDay(date, none)).toBe(expected);
  });

  it('follows the calendar: a closed weekday is not, a 调休 weekend day is', () => {
    expect(isWorkingDay('2026-10-05', national)).toBe(false);
    expect(isWorkingDay('2026-10-10', national)).toBe(true);
    expect(isWorkingDay('2026-09-27', national)).toBe(true);
  });

  it.each([
    ['2026-12-04', 1, '2026-12-07'], // Friday + 1 → Monday
    ['2026-12-05', 1, '2026-12-07'], // opened on a Saturday: Monday is the first
    ['2026-12-01', 15, '2026-12-22'], // Tuesday + 15 = three weeks later
    ['2026-12-03', 0, '2026-12-03'],
  ])('%s + %i working days = %s without holidays', (date, n, due) => {
    expect(addWorkingDays(date, n, none)).toBe(due);
  });

  it('skips 国庆 and counts its 调休 days', () => {
    // From Friday 25 September: 27 Sep (Sun, 调休) 1, 28–30 Sep 2–4, 1–7 Oct closed, 8 Oct 5, 9 Oct 6,
    // 10 Oct (Sat, 调休) 7, 12–16 Oct 8–12, 19–21 Oct 13–15.
    expect(addWorkingDays('2026-09-25', 15, national)).toBe('2026-10-21');
    // Without the calendar it would be three weeks on.
    expect(addWorkingDays('2026-09-25', 15, none)).toBe('2026-10-16');
  });
});
