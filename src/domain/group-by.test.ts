import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.js';

describe('groupBy', () => {
  it('keeps the groups in first-seen order and the items in theirs', () => {
    expect([...groupBy(['a1', 'b1', 'a2', 'c1', 'b2'], (s) => s[0])]).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1', 'b2']],
      ['c', ['c1']],
    ]);
  });

  it('groups by any key, null included; no items, no groups', () => {
    expect(groupBy([{ k: null }, { k: 1 }, { k: null }], (x) => x.k).get(null)).toHaveLength(2);
    expect(groupBy([], (x) => x).size).toBe(0);
  });
});
