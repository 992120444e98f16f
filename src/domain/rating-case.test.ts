import { describe, expect, it } from 'vitest';
import { type CaseFacts, caseStepRefusal, countCases, isOverdue, nextCaseStates } from './rating-case.js';

describe('a 差评 case moves forward only', () => {
  it('open → rectifying → revisited or closed → closed', () => {
    expect(nextCaseStates('open')).toEqual(['rectifying']);
    expect(nextCaseStates('rectifying')).toEqual(['revisited', 'closed']);
    expect(nextCaseStates('revisited')).toEqual(['closed']);
    expect(nextCaseStates('closed')).toEqual([]);
  });

  const revisit = { to: 'revisited', note: '已整改', revisitDate: '2026-12-05', outcome: '电话回访，已解决', level: 'satisfied' } as const;
  it.each([
    ['open', { to: 'rectifying', note: '窗口人员培训' }, null],
    ['open', { to: 'closed', note: '直接关闭' }, 'CASE_STATE'],
    ['open', { to: 'rectifying', note: '  ' }, 'NOTE_REQUIRED'],
    ['rectifying', { to: 'rectifying', note: 'again' }, 'CASE_STATE'],
    ['rectifying', revisit, null],
    ['rectifying', { ...revisit, outcome: '' }, 'NOTE_REQUIRED'],
    ['rectifying', { ...revisit, revisitDate: '2026-12-01' }, 'REVISIT_DATE'],
    ['rectifying', { ...revisit, revisitDate: '2026-12-09' }, 'REVISIT_DATE'],
    ['rectifying', { to: 'closed', note: '无法联系到办事人' }, null],
    ['revisited', { to: 'closed', note: '结案' }, null],
    ['closed', { to: 'closed', note: '再关' }, 'CASE_STATE'],
    ['open', { to: 'rectifying', note: '长'.repeat(501) }, 'NOTE_TOO_LONG'],
  ] as const)('from %s, %j → %s', (from, step, expected) => {
    expect(caseStepRefusal(from, step, '2026-12-02', '2026-12-08')).toBe(expected);
  });
});

describe('case figures', () => {
  it('is overdue only after its due date and while not closed', () => {
    expect(isOverdue({ state: 'open', dueDate: '2026-12-22' }, '2026-12-22')).toBe(false);
    expect(isOverdue({ state: 'rectifying', dueDate: '2026-12-22' }, '2026-12-23')).toBe(true);
    expect(isOverdue({ state: 'closed', dueDate: '2026-12-22' }, '2026-12-30')).toBe(false);
  });

  it('整改率 counts cases put right, 回访率 those revisited', () => {
    const cases: CaseFacts[] = [
      { state: 'open', rectifiedAt: null, revisitedAt: null, dueDate: '2026-12-01' },
      { state: 'rectifying', rectifiedAt: null, revisitedAt: null, dueDate: '2026-12-30' },
      { state: 'revisited', rectifiedAt: '2026-12-02T02:00:00Z', revisitedAt: '2026-12-02T02:00:00Z', dueDate: '2026-12-30' },
      { state: 'closed', rectifiedAt: '2026-12-02T02:00:00Z', revisitedAt: null, dueDate: '2026-12-01' },
    ];
    const c = countCases(cases, '2026-12-03');
    expect(c).toMatchObject({ cases: 4, open: 3, overdue: 1, rectified: 2, revisited: 1, closed: 1 });
    expect(c.rectificationRate).toBe(0.5);
    expect(c.revisitRate).toBe(0.25);
    expect(countCases([], '2026-12-03').rectificationRate).toBeNull();
  });
});
