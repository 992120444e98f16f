import { describe, expect, it } from 'vitest';
import { formatCallNumber, formatTicketNumber, isCallNumber, parseTicketNumber } from './ticket-number.js';

describe('办事编号', () => {
  it.each([
    ['Y', '2026-11-25', '09:00', 3, 'Y20261125090003'],
    ['S', '2026-01-05', '14:00', 10, 'S20260105140010'],
    ['H', '2026-11-25', '10:07', 99, 'H20261125100799'],
    ['F', '2026-11-25', '09:00', 100, 'F202611250900100'],
    ['F', '2026-11-25', '09:00', 1234, 'F2026112509001234'],
  ])('%s %s %s #%i -> %s', (letter, date, time, order, number) => {
    expect(formatTicketNumber({ letter, date, time, order })).toBe(number);
    expect(parseTicketNumber(number)).toEqual({
      prefix: '',
      letter,
      date,
      time,
      order,
    });
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

  it.each([
    ['CD-', 'Y', 'CD-Y20261125090003'],
    ['HD01-', 'S', 'HD01-S20261125090003'],
  ])('a later hall (prefix %s) starts its numbers with its code', (prefix, letter, number) => {
    expect(
      formatTicketNumber({
        prefix,
        letter,
        date: '2026-11-25',
        time: '09:00',
        order: 3,
      }),
    ).toBe(number);
    expect(parseTicketNumber(number)).toEqual({
      prefix,
      letter,
      date: '2026-11-25',
      time: '09:00',
      order: 3,
    });
  });

  it('never gives two halls the same number, whatever their codes, letters and orders', () => {
    const prefixes = ['', 'CD-', 'C1-', 'CY-', 'Y2-', 'AB12CD34-'];
    const seen = new Map<string, string>();
    for (const prefix of prefixes) {
      for (const letter of ['C', 'Y', 'D']) {
        for (let order = 1; order <= 150; order++) {
          const n = formatTicketNumber({
            prefix,
            letter,
            date: '2026-11-25',
            time: '09:00',
            order,
          });
          expect(seen.get(n), n).toBeUndefined();
          seen.set(n, prefix);
          expect(parseTicketNumber(n)?.prefix).toBe(prefix);
        }
      }
    }
  });

  it.each(['cd-', 'CD', 'C-', '-', 'ABCDEFGHI-'])('refuses the hall prefix %j', (prefix) => {
    expect(() =>
      formatTicketNumber({
        prefix,
        letter: 'Y',
        date: '2026-11-25',
        time: '09:00',
        order: 1,
      }),
    ).toThrow(RangeError);
  });

  it.each([0, -1, 1.5])('refuses order %d', (order) => {
    expect(() => formatTicketNumber({ letter: 'Y', date: '2026-11-25', time: '09:00', order })).toThrow(RangeError);
  });
});

describe('叫号号码 (call numbers)', () => {
  it.each([
    ['Y', 1, 'Y001'],
    ['Y', 12, 'Y012'],
    ['H', 999, 'H999'],
    ['F', 1000, 'F1000'],
    ['S', 12345, 'S12345'],
  ])('%s #%i -> %s', (letter, n, call) => {
    expect(formatCallNumber(letter, n)).toBe(call);
    expect(isCallNumber(call)).toBe(true);
  });

  it('never repeats: each n gives a different number, and widening never meets a padded one', () => {
    const seen = new Set(Array.from({ length: 20_000 }, (_, i) => formatCallNumber('Y', i + 1)));
    expect(seen.size).toBe(20_000);
  });

  it.each([['y', 1], ['YY', 1], ['Y', 0], ['Y', -3], ['Y', 1.5]])('refuses %s #%s', (letter, n) => {
    expect(() => formatCallNumber(letter as string, n as number)).toThrow(RangeError);
  });

  it.each(['Y01', 'Y0001', 'y001', 'Y20261125090003', ''])('%s is not a call number', (text) => {
    expect(isCallNumber(text)).toBe(false);
  });
});
