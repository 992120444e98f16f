// Who may book, cancel and check in. Stored statuses change over time; "missed" is also derived,
// so a booking that was never checked in shows as missed the moment its slot ends.
import { type HallTime, slotHasEnded, slotHasStarted } from './schedule.js';

export const BOOKING_STATUSES = ['booked', 'checked_in', 'cancelled', 'missed', 'served'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** At most this many active bookings per person in the future. */
export const MAX_ACTIVE_BOOKINGS = 3;

export interface BookingFacts {
  serviceId: number;
  date: string;
  slotStart: string;
  slotEnd: string;
  status: BookingStatus;
}

export function effectiveStatus(b: BookingFacts, now: HallTime): BookingStatus {
  if (b.status === 'booked' && slotHasEnded(b.date, b.slotEnd, now)) return 'missed';
  return b.status;
}

/** A booking that still holds its place or its turn. */
export function isActive(b: BookingFacts, now: HallTime): boolean {
  const status = effectiveStatus(b, now);
  return status === 'booked' || (status === 'checked_in' && b.date >= now.date);
}

export type BookingConflict = 'DUPLICATE_BOOKING' | 'BOOKING_LIMIT';

export function bookingConflict<B extends BookingFacts>(
  existing: B[],
  wanted: { serviceId: number; date: string },
  now: HallTime,
  limit = MAX_ACTIVE_BOOKINGS,
  /** Whether an existing booking is for the same service (across halls: the same catalogue letter). */
  sameService: (b: B) => boolean = (b) => b.serviceId === wanted.serviceId,
): BookingConflict | null {
  const active = existing.filter((b) => isActive(b, now));
  if (active.some((b) => sameService(b) && b.date === wanted.date)) return 'DUPLICATE_BOOKING';
  const upcoming = active.filter((b) => effectiveStatus(b, now) === 'booked');
  if (upcoming.length >= limit) return 'BOOKING_LIMIT';
  return null;
}

export type CancelRefusal = 'NOT_CANCELLABLE' | 'ALREADY_STARTED';

/** A citizen may cancel a booked place until its slot starts; the place then returns to the pool. */
export function cancelRefusal(b: BookingFacts, now: HallTime): CancelRefusal | null {
  if (b.status !== 'booked') return 'NOT_CANCELLABLE';
  if (slotHasStarted(b.date, b.slotStart, now)) return 'ALREADY_STARTED';
  return null;
}
