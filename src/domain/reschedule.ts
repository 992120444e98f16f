// 改约: moving a booking to another slot (same service; the same hall or another hall offering it).
// The old booking ends cancelled with the reason `rescheduled` and points to the new one; the new
// one counts how many moves lie behind it, so a chain of bookings is moved at most twice.
import { type BookingFacts, bookingConflict, type BookingConflict, MAX_ACTIVE_BOOKINGS } from './booking-rules.js';
import { type HallTime, slotHasStarted } from './schedule.js';

/** How many times one booking (with the bookings it was moved from) may be moved. */
export const MAX_RESCHEDULES = 2;

/** The cancel reason written on a booking that was moved to another slot. */
export const RESCHEDULED_REASON = 'rescheduled';

export interface MovableBooking extends BookingFacts {
  /** How many moves made this booking (0 or absent: booked directly). */
  reschedules?: number;
}

export type RescheduleRefusal = 'NOT_RESCHEDULABLE' | 'RESCHEDULE_TOO_LATE' | 'RESCHEDULE_LIMIT';

/** Why this booking cannot be moved now (null: it can). `now` is the time in the booking's hall. */
export function rescheduleRefusal(b: MovableBooking, now: HallTime): RescheduleRefusal | null {
  if (b.status !== 'booked') return 'NOT_RESCHEDULABLE';
  if (slotHasStarted(b.date, b.slotStart, now)) return 'RESCHEDULE_TOO_LATE';
  if ((b.reschedules ?? 0) >= MAX_RESCHEDULES) return 'RESCHEDULE_LIMIT';
  return null;
}

/** Moves still allowed for a booking now; 0 when it cannot be moved (any more). */
export function reschedulesLeft(b: MovableBooking, now: HallTime): number {
  return rescheduleRefusal(b, now) ? 0 : MAX_RESCHEDULES - (b.reschedules ?? 0);
}

/** Whether the wanted slot is the one the booking holds already (nothing to move). */
export function isSameSlot(b: BookingFacts, wanted: { serviceId: number; date: string; slotStart: string }): boolean {
  return b.serviceId === wanted.serviceId && b.date === wanted.date && b.slotStart === wanted.slotStart;
}

/**
 * The per-person booking rules for the new slot, as if the booking being moved were already
 * gone: moving a booking to another day of the same service is no duplicate, and it does not
 * count towards the limit of upcoming bookings.
 */
export function rescheduleConflict<B extends BookingFacts & { id: number }>(
  theirs: B[],
  movingId: number,
  wanted: { serviceId: number; date: string },
  now: HallTime,
  sameService?: (b: B) => boolean,
): BookingConflict | null {
  const others = theirs.filter((b) => b.id !== movingId);
  return bookingConflict(others, wanted, now, MAX_ACTIVE_BOOKINGS, sameService);
}
