import { describe, expect, it } from 'vitest';
import { parseCalendarList } from './calendar-import.js';

describe('importing a year of closed days', () => {
  it('reads CSV with a header, pasted cells, Chinese kinds and loose dates', () => {
    const text = '\uFEFFdate,kind,note\n2026-10-01,closed,国庆节\n2026/10/2\t休\t国庆节\n2026.10.11,班,国庆调休\n2027年1月1日\n';
    expect(parseCalendarList(text)).toEqual({
      days: [
        { date: '2026-10-01', kind: 'closed', note: '国庆节' },
        { date: '2026-10-02', kind: 'closed', note: '国庆节' },
        { date: '2026-10-11', kind: 'open', note: '国庆调休' },
        { date: '2027-01-01', kind: 'closed', note: '' },
      ],
      problems: [],
    });
  });

  it('reports bad dates, unknown kinds and duplicates with their line', () => {
    const text = '2026-02-30\n2026-05-01,maybe\n2026-05-01\n2026-05-01,closed\n';
    expect(parseCalendarList(text)).toEqual({
      days: [{ date: '2026-05-01', kind: 'closed', note: '' }],
      problems: [
        { line: 1, text: '2026-02-30', reason: 'DATE' },
        { line: 2, text: '2026-05-01,maybe', reason: 'KIND' },
        { line: 4, text: '2026-05-01,closed', reason: 'DUPLICATE' },
      ],
    });
  });

  it('keeps quoted commas in notes and skips blank and # lines', () => {
    expect(parseCalendarList('# 2026\n\n"2026-06-19","closed","端午节, 放假"').days).toEqual([
      { date: '2026-06-19', kind: 'closed', note: '端午节, 放假' },
    ]);
  });
});
