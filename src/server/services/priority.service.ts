// 优先 tickets on the server: the options in force, and staff setting a ticket's group at the counter
// (残疾人, 孕妇, 军人 are checked there; a group chosen at the kiosk may be corrected or cleared).
import type { Lang } from '../../contracts/errors.js';
import type { TicketActionResponse } from '../../contracts/queue.js';
import type { PriorityGroup } from '../../domain/priority.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import { findTicketByNumber, setTicketPriority } from '../repositories/ticket.repository.js';
import { DEFAULT_PRIORITY_OPTIONS, type PriorityOptions } from '../priority-config.js';
import { AppError } from './app-error.js';
import { type HallContext, type ServiceContext, nowOf } from './context.js';
import type { Actor } from './counter-state.service.js';
import { ticketActionView } from './hall-view.service.js';
import { transact } from './transact.js';

export function priorityOf(ctx: ServiceContext): PriorityOptions {
  return ctx.priority ?? DEFAULT_PRIORITY_OPTIONS;
}

/** Sets (or clears, with null) the priority group of today's ticket that waits or is at a counter. */
export async function setPriority(ctx: HallContext, actor: Actor, number: string, priority: PriorityGroup | null, lang: Lang): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const ticket = await findTicketByNumber(ctx.db, number);
  if (!ticket || ticket.hallId !== ctx.hall.id) throw new AppError('TICKET_NOT_FOUND', { number });
  if (ticket.date !== now.local.date) throw new AppError('TICKET_STATE');
  await transact(ctx.db, async (trx) => {
    if (!(await setTicketPriority(trx, ticket.id, priority, now.iso))) throw new AppError('TICKET_STATE');
    await appendEvent(trx, { type: 'ticket.priority', hallId: ctx.hall.id, serviceId: ticket.serviceId, date: ticket.date, at: now.iso, number });
    await appendAudit(trx, {
      hallId: ctx.hall.id,
      at: now.iso,
      actor: actor.username,
      action: 'ticket.priority',
      target: number,
      details: { from: ticket.priority, to: priority },
    });
  });
  ctx.events?.committed();
  return ticketActionView(ctx, number, ticket.openCounterId, now, lang);
}
