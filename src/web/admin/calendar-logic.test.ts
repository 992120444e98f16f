import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '../../contracts/admin.js';
import { addMonths, dayLook, importPreview, importSpan, isMonth, monthGrid, monthOf, monthRange } from './calendar-logic.js';

const day = (date: string, kind: 'closed' | 'open', note = ''): CalendarDay => ({
  date,
  kind,
  note,
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'admin',
});

describe('months', () => {
  it.each([
    ['2026-11', 1, '2026-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-01', -1, '2025-12'],
    ['2026-11', -11, '2025-12'],
    ['2026-11', 14, '2028-01'],
  ])('%s + %i = %s', (month, n, expected) => {
    expect(addMonths(month, n)).toBe(expected);
  });

  it('knows the first and last day', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthOf('2026-11-25')).toBe('2026-11');
  });

  it('reads a month from an address', () => {
    expect(isMonth('2026-10')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });
});

describe('monthGrid', () => {
  it('lays November 2026 out Monday first (it starts on a Sunday)', () => {
    const weeks = monthGrid('2026-11');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toEqual({ date: '2026-10-26', inMonth: false, weekday: 1 });
    expect(weeks[0]?.[6]).toEqual({ date: '2026-11-01', inMonth: true, weekday: 7 });
    expect(weeks[5]?.[0]?.date).toBe('2026-11-30');
    expect(weeks[5]?.[6]?.date).toBe('2026-12-06');
    expect(weeks.flat().filter((c) => c.inMonth)).toHaveLength(30);
  });

  it('uses four weeks when a February fits exactly', () => {
    const weeks = monthGrid('2027-02');
    expect(weeks).toHaveLength(4);
    expect(weeks[0]?.[0]?.date).toBe('2027-02-01');
  });
});

describe('dayLook', () => {
  it('an exception wins over the weekday', () => {
    expect(dayLook('2026-11-28', undefined)).toBe('weekend');
    expect(dayLook('2026-11-28', 'open')).toBe('open');
    expect(dayLook('2026-11-27', undefined)).toBe('weekday');
    expect(dayLook('2026-11-27', 'closed')).toBe('closed');
  });
});

describe('importPreview', () => {
  const text = ['date,kind,note', '2026/12/31,休,元旦', '2026-12-12,班,调休上班', '2026-11-01,closed', 'nonsense', '2026-12-31'].join('\n');

  it('sorts the days, marks what changes and lists the problems by line', () => {
    const p = importPreview(text, [day('2026-12-12', 'open', '调休上班'), day('2026-12-31', 'open')], '2026-11-25');
    expect(p.rows).toEqual([
      { date: '2026-11-01', kind: 'closed', note: '', change: 'new', past: true },
      { date: '2026-12-12', kind: 'open', note: '调休上班', change: 'same', past: false },
      { date: '2026-12-31', kind: 'closed', note: '元旦', change: 'change', past: false },
    ]);
    expect(p.problems.map((x) => [x.line, x.reason])).toEqual([
      [5, 'DATE'],
      [6, 'DUPLICATE'],
    ]);
    expect(p.span).toEqual({ from: '2026-11-01', to: '2026-12-31' });
  });

  it('has no span without dates', () => {
    expect(importSpan('')).toBeNull();
    expect(importSpan('2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });
});
