import { describe, expect, it } from 'vitest';
import { weekdaysText } from './weekday-text.js';

describe('weekdaysText', () => {
  it.each([
    [[1, 2, 3, 4, 5], '周一至周五', 'Mon–Fri'],
    [[5, 3, 1], '周一、周三、周五', 'Mon, Wed, Fri'],
    [[1, 2, 3, 4, 5, 7], '周一至周五、周日', 'Mon–Fri, Sun'],
    [[6, 7], '周六、周日', 'Sat, Sun'],
    [[1, 2, 3, 4, 5, 6, 7], '每天', 'Every day'],
    [[], '', ''],
  ])('%j -> %s / %s', (days, zh, en) => {
    expect(weekdaysText(days, 'zh')).toBe(zh);
    expect(weekdaysText(days, 'en')).toBe(en);
  });
});
