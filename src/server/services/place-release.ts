// A booked place given back to its slot. Every citizen-side way a booking stops holding its place
// (a cancel, a move to another slot) goes through releaseBookedPlace, inside the transaction that
// ends the booking: what must follow a freed place (an offer to the waiting list) is added here once.
import type { BookingRecord } from '../repositories/booking.repository.js';
import { releasePlace } from '../repositories/inventory.repository.js';
import type { Db } from '../repositories/portable.js';
import type { Now, ServiceContext } from './context.js';
import { placeFreed } from './waitlist-offer.service.js';

export type ReleaseCause = 'cancelled' | 'rescheduled';

export async function releaseBookedPlace(
  trx: Db,
  ctx: ServiceContext,
  b: Pick<BookingRecord, 'hallId' | 'serviceId' | 'date' | 'slotStart'>,
  _cause: ReleaseCause,
  _now: Now,
): Promise<void> {
  await releasePlace(trx, { serviceId: b.serviceId, date: b.date, slotStart: b.slotStart });
  // The first in line for that slot (or its day) is offered the place, held for them.
  await placeFreed(ctx, trx, { hallId: b.hallId, serviceId: b.serviceId, date: b.date, slot: b.slotStart });
}
