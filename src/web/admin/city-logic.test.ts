import { describe, expect, it } from 'vitest';
import { type CityHall, arrangeCity, citySortOf, subtotal } from './city-logic.js';

const hall = (code: string, district: string, figures: Partial<CityHall> = {}): CityHall => ({
  code,
  name: `${code} hall`,
  district,
  active: true,
  date: '2026-11-25',
  booked: 0,
  checkedIn: 0,
  walkIns: 0,
  waiting: 0,
  served: 0,
  longestWaitMinutes: 0,
  countersOpen: 0,
  ...figures,
});

const halls = [
  hall('MAIN', '市中心', { booked: 10, waiting: 2, longestWaitMinutes: 5, countersOpen: 3 }),
  hall('CD', '城东区', { booked: 4, waiting: 7, longestWaitMinutes: 25, countersOpen: 1 }),
  hall('ZX', '市中心', { booked: 1, waiting: 0, longestWaitMinutes: 0, countersOpen: 2 }),
  hall('XQ', '', { booked: 4, waiting: 1, longestWaitMinutes: 40 }),
];

describe('the city overview', () => {
  it('groups halls by district in the order they come, with subtotals', () => {
    const groups = arrangeCity(halls, 'district');
    expect(groups.map((g) => [g.district, g.halls.map((h) => h.code)])).toEqual([
      ['市中心', ['MAIN', 'ZX']],
      ['城东区', ['CD']],
      ['', ['XQ']],
    ]);
    expect(groups[0]?.subtotal).toMatchObject({ booked: 11, waiting: 2, longestWaitMinutes: 5, countersOpen: 5 });
  });

  it('sorts by what needs attention first, ties in the server order', () => {
    expect(arrangeCity(halls, 'waiting')[0]?.halls.map((h) => h.code)).toEqual(['CD', 'MAIN', 'XQ', 'ZX']);
    expect(arrangeCity(halls, 'longestWait')[0]?.halls.map((h) => h.code)).toEqual(['XQ', 'CD', 'MAIN', 'ZX']);
    expect(arrangeCity(halls, 'booked')[0]?.halls.map((h) => h.code)).toEqual(['MAIN', 'CD', 'XQ', 'ZX']);
    expect(arrangeCity(halls, 'booked')[0]?.district).toBeNull();
  });

  it('adds counts up and takes the longest of the longest waits', () => {
    expect(subtotal(halls)).toEqual({ booked: 19, checkedIn: 0, walkIns: 0, waiting: 10, served: 0, longestWaitMinutes: 40, countersOpen: 6 });
    expect(subtotal([])).toMatchObject({ booked: 0, longestWaitMinutes: 0 });
  });

  it('reads the order from the address, by district otherwise', () => {
    expect(citySortOf('waiting')).toBe('waiting');
    expect(citySortOf('x')).toBe('district');
    expect(citySortOf(null)).toBe('district');
  });
});
