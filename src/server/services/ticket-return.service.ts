// 过号 that can be put right: a clerk may undo a 过号 within a minute (a wrong key, a citizen who
// was only slow), and a passed citizen may come back once — at the kiosk with their ID card, or
// through staff — and rejoins the queue behind REQUEUE_BEHIND waiting tickets.
import type { Lang } from '../../contracts/errors.js';
import type { TicketActionResponse } from '../../contracts/queue.js';
import { DEFAULT_REQUEUE_BEHIND, orderQueue, requeueAnchor } from '../../domain/queue-order.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import { type Db, isUniqueViolation } from '../repositories/portable.js';
import { findService } from '../repositories/service.repository.js';
import { type TicketRecord, findTicketByNumber, reopenNoShow, requeueTicket, waitingTicketsOf } from '../repositories/ticket.repository.js';
import { AppError } from './app-error.js';
import { type HallContext, type Now, nowOf } from './context.js';
import { ticketActionView } from './hall-view.service.js';
import { transact } from './transact.js';

/** How long after a 过号 the clerk can take it back. */
export const UNDO_NO_SHOW_SECONDS = 60;

async function todaysTicket(db: Db, hallId: number, number: string, now: Now): Promise<TicketRecord> {
  const t = await findTicketByNumber(db, number);
  // Another hall's ticket is no ticket here.
  if (!t || t.hallId !== hallId || t.date !== now.local.date) throw new AppError('TICKET_NOT_FOUND', { number });
  return t;
}

/** 撤销过号: the ticket is open at its counter again, within a minute of the 过号. */
export async function undoNoShow(ctx: HallContext, actor: string, number: string, lang: Lang): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const ticket = await todaysTicket(ctx.db, ctx.hall.id, number, now);
  const since = new Date(now.instant.getTime() - UNDO_NO_SHOW_SECONDS * 1000).toISOString();
  try {
    await transact(ctx.db, async (trx) => {
      if (!(await reopenNoShow(trx, ticket.id, since, now.iso))) throw new AppError('TICKET_STATE');
      await appendEvent(trx, {
        type: 'ticket.no_show_undone',
        hallId: ticket.hallId,
        serviceId: ticket.serviceId,
        date: ticket.date,
        at: now.iso,
        number,
      });
      await appendAudit(trx, {
        hallId: ctx.hall.id,
        at: now.iso,
        actor,
        action: 'ticket.undo_no_show',
        target: number,
        details: {},
      });
    });
  } catch (error) {
    // The counter called someone else meanwhile: it must finish that ticket first.
    if (isUniqueViolation(error)) throw new AppError('COUNTER_BUSY', { number: '' });
    throw error;
  }
  ctx.events?.committed();
  return ticketActionView(ctx, number, ticket.counterId, now, lang);
}

/** Puts a passed ticket back in its queue behind REQUEUE_BEHIND waiting tickets; false if it cannot (already back once). */
async function requeue(ctx: HallContext, ticket: TicketRecord, actor: string, now: Now): Promise<boolean> {
  const service = await findService(ctx.db, ticket.serviceId);
  if (!service) throw new AppError('TICKET_STATE');
  const waiting = orderQueue(await waitingTicketsOf(ctx.db, [service.id], now.local.date), now.local, service.queueOrder);
  const after = requeueAnchor(waiting, ctx.requeueBehind ?? DEFAULT_REQUEUE_BEHIND);
  return transact(ctx.db, async (trx) => {
    if (!(await requeueTicket(trx, ticket.id, after, now.iso))) return false;
    await appendEvent(trx, {
      type: 'ticket.requeued',
      hallId: ticket.hallId,
      serviceId: ticket.serviceId,
      date: ticket.date,
      at: now.iso,
      number: ticket.number,
    });
    await appendAudit(trx, {
      hallId: ctx.hall.id,
      at: now.iso,
      actor,
      action: 'ticket.requeue',
      target: ticket.number,
      details: { after },
    });
    return true;
  });
}

/** Staff put a passed citizen back in the queue (once per ticket). */
export async function requeueByStaff(ctx: HallContext, actor: string, number: string, lang: Lang): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const ticket = await todaysTicket(ctx.db, ctx.hall.id, number, now);
  if (ticket.status !== 'no_show' || !(await requeue(ctx, ticket, actor, now))) throw new AppError('TICKET_STATE');
  ctx.events?.committed();
  return ticketActionView(ctx, number, null, now, lang);
}

/**
 * At the kiosk: the citizen's passed tickets of today come back (each once). Returns those that
 * did; tickets already back once stay passed.
 */
export async function requeueAtKiosk(ctx: HallContext, tickets: readonly TicketRecord[]): Promise<string[]> {
  const now = nowOf(ctx);
  const back: string[] = [];
  for (const t of tickets) {
    if (t.status === 'no_show' && t.date === now.local.date && t.requeue === null && (await requeue(ctx, t, 'kiosk', now))) back.push(t.number);
  }
  if (back.length > 0) ctx.events?.committed();
  return back;
}
