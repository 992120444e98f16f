import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, chooseLevel, commentLength, draftChoice, draftProblem, toggleReason } from './rating-logic.js';

describe('the rating a citizen puts together', () => {
  it('sends a good rating at once, with nothing but its level', () => {
    for (const level of ['very_satisfied', 'satisfied', 'basic'] as const) {
      const step = chooseLevel({ level: 'dissatisfied', reasons: ['attitude'], comment: 'x' }, level);
      expect(step.send).toEqual({ level });
      expect(step.draft).toEqual({ level, reasons: [], comment: '' });
    }
  });

  it('holds a 差评 until a reason is chosen, then sends its reasons in the indicators’ order and the trimmed comment', () => {
    const step = chooseLevel(EMPTY_DRAFT, 'very_dissatisfied');
    expect(step.send).toBeNull();
    expect(draftProblem(step.draft)).toBe('REASON_REQUIRED');
    expect(draftChoice(step.draft)).toBeNull();
    const reasons = toggleReason(toggleReason([], 'overall'), 'attitude');
    expect(reasons).toEqual(['attitude', 'overall']);
    const draft = { ...step.draft, reasons, comment: '  等了很久  ' };
    expect(draftProblem(draft)).toBeNull();
    expect(draftChoice(draft)).toEqual({ level: 'very_dissatisfied', reasons: ['attitude', 'overall'], comment: '等了很久' });
    expect(draftChoice({ ...draft, comment: '   ' })).toEqual({ level: 'very_dissatisfied', reasons: ['attitude', 'overall'] });
  });

  it('unchooses a reason chosen twice', () => {
    expect(toggleReason(['attitude', 'skill'], 'attitude')).toEqual(['skill']);
  });

  it('counts a comment as the server does: 200 characters pass, 201 do not, surrounding spaces are free', () => {
    const at = (n: number) => ({ level: 'dissatisfied' as const, reasons: ['skill' as const], comment: ` ${'慢'.repeat(n)} ` });
    expect(commentLength(at(200).comment)).toBe(200);
    expect(draftProblem(at(200))).toBeNull();
    expect(draftProblem(at(201))).toBe('COMMENT_TOO_LONG');
    expect(commentLength('😀😀')).toBe(2);
  });
});
