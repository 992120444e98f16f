import { describe, expect, it } from 'vitest';
import { formatAverageMinutes, formatLongDate, formatMinutes, formatMonthDay, formatShortDate, formatSlot, weekdayName } from './format.js';

describe('date words', () => {
  it('names the weekday of 2026-11-25 (a Wednesday)', () => {
    expect(weekdayName('2026-11-25', 'zh')).toBe('周三');
    expect(weekdayName('2026-11-29', 'en')).toBe('Sun');
  });

  it('formats short and long dates in both languages', () => {
    expect(formatShortDate('2026-11-25', 'zh')).toBe('11月25日 周三');
    expect(formatShortDate('2026-12-01', 'en')).toBe('Tue 1 Dec');
    expect(formatLongDate('2026-11-25', 'zh')).toBe('2026年11月25日 周三');
    expect(formatLongDate('2027-01-04', 'en')).toBe('Mon 4 Jan 2027');
    expect(formatMonthDay('2026-11-05')).toBe('11/5');
  });

  it('formats a slot with or without an end', () => {
    expect(formatSlot('09:00', '10:00')).toBe('09:00–10:00');
    expect(formatSlot('09:00', null)).toBe('09:00');
  });
});

describe('formatMinutes', () => {
  it.each([
    [0, '0 分钟', '0 min'],
    [12, '12 分钟', '12 min'],
    [60, '1 小时', '1 h'],
    [65, '1 小时 5 分钟', '1 h 5 min'],
    [-3, '0 分钟', '0 min'],
    [2.6, '3 分钟', '3 min'],
  ])('%f minutes', (minutes, zh, en) => {
    expect(formatMinutes(minutes, 'zh')).toBe(zh);
    expect(formatMinutes(minutes, 'en')).toBe(en);
  });
});

describe('average durations', () => {
  it('keeps one decimal at most', () => {
    expect(formatAverageMinutes(10, 'zh')).toBe('10 分钟');
    expect(formatAverageMinutes(7.25, 'zh')).toBe('7.3 分钟');
    expect(formatAverageMinutes(7.04, 'en')).toBe('7 min');
  });

  it('says "< 1 分钟" under a minute, never "0 分钟" (a start and finish within a second)', () => {
    expect(formatAverageMinutes(0, 'zh')).toBe('< 1 分钟');
    expect(formatAverageMinutes(0.02, 'zh')).toBe('< 1 分钟');
    expect(formatAverageMinutes(0.9, 'en')).toBe('< 1 min');
    expect(formatAverageMinutes(1, 'zh')).toBe('1 分钟');
  });
});
