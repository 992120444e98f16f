// Which bookings of 我的预约 are over: the ones whose phone number the citizen may erase (the
// server decides the same way; this only words the button and the question).
import type { Booking } from '../../contracts/bookings.js';

export function isOver(b: Pick<Booking, 'status' | 'date'>, today: string): boolean {
  if (b.status === 'booked') return false;
  return !(b.status === 'checked_in' && b.date >= today);
}

export function overCount(bookings: readonly Pick<Booking, 'status' | 'date'>[], today: string): number {
  return bookings.filter((b) => isOver(b, today)).length;
}
