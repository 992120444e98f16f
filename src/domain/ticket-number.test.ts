import { describe, expect, it } from 'vitest';
import { formatTicketNumber, parseTicketNumber, spokenTicketNumber } from './ticket-number.js';

describe('办事编号', () => {
  it.each([
    ['Y', '2026-11-25', '09:00', 3, 'Y20261125090003'],
    ['S', '2026-01-05', '14:00', 10, 'S20260105140010'],
    ['H', '2026-11-25', '10:07', 99, 'H20261125100799'],
    ['F', '2026-11-25', '09:00', 100, 'F202611250900100'],
    ['F', '2026-11-25', '09:00', 1234, 'F2026112509001234'],
  ])('%s %s %s #%i -> %s', (letter, date, time, order, number) => {
    expect(formatTicketNumber({ letter, date, time, order })).toBe(number);
    expect(parseTicketNumber(number)).toEqual({ letter, date, time, order });
  });

  it('never gives two orders the same number, across the widening from 2 to 3 digits', () => {
    const seen = new Set<string>();
    for (let order = 1; order <= 1500; order++) {
      seen.add(formatTicketNumber({ letter: 'Y', date: '2026-11-25', time: '09:00', order }));
    }
    expect(seen.size).toBe(1500);
  });

  it.each(['', 'y20261125090003', 'Y2026112509000', 'Y202611250900000', 'Y2026112509000X', 'Y20261125090000', 'YY0261125090001'])(
    'rejects %j',
    (s) => expect(parseTicketNumber(s)).toBeNull(),
  );

  it.each([0, -1, 1.5])('refuses order %d', (order) => {
    expect(() => formatTicketNumber({ letter: 'Y', date: '2026-11-25', time: '09:00', order })).toThrow(RangeError);
  });

  it('is spoken as the letter, the time and the order', () => {
    expect(spokenTicketNumber('Y20261125090003')).toBe('Y090003');
  });
});
