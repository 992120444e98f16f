// End of day: tickets still waiting when a service's hours are over close as not served, open
// tickets of earlier days close, and bookings never checked in become missed. Each hall on its own
// clock. Idempotent, so every instance may run it on its own timer.
import { closingMinutes } from '../../domain/schedule.js';
import { markMissed } from '../repositories/booking.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import { listServices } from '../repositories/service.repository.js';
import { closeTicketsBefore, closeWaitingOf } from '../repositories/ticket.repository.js';
import { type HallContext, type ServiceContext, inHall, nowOf } from './context.js';
import { transact } from './transact.js';

async function closeHallDay(ctx: HallContext): Promise<{ tickets: number; bookings: number; events: number }> {
  const now = nowOf(ctx);
  const services = await listServices(ctx.db, ctx.hall.id, {
    includeInactive: true,
  });
  return transact(ctx.db, async (trx) => {
    let tickets = await closeTicketsBefore(trx, ctx.hall.id, now.local.date, now.iso);
    const closedServices: number[] = [];
    for (const service of services) {
      if (now.local.minutes < closingMinutes(service.schedule)) continue;
      const n = await closeWaitingOf(trx, service.id, now.local.date, now.iso);
      if (n > 0) closedServices.push(service.id);
      tickets += n;
    }
    const bookings = await markMissed(trx, ctx.hall.id, now.local.date, now.local.time, now.iso);
    for (const serviceId of closedServices) {
      await appendEvent(trx, {
        type: 'day.closed',
        hallId: ctx.hall.id,
        serviceId,
        date: now.local.date,
        at: now.iso,
      });
    }
    return { tickets, bookings, events: closedServices.length };
  });
}

export async function closeDay(ctx: ServiceContext): Promise<{ tickets: number; bookings: number }> {
  const total = { tickets: 0, bookings: 0, events: 0 };
  for (const hall of await ctx.halls.all()) {
    const r = await closeHallDay(inHall(ctx, hall));
    total.tickets += r.tickets;
    total.bookings += r.bookings;
    total.events += r.events;
  }
  if (total.events > 0) ctx.events?.committed();
  return { tickets: total.tickets, bookings: total.bookings };
}
