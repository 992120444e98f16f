import { describe, expect, it } from 'vitest';
import { isOver, overCount } from './forget-logic.js';

describe('bookings that are over', () => {
  it.each([
    ['booked', '2026-11-25', false],
    ['checked_in', '2026-11-25', false],
    ['checked_in', '2026-11-24', true],
    ['cancelled', '2026-11-26', true],
    ['served', '2026-11-25', true],
    ['missed', '2026-11-25', true],
  ] as const)('%s on %s (today 2026-11-25): %s', (status, date, over) => expect(isOver({ status, date }, '2026-11-25')).toBe(over));

  it('counts them', () => {
    expect(
      overCount(
        [
          { status: 'booked', date: '2026-11-26' },
          { status: 'missed', date: '2026-11-20' },
        ],
        '2026-11-25',
      ),
    ).toBe(1);
  });
});
