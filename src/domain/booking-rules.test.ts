import { describe, expect, it } from 'vitest';
import { type BookingFacts, bookingConflict, cancelRefusal, effectiveStatus, isActive } from './booking-rules.js';

const now = { date: '2026-11-25', time: '10:30', minutes: 630 };
const b = (over: Partial<BookingFacts>): BookingFacts => ({
  serviceId: 1,
  date: '2026-11-26',
  slotStart: '09:00',
  slotEnd: '10:00',
  status: 'booked',
  ...over,
});

describe('status as the citizen sees it', () => {
  it.each([
    [b({}), 'booked'],
    [b({ date: '2026-11-25', slotStart: '09:00', slotEnd: '10:00' }), 'missed'],
    [b({ date: '2026-11-25', slotStart: '10:00', slotEnd: '11:00' }), 'booked'],
    [b({ date: '2026-11-24' }), 'missed'],
    [b({ date: '2026-11-24', status: 'checked_in' }), 'checked_in'],
    [b({ status: 'cancelled' }), 'cancelled'],
  ])('%o -> %s', (booking, status) => expect(effectiveStatus(booking, now)).toBe(status));

  it('a checked-in booking is active on its day only', () => {
    expect(isActive(b({ date: '2026-11-25', status: 'checked_in' }), now)).toBe(true);
    expect(isActive(b({ date: '2026-11-24', status: 'checked_in' }), now)).toBe(false);
  });
});

describe('who may book', () => {
  it('refuses a second active booking for the same service and day', () => {
    expect(bookingConflict([b({})], { serviceId: 1, date: '2026-11-26' }, now)).toBe('DUPLICATE_BOOKING');
  });
  it('allows the same service on another day, and another service on the same day', () => {
    expect(bookingConflict([b({})], { serviceId: 1, date: '2026-11-27' }, now)).toBeNull();
    expect(bookingConflict([b({})], { serviceId: 2, date: '2026-11-26' }, now)).toBeNull();
  });
  it('a cancelled or missed booking does not block a new one', () => {
    expect(bookingConflict([b({ status: 'cancelled' })], { serviceId: 1, date: '2026-11-26' }, now)).toBeNull();
    const missed = b({ date: '2026-11-25', slotStart: '09:00', slotEnd: '10:00' });
    expect(bookingConflict([missed], { serviceId: 1, date: '2026-11-25' }, now)).toBeNull();
  });
  it('allows three upcoming bookings and refuses the fourth', () => {
    const three = [b({ serviceId: 1 }), b({ serviceId: 2 }), b({ serviceId: 3 })];
    expect(bookingConflict(three.slice(0, 2), { serviceId: 4, date: '2026-11-26' }, now)).toBeNull();
    expect(bookingConflict(three, { serviceId: 4, date: '2026-11-26' }, now)).toBe('BOOKING_LIMIT');
  });
});

describe('who may cancel', () => {
  it.each([
    [b({}), null],
    [b({ date: '2026-11-25', slotStart: '10:00', slotEnd: '11:00' }), 'ALREADY_STARTED'],
    [b({ date: '2026-11-25', slotStart: '11:00', slotEnd: '12:00' }), null],
    [b({ status: 'checked_in' }), 'NOT_CANCELLABLE'],
    [b({ status: 'cancelled' }), 'NOT_CANCELLABLE'],
  ])('%o -> %s', (booking, refusal) => expect(cancelRefusal(booking, now)).toBe(refusal));
});
