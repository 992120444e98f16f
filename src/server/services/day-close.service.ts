// End of day: tickets still waiting when a service's hours are over close as not served, open
// tickets of earlier days close, and bookings never checked in become missed. Idempotent, so
// every instance may run it on its own timer.
import { closingMinutes } from '../../domain/schedule.js';
import { markMissed } from '../repositories/booking.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import { listServices } from '../repositories/service.repository.js';
import { closeTicketsBefore, closeWaitingOf } from '../repositories/ticket.repository.js';
import { type ServiceContext, nowOf } from './context.js';
import { transact } from './transact.js';

export async function closeDay(ctx: ServiceContext): Promise<{ tickets: number; bookings: number }> {
  const now = nowOf(ctx);
  const services = await listServices(ctx.db, { includeInactive: true });
  const result = await transact(ctx.db, async (trx) => {
    let tickets = await closeTicketsBefore(trx, now.local.date, now.iso);
    const closedServices: number[] = [];
    for (const service of services) {
      if (now.local.minutes < closingMinutes(service.schedule)) continue;
      const n = await closeWaitingOf(trx, service.id, now.local.date, now.iso);
      if (n > 0) closedServices.push(service.id);
      tickets += n;
    }
    const bookings = await markMissed(trx, now.local.date, now.local.time, now.iso);
    for (const serviceId of closedServices) {
      await appendEvent(trx, { type: 'day.closed', serviceId, date: now.local.date, at: now.iso });
    }
    return { tickets, bookings, events: closedServices.length };
  });
  if (result.events > 0) ctx.events?.committed();
  return { tickets: result.tickets, bookings: result.bookings };
}
