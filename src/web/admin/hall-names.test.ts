import { describe, expect, it } from 'vitest';
import { districtName, groupsOf, hallName } from './hall-names.js';

describe('hall names', () => {
  it('reads in the screen language, Chinese standing in for an empty English name', () => {
    const hall = { nameZh: '城东政务服务中心', nameEn: 'East Centre', districtZh: '城东区', districtEn: '' };
    expect(hallName(hall, 'zh')).toBe('城东政务服务中心');
    expect(hallName(hall, 'en')).toBe('East Centre');
    expect(hallName({ ...hall, nameEn: ' ' }, 'en')).toBe('城东政务服务中心');
    expect(districtName(hall, 'en')).toBe('城东区');
  });

  it('groups in first-seen order, keeping the order inside a group', () => {
    expect(groupsOf(['a1', 'b1', 'a2', 'c1'], (s) => s[0] as string)).toEqual([
      { key: 'a', items: ['a1', 'a2'] },
      { key: 'b', items: ['b1'] },
      { key: 'c', items: ['c1'] },
    ]);
  });
});
