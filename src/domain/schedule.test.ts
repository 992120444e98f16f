import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCHEDULE as S,
  addDays,
  closingMinutes,
  bookingWindow,
  checkInOpensAt,
  checkInState,
  hallDayStart,
  hallInstant,
  hallTime,
  isOpenDay,
  isValidDate,
  isWithinOpeningHours,
  scheduleProblems,
  slotForTime,
  slotRefusal,
  walkInHours,
  weekdayOf,
} from './schedule.js';

const at = (date: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return { date, time, minutes: (h as number) * 60 + (m as number) };
};

describe('hall time zone', () => {
  it.each([
    ['2026-11-24T16:00:00Z', 'Asia/Shanghai', '2026-11-25', '00:00'],
    ['2026-11-24T15:59:00Z', 'Asia/Shanghai', '2026-11-24', '23:59'],
    ['2026-11-25T01:30:00Z', 'Asia/Shanghai', '2026-11-25', '09:30'],
    ['2026-11-25T01:30:00Z', 'UTC', '2026-11-25', '01:30'],
    ['2026-07-01T12:00:00Z', 'Europe/London', '2026-07-01', '13:00'],
    ['2026-12-31T16:30:00Z', 'Asia/Shanghai', '2027-01-01', '00:30'],
  ])('%s in %s is %s %s', (iso, tz, date, time) => {
    const t = hallTime(new Date(iso), tz);
    expect(t.date).toBe(date);
    expect(t.time).toBe(time);
  });

  it('reads each instant right when asked second after second, across minutes, midnight and a daylight-saving change', () => {
    const direct = (at: Date, tz: string) => {
      const f = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
      const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    };
    // Midnight in Shanghai; London leaving summer time on 2026-10-25 (01:59:59 BST, then 01:00 GMT).
    for (const [start, tz] of [['2026-11-24T15:58:30Z', 'Asia/Shanghai'], ['2026-10-25T00:58:00Z', 'Europe/London']] as const) {
      for (let s = 0; s < 240; s += 7) {
        const at = new Date(Date.parse(start) + s * 1000);
        const t = hallTime(at, tz);
        expect(`${t.date} ${t.time}`).toBe(direct(at, tz));
        // What one caller does with its reading is not seen by the next.
        t.date = 'changed';
      }
    }
    // Going back in time (a simulated clock set earlier) reads the earlier minute.
    expect(hallTime(new Date('2026-11-24T16:00:00Z'), 'Asia/Shanghai').time).toBe('00:00');
    expect(hallTime(new Date('2026-11-24T15:59:00Z'), 'Asia/Shanghai').time).toBe('23:59');
  });
});

describe('hall-local date and time as an instant', () => {
  it.each([
    ['2026-11-25', '09:00', 'Asia/Shanghai', '2026-11-25T01:00:00.000Z'],
    ['2026-11-25', '00:30', 'Asia/Shanghai', '2026-11-24T16:30:00.000Z'],
    ['2026-07-01', '13:00', 'Europe/London', '2026-07-01T12:00:00.000Z'],
    ['2026-01-15', '13:00', 'Europe/London', '2026-01-15T13:00:00.000Z'],
    // New York moves to daylight saving at 02:00 on 2026-03-08: 09:00 that day is UTC-4.
    ['2026-03-08', '09:00', 'America/New_York', '2026-03-08T13:00:00.000Z'],
    ['2026-03-07', '09:00', 'America/New_York', '2026-03-07T14:00:00.000Z'],
    ['2026-11-25', '09:00', 'UTC', '2026-11-25T09:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, tz, iso) => expect(hallInstant(date, time, tz).toISOString()).toBe(iso));
});

describe('calendar', () => {
  it.each([
    ['2026-11-25', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['2026-04-31', false],
    ['1899-12-31', false],
    ['3000-01-01', false],
    ['2999-12-31', true],
  ])('isValidDate(%s) = %s', (d, ok) => expect(isValidDate(d)).toBe(ok));

  it.each([
    ['2026-11-23', 1],
    ['2026-11-25', 3],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
  ])('weekday of %s is %i', (d, w) => expect(weekdayOf(d)).toBe(w));

  it.each([
    ['2026-11-25', 7, '2026-12-02'],
    ['2026-12-30', 3, '2027-01-02'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %i) = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));

  it('date arithmetic gives the same answers asked again, past its memory, and refuses what is no date every time', () => {
    // Every day of 12 years, forward and back (more than the answers it keeps), twice over.
    const fromDate = (t: number) => new Date(t).toISOString().slice(0, 10);
    const start = Date.UTC(2020, 0, 1);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4400; i++) {
        const day = fromDate(start + i * 86_400_000);
        expect(addDays(day, 30)).toBe(fromDate(start + (i + 30) * 86_400_000));
        expect(addDays(day, -1)).toBe(fromDate(start + (i - 1) * 86_400_000));
        expect(weekdayOf(day)).toBe(((new Date(start + i * 86_400_000).getUTCDay() + 6) % 7) + 1);
      }
    }
    for (let i = 0; i < 2; i++) {
      expect(() => addDays('2026-1-5', 1)).toThrow(RangeError);
      expect(() => weekdayOf('tomorrow')).toThrow(RangeError);
    }
  });

  it.each([
    ['2026-11-25', null, true],
    ['2026-11-28', null, false],
    ['2026-11-25', 'closed', false],
    ['2026-11-28', 'open', true],
  ] as const)('isOpenDay(%s, override %s) = %s', (d, o, open) => expect(isOpenDay(S, d, o)).toBe(open));
});

describe('booking a slot', () => {
  const now = at('2026-11-25', '08:30');
  it('the window runs from today to today + 7 days', () => {
    expect(bookingWindow(S, now)).toEqual({ from: '2026-11-25', to: '2026-12-02' });
  });
  it.each([
    ['2026-11-25', '09:00', 10, null],
    ['2026-11-25', '09:00', 0, 'full'],
    ['2026-11-24', '09:00', 10, 'past'],
    ['2026-12-02', '15:00', 10, null],
    ['2026-12-03', '09:00', 10, 'outside_window'],
    ['2026-11-28', '09:00', 10, 'closed'],
    ['2026-11-25', '12:00', 10, 'no_such_slot'],
  ])('%s %s with %i left: %s', (date, slot, remaining, refusal) => {
    expect(slotRefusal(S, date, slot, now, remaining)).toBe(refusal);
  });
  it.each([
    ['08:59', null],
    ['09:00', 'past'],
    ['09:30', 'past'],
  ])('the 09:00 slot at %s: %s', (time, refusal) => {
    expect(slotRefusal(S, '2026-11-25', '09:00', at('2026-11-25', time), 5)).toBe(refusal);
  });
});

describe('check-in window', () => {
  const b = { date: '2026-11-25', slotStart: '10:00', slotEnd: '11:00' };
  it.each([
    ['2026-11-25', '08:59', 'too_early'],
    ['2026-11-25', '09:00', 'open'],
    ['2026-11-25', '10:59', 'open'],
    ['2026-11-25', '11:00', 'expired'],
    ['2026-11-24', '10:30', 'too_early'],
    ['2026-11-26', '08:00', 'expired'],
  ])('on %s at %s: %s', (date, time, state) => expect(checkInState(b, 60, at(date, time))).toBe(state));
  it('opens 60 minutes before the slot', () => expect(checkInOpensAt('09:00', 60)).toBe('08:00'));
});

describe('opening hours', () => {
  it.each([
    ['2026-11-25', '08:59', false],
    ['2026-11-25', '09:00', true],
    ['2026-11-25', '11:59', true],
    ['2026-11-25', '12:00', false],
    ['2026-11-25', '14:00', true],
    ['2026-11-25', '17:00', false],
    ['2026-11-28', '10:00', false],
  ])('%s %s open: %s', (date, time, open) => expect(isWithinOpeningHours(S, at(date, time))).toBe(open));
});

describe('walk-in hours (the kiosk greys services out and says when they open)', () => {
  const now = at('2026-11-25', '08:30');
  it.each([
    ['2026-11-25', '08:30', undefined, { state: 'later', opensAt: '09:00' }],
    ['2026-11-25', '09:00', undefined, { state: 'open' }],
    ['2026-11-25', '11:59', undefined, { state: 'open' }],
    ['2026-11-25', '12:00', undefined, { state: 'later', opensAt: '14:00' }],
    ['2026-11-25', '16:59', undefined, { state: 'open' }],
    ['2026-11-25', '17:00', undefined, { state: 'over' }],
    ['2026-11-25', '23:59', undefined, { state: 'over' }],
    ['2026-11-28', '08:00', undefined, { state: 'closed' }],
    ['2026-11-28', '10:00', 'open', { state: 'open' }],
    ['2026-11-25', '10:00', 'closed', { state: 'closed' }],
  ] as const)('%s %s (calendar: %s) is %o', (date, time, override, expected) =>
    expect(walkInHours(S, date, at(date, time), override)).toEqual(expected),
  );
  it('a later day opens at its first opening hour, an earlier one is over', () => {
    expect(walkInHours(S, '2026-11-26', now)).toEqual({ state: 'later', opensAt: '09:00' });
    expect(walkInHours(S, '2026-11-24', now)).toEqual({ state: 'over' });
  });
  it('opening hours in any order', () => {
    const shuffled = { ...S, openingHours: [{ start: '14:00', end: '17:00' }, { start: '09:00', end: '12:00' }] };
    expect(walkInHours(shuffled, '2026-11-25', at('2026-11-25', '07:00'))).toEqual({ state: 'later', opensAt: '09:00' });
  });
});

describe('slot for a time (legacy clients send a time, not a slot)', () => {
  it.each([
    ['09:00', '09:00'],
    ['09:59', '09:00'],
    ['12:30', '14:00'],
    ['13:00', '14:00'],
    ['08:00', '09:00'],
    ['16:00', undefined],
  ])('%s -> %s', (time, start) => expect(slotForTime(S, time)?.start).toBe(start));
});

describe('schedule problems', () => {
  it('the default schedule is valid', () => expect(scheduleProblems(S)).toEqual([]));
  it('reports overlapping slots, backwards ranges and bad numbers', () => {
    const bad = {
      ...S,
      slots: [
        { start: '09:00', end: '10:30', capacity: 10 },
        { start: '10:00', end: '09:30', capacity: -1 },
      ],
      openWeekdays: [0],
      walkInQuota: -5,
    };
    expect(scheduleProblems(bad)).toEqual([
      'slot: 10:00-09:30 ends before it starts',
      'slot: 09:00 and 10:00 overlap',
      'slot 10:00: capacity must be a whole number ≥ 0',
      'weekdays are 1 to 7',
      'walk-in quota must be ≥ 0',
    ]);
  });
});

describe('closing time', () => {
  it('is the end of the last opening range', () => expect(closingMinutes(S)).toBe(17 * 60));
});

describe('where a hall day starts in UTC', () => {
  it.each([
    ['2026-11-25', 'Asia/Shanghai', '2026-11-24T16:00:00.000Z'],
    ['2026-11-25', 'UTC', '2026-11-25T00:00:00.000Z'],
    ['2026-11-25', 'America/New_York', '2026-11-25T05:00:00.000Z'],
  ])('%s in %s starts at %s', (date, tz, iso) => expect(hallDayStart(date, tz).toISOString()).toBe(iso));
});
