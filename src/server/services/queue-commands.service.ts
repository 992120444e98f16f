// The counters' commands on the hall's queues: 叫号 (next, or a number out of order), 重呼, 开始办理,
// 办结, 过号 and 转移. Every state change is one conditional UPDATE, so two counters can never take
// the same ticket, and the UNIQUE open_counter_id index keeps a counter to one open ticket. After
// the commit, the answer comes from the read model (hall-view.service).
import type { Lang } from '../../contracts/errors.js';
import type { TicketActionResponse } from '../../contracts/queue.js';
import { countsAsPriority, nextToCall } from '../../domain/priority.js';
import { orderForServices } from '../../domain/queue-order.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { changeBookingStatus } from '../repositories/booking.repository.js';
import { type HallCounter, findCounterByNumber, listCounters } from '../repositories/counter.repository.js';
import { type NewLiveEvent, appendEvent } from '../repositories/event.repository.js';
import { type Db, isUniqueViolation } from '../repositories/portable.js';
import { type Service, findService, listServices } from '../repositories/service.repository.js';
import {
  type TicketRecord,
  callTicket,
  findTicketByNumber,
  finishTicket,
  endPassRow,
  markPassed,
  openTicketsOfCounters,
  recallTicket,
  startTicket,
  transferTicket,
  waitingTicketsLocked,
} from '../repositories/ticket.repository.js';
import { AppError } from './app-error.js';
import { type HallContext, type Now, nowOf } from './context.js';
import { type Actor, assertCounterOpen } from './counter-state.service.js';
import { priorityOf } from './priority.service.js';
import { ticketActionView } from './hall-view.service.js';
import { queueRatingInvite, queueSoon, queueTicketCalled, queueTicketPassed } from './notify.service.js';
import { RetryTransaction, transact } from './transact.js';

/** Live clients hear of the committed change at once; then the counter gets its answer. */
function answer(ctx: HallContext, number: string, counterId: number | null, now: Now, lang: Lang): Promise<TicketActionResponse> {
  ctx.events?.committed();
  return ticketActionView(ctx, number, counterId, now, lang);
}

async function counterByNumber(db: Db, hallId: number, number: number): Promise<HallCounter> {
  const counter = await findCounterByNumber(db, hallId, number);
  if (!counter?.active) throw new AppError('COUNTER_NOT_FOUND', { counter: number });
  return counter;
}

function event(type: NewLiveEvent['type'], t: TicketRecord, now: Now, counter?: HallCounter | null, extra: Partial<NewLiveEvent> = {}): NewLiveEvent {
  return {
    type,
    hallId: t.hallId,
    serviceId: t.serviceId,
    date: t.date,
    at: now.iso,
    number: t.number,
    ...(counter ? { counterNumber: counter.number, counterName: counter.name } : {}),
    ...extra,
  };
}

/** The called citizen hears 请到 X 号窗口; those now near the front of its queue hear 即将到号. */
async function tellCalled(trx: Db, ctx: HallContext, t: TicketRecord, counter: HallCounter, services: Service[], now: Now): Promise<void> {
  await queueTicketCalled(trx, ctx, t, counter, ctx.hall, t.callCount + 1, now);
  const service = services.find((s) => s.id === t.serviceId);
  if (service) await queueSoon(trx, ctx, service, ctx.hall, now);
}

/**
 * 叫号: the next waiting ticket of the counter's services, in queue order with 优先 tickets ahead as
 * far as the domain's bounds allow. The waiting tickets are held while the call is decided, so the
 * passes each call writes are seen by the next call at any counter.
 */
export async function callNext(ctx: HallContext, actor: Actor, counterNumber: number, lang: Lang): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const counter = await counterByNumber(ctx.db, ctx.hall.id, counterNumber);
  const services = (await listServices(ctx.db, ctx.hall.id, { includeInactive: true })).filter((s) => counter.serviceIds.includes(s.id));
  const order = orderForServices(services.map((s) => s.queueOrder));
  const rules = await priorityOf(ctx, ctx.hall.id);
  try {
    const called = await transact(ctx.db, async (trx) => {
      await assertCounterOpen(trx, counter);
      const [open] = await openTicketsOfCounters(trx, [counter.id]);
      if (open) throw new AppError('COUNTER_BUSY', { number: open.number });
      const waiting = await waitingTicketsLocked(trx, counter.serviceIds, now.local.date);
      const next = nextToCall(waiting, now, order, rules);
      if (!next) throw new AppError('QUEUE_EMPTY');
      const row = next.ticket;
      // Held rows cannot be taken by another call; the condition in callTicket stays the backstop.
      if (!(await callTicket(trx, row.id, counter.id, now.iso, actor.id))) throw new RetryTransaction();
      await markPassed(trx, next.passed.map((t) => t.id), now.iso);
      if (next.endsRow) await endPassRow(trx, waiting.filter((t) => t.id !== row.id && !countsAsPriority(t, rules)).map((t) => t.id));
      await appendEvent(trx, event('ticket.called', row, now, counter));
      await tellCalled(trx, ctx, row, counter, services, now);
      return row;
    });
    return answer(ctx, called.number, counter.id, now, lang);
  } catch (error) {
    throw busyOr(error);
  }
}

/** Two calls raced for one counter: the store's unique index refused the second. */
function busyOr(error: unknown): unknown {
  return isUniqueViolation(error) ? new AppError('COUNTER_BUSY', { number: '' }) : error;
}

async function ticketByNumber(db: Db, hallId: number, number: string): Promise<TicketRecord> {
  const t = await findTicketByNumber(db, number);
  // Another hall's ticket is no ticket here.
  if (!t || t.hallId !== hallId) throw new AppError('TICKET_NOT_FOUND', { number });
  return t;
}

/** Calls a particular waiting number out of order (the counter must serve its service). */
export async function callTicketTo(
  ctx: HallContext,
  actor: Actor,
  number: string,
  counterNumber: number,
  lang: Lang,
): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const counter = await counterByNumber(ctx.db, ctx.hall.id, counterNumber);
  const ticket = await ticketByNumber(ctx.db, ctx.hall.id, number);
  if (ticket.date !== now.local.date || !counter.serviceIds.includes(ticket.serviceId)) throw new AppError('TICKET_STATE');
  try {
    await transact(ctx.db, async (trx) => {
      await assertCounterOpen(trx, counter);
      const [open] = await openTicketsOfCounters(trx, [counter.id]);
      if (open) throw new AppError('COUNTER_BUSY', { number: open.number });
      if (!(await callTicket(trx, ticket.id, counter.id, now.iso, actor.id))) throw new AppError('TICKET_STATE');
      await appendEvent(trx, event('ticket.called', ticket, now, counter, { outOfOrder: true }));
      await tellCalled(trx, ctx, ticket, counter, await listServices(trx, ctx.hall.id, { includeInactive: true }), now);
      await appendAudit(trx, {
        hallId: ctx.hall.id,
        at: now.iso,
        actor: actor.username,
        action: 'ticket.call_out_of_order',
        target: number,
        details: { counter: counter.number },
      });
    });
  } catch (error) {
    throw busyOr(error);
  }
  return answer(ctx, number, counter.id, now, lang);
}

type TicketAction = 'recall' | 'start' | 'complete' | 'no-show';

/** 重呼 / 开始办理 / 办结 / 过号 on an open ticket. */
export async function ticketAction(ctx: HallContext, actor: Actor, number: string, action: TicketAction, lang: Lang): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const ticket = await ticketByNumber(ctx.db, ctx.hall.id, number);
  const counter = (await listCounters(ctx.db, ctx.hall.id)).find((c) => c.id === ticket.counterId) ?? null;
  await transact(ctx.db, async (trx) => {
    let ok: boolean;
    let type: NewLiveEvent['type'];
    if (action === 'recall') [ok, type] = [await recallTicket(trx, ticket.id, now.iso), 'ticket.recalled'];
    else if (action === 'start') [ok, type] = [await startTicket(trx, ticket.id, now.iso, actor.id), 'ticket.started'];
    else if (action === 'complete') [ok, type] = [await finishTicket(trx, ticket.id, 'served', now.iso, actor.id), 'ticket.completed'];
    else [ok, type] = [await finishTicket(trx, ticket.id, 'no_show', now.iso, actor.id), 'ticket.no_show'];
    if (!ok) throw new AppError('TICKET_STATE');
    if (action === 'complete' && ticket.bookingId !== null) {
      await changeBookingStatus(trx, ticket.bookingId, 'checked_in', 'served', { at: now.iso });
      const service = await findService(trx, ticket.serviceId);
      if (service) await queueRatingInvite(trx, ctx, ticket, service, ctx.hall, now);
    }
    if (action === 'recall' && counter) await queueTicketCalled(trx, ctx, ticket, counter, ctx.hall, ticket.callCount + 1, now);
    if (action === 'no-show') {
      const service = await findService(trx, ticket.serviceId);
      if (service) await queueTicketPassed(trx, ctx, ticket, service, ctx.hall, now);
    }
    await appendEvent(trx, event(type, ticket, now, counter));
  });
  return answer(ctx, number, counter?.id ?? null, now, lang);
}

/** 转移: back into the queue of another service, keeping the number and its place in time. */
export async function transfer(ctx: HallContext, actor: string, number: string, toServiceId: number, lang: Lang): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const ticket = await ticketByNumber(ctx.db, ctx.hall.id, number);
  const services = await listServices(ctx.db, ctx.hall.id);
  if (!services.some((s) => s.id === toServiceId)) throw new AppError('SERVICE_NOT_FOUND', { serviceId: toServiceId });
  if (toServiceId === ticket.serviceId) throw new AppError('TICKET_STATE');
  const counter = (await listCounters(ctx.db, ctx.hall.id)).find((c) => c.id === ticket.counterId) ?? null;
  await transact(ctx.db, async (trx) => {
    if (!(await transferTicket(trx, ticket.id, ticket.serviceId, toServiceId, now.iso))) throw new AppError('TICKET_STATE');
    await appendEvent(trx, event('ticket.transferred', ticket, now, counter, { toServiceId }));
    await appendAudit(trx, {
      hallId: ctx.hall.id,
      at: now.iso,
      actor,
      action: 'ticket.transfer',
      target: number,
      details: { from: ticket.serviceId, to: toServiceId },
    });
  });
  return answer(ctx, number, null, now, lang);
}
