import { describe, expect, it } from 'vitest';
import { type MovableBooking, MAX_RESCHEDULES, isSameSlot, rescheduleConflict, rescheduleRefusal, reschedulesLeft } from './reschedule.js';

const now = { date: '2026-11-25', time: '10:30', minutes: 630 };
const b = (over: Partial<MovableBooking & { id: number }> = {}): MovableBooking & { id: number } => ({
  id: 1,
  serviceId: 1,
  date: '2026-11-26',
  slotStart: '09:00',
  slotEnd: '10:00',
  status: 'booked',
  reschedules: 0,
  ...over,
});

describe('which bookings may be moved', () => {
  it.each([
    ['a booked place ahead', b(), null],
    ['moved once already', b({ reschedules: 1 }), null],
    ['moved twice already', b({ reschedules: 2 }), 'RESCHEDULE_LIMIT'],
    ['cancelled', b({ status: 'cancelled' }), 'NOT_RESCHEDULABLE'],
    ['checked in', b({ status: 'checked_in', date: '2026-11-25' }), 'NOT_RESCHEDULABLE'],
    ['served', b({ status: 'served' }), 'NOT_RESCHEDULABLE'],
    ['slot started a minute ago', b({ date: '2026-11-25', slotStart: '10:29', slotEnd: '11:00' }), 'RESCHEDULE_TOO_LATE'],
    ['slot starting right now', b({ date: '2026-11-25', slotStart: '10:30', slotEnd: '11:00' }), 'RESCHEDULE_TOO_LATE'],
    ['slot starting in a minute', b({ date: '2026-11-25', slotStart: '10:31', slotEnd: '11:00' }), null],
    ['a day gone by', b({ date: '2026-11-24' }), 'RESCHEDULE_TOO_LATE'],
  ])('%s', (_, booking, refusal) => expect(rescheduleRefusal(booking, now)).toBe(refusal));

  it('a closed state wins over the limit (a cancelled booking is not "moved too often")', () => {
    expect(rescheduleRefusal(b({ status: 'cancelled', reschedules: MAX_RESCHEDULES }), now)).toBe('NOT_RESCHEDULABLE');
  });

  it('counts the moves left', () => {
    expect([0, 1, 2, 3].map((n) => reschedulesLeft(b({ reschedules: n }), now))).toEqual([2, 1, 0, 0]);
    expect(reschedulesLeft(b({ status: 'cancelled' }), now)).toBe(0);
    expect(reschedulesLeft(b({ date: '2026-11-25', slotStart: '10:00', slotEnd: '11:00' }), now)).toBe(0);
  });
});

describe('the same slot is no move', () => {
  it('same service, date and start', () => {
    expect(isSameSlot(b(), { serviceId: 1, date: '2026-11-26', slotStart: '09:00' })).toBe(true);
  });
  it.each([
    { serviceId: 2, date: '2026-11-26', slotStart: '09:00' },
    { serviceId: 1, date: '2026-11-27', slotStart: '09:00' },
    { serviceId: 1, date: '2026-11-26', slotStart: '10:00' },
  ])('%o differs', (wanted) => expect(isSameSlot(b(), wanted)).toBe(false));
});

describe('the per-person rules, without the booking being moved', () => {
  it('moving to another slot of the same day and service is no duplicate', () => {
    expect(rescheduleConflict([b()], 1, { serviceId: 1, date: '2026-11-26' }, now)).toBeNull();
  });
  it('another booking of the same service on the new day is a duplicate', () => {
    const other = b({ id: 2, date: '2026-11-27' });
    expect(rescheduleConflict([b(), other], 1, { serviceId: 1, date: '2026-11-27' }, now)).toBe('DUPLICATE_BOOKING');
  });
  it('the moved booking does not count towards the limit of upcoming bookings', () => {
    const three = [b(), b({ id: 2, serviceId: 2 }), b({ id: 3, serviceId: 3 })];
    expect(rescheduleConflict(three, 1, { serviceId: 1, date: '2026-11-28' }, now)).toBeNull();
    const four = [...three, b({ id: 4, serviceId: 4 })];
    expect(rescheduleConflict(four, 1, { serviceId: 1, date: '2026-11-28' }, now)).toBe('BOOKING_LIMIT');
  });
  it('uses the caller\'s notion of "same service" (one letter across halls)', () => {
    const elsewhere = b({ id: 2, serviceId: 9, date: '2026-11-27' });
    const sameLetter = (x: { serviceId: number }) => x.serviceId === 1 || x.serviceId === 9;
    expect(rescheduleConflict([b(), elsewhere], 1, { serviceId: 1, date: '2026-11-27' }, now, sameLetter)).toBe('DUPLICATE_BOOKING');
  });
});
