// Queue tickets: one per check-in (same number as the booking) and one per walk-in.
import type { NewTicket, TicketRow } from '../db/schema.js';
import type { Db } from './portable.js';

export async function insertTicket(db: Db, ticket: NewTicket): Promise<void> {
  await db.insertInto('ticket').values(ticket).execute();
}

export async function findTicketByNumber(db: Db, number: string): Promise<TicketRow | undefined> {
  return db.selectFrom('ticket').selectAll().where('number', '=', number).executeTakeFirst();
}

export async function findTicketsByBookingIds(db: Db, bookingIds: number[]): Promise<TicketRow[]> {
  if (bookingIds.length === 0) return [];
  return db.selectFrom('ticket').selectAll().where('booking_id', 'in', bookingIds).execute();
}

export async function waitingTickets(db: Db, serviceId: number, date: string): Promise<TicketRow[]> {
  return db
    .selectFrom('ticket')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('date', '=', date)
    .where('status', '=', 'waiting')
    .execute();
}

/** Every number issued, bookings and tickets alike, that appears more than once where it must not. */
export async function duplicateNumbers(db: Db): Promise<string[]> {
  const dupBookings = await db
    .selectFrom('booking')
    .select('number')
    .groupBy('number')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  const dupTickets = await db
    .selectFrom('ticket')
    .select('number')
    .groupBy('number')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  // A ticket may carry a booking's number only when it is that booking's check-in ticket.
  const stolen = await db
    .selectFrom('ticket')
    .innerJoin('booking', 'booking.number', 'ticket.number')
    .select('ticket.number')
    .where((eb) => eb.or([eb('ticket.booking_id', 'is', null), eb('ticket.booking_id', '!=', eb.ref('booking.id'))]))
    .execute();
  return [...new Set([...dupBookings, ...dupTickets, ...stolen].map((r) => r.number))];
}

export async function walkInTicketCounts(db: Db): Promise<{ serviceId: number; date: string; count: number }[]> {
  const rows = await db
    .selectFrom('ticket')
    .select(['service_id', 'date'])
    .select((eb) => eb.fn.countAll().as('count'))
    .where('kind', '=', 'walk_in')
    .groupBy(['service_id', 'date'])
    .execute();
  return rows.map((r) => ({ serviceId: r.service_id, date: r.date, count: Number(r.count) }));
}
