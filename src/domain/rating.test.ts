import { describe, expect, it } from 'vitest';
import { countRatings, isNegative, keptComment, lastRatingDate, normalizeReasons, ratingOpen, ratingRefusal, ratingScore } from './rating.js';

describe('rating levels', () => {
  it('scores 非常满意 5 down to 非常不满意 1, and only the two lowest are 差评', () => {
    expect(ratingScore('very_satisfied')).toBe(5);
    expect(ratingScore('basic')).toBe(3);
    expect(ratingScore('very_dissatisfied')).toBe(1);
    expect(isNegative('basic')).toBe(false);
    expect(isNegative('dissatisfied')).toBe(true);
    expect(isNegative('very_dissatisfied')).toBe(true);
  });
});

describe('what a rating needs', () => {
  it.each([
    [{ level: 'very_dissatisfied', reasons: [] }, 'REASON_REQUIRED'],
    [{ level: 'dissatisfied', reasons: [] }, 'REASON_REQUIRED'],
    [{ level: 'dissatisfied', reasons: ['attitude'] }, null],
    [{ level: 'basic', reasons: [] }, null],
    [{ level: 'satisfied', reasons: [], comment: '很好'.repeat(100) }, null],
    [{ level: 'satisfied', reasons: [], comment: `${'很好'.repeat(100)}!` }, 'COMMENT_TOO_LONG'],
  ] as const)('%j → %s', (input, expected) => {
    expect(ratingRefusal(input)).toBe(expected);
  });

  it('is open for a served ticket until 7 days after its day', () => {
    expect(lastRatingDate('2026-12-03')).toBe('2026-12-10');
    expect(ratingOpen({ status: 'served', date: '2026-12-03' }, '2026-12-10')).toBeNull();
    expect(ratingOpen({ status: 'served', date: '2026-12-03' }, '2026-12-11')).toBe('WINDOW_OVER');
    expect(ratingOpen({ status: 'called', date: '2026-12-03' }, '2026-12-03')).toBe('NOT_FINISHED');
    expect(ratingOpen({ status: 'no_show', date: '2026-12-03' }, '2026-12-03')).toBe('NOT_FINISHED');
  });

  it('keeps reasons once each in the indicators order', () => {
    expect(normalizeReasons(['overall', 'efficiency', 'overall'])).toEqual(['efficiency', 'overall']);
  });
});

describe('the kept comment', () => {
  it('masks ID card and phone numbers typed into it', () => {
    expect(keptComment('我的身份证 11010519491231002X 电话13812345678 等了很久')).toBe('我的身份证 110105********002X 电话138****5678 等了很久');
  });
  it('leaves other numbers, trims, and keeps nothing for blank text', () => {
    expect(keptComment(' 等了 45 分钟，窗口 3 号 ')).toBe('等了 45 分钟，窗口 3 号');
    expect(keptComment('   ')).toBeNull();
    expect(keptComment(undefined)).toBeNull();
  });
});

describe('rating figures', () => {
  it('counts 基本满意 and above as satisfied', () => {
    const c = countRatings(['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied', 'satisfied']);
    expect(c.total).toBe(6);
    expect(c.satisfied).toBe(4);
    expect(c.satisfactionRate).toBeCloseTo(4 / 6);
    expect(c.byLevel).toEqual({ very_satisfied: 1, satisfied: 2, basic: 1, dissatisfied: 1, very_dissatisfied: 1 });
  });
  it('has no rate without ratings', () => {
    expect(countRatings([]).satisfactionRate).toBeNull();
  });
});
