// The hall's queues: who waits where, who is called to which counter, and how long it takes.
// Every state change is one conditional UPDATE, so two counters can never take the same ticket,
// and the UNIQUE open_counter_id index keeps a counter to one open ticket.
import type { Lang } from '../../contracts/errors.js';
import type { Ticket } from '../../contracts/kiosk.js';
import type { CallState, Counter, DisplayResponse, QueueResponse, TicketActionResponse } from '../../contracts/queue.js';
import { DEFAULT_REQUEUE_BEHIND, countAhead, orderForServices, orderQueue } from '../../domain/queue-order.js';
import type { HallTime } from '../../domain/schedule.js';
import { DEFAULT_SERVICE_MINUTES, averageServiceMinutes, estimateWaitMinutes, typicalServiceMinutes } from '../../domain/wait-estimate.js';
import { changeBookingStatus } from '../repositories/booking.repository.js';
import { type HallCounter, findCounterByNumber, listCounters } from '../repositories/counter.repository.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { type NewLiveEvent, appendEvent } from '../repositories/event.repository.js';
import { type Db, isUniqueViolation } from '../repositories/portable.js';
import { type Service, listServices } from '../repositories/service.repository.js';
import {
  callTicket,
  findTicketByNumber,
  finishTicket,
  openTicketsOfCounters,
  passedTicketsOf,
  recallTicket,
  recentCalls,
  type ServedTicket,
  type TicketRecord,
  servedOn,
  startTicket,
  transferTicket,
  waitingTicketsOf,
} from '../repositories/ticket.repository.js';
import { AppError } from './app-error.js';
import { type Now, type ServiceContext, nowOf, serviceName } from './context.js';
import { presentTicket } from './present.js';
import { transact } from './transact.js';

/** Everything a queue view needs, read once. */
interface HallState {
  services: Map<number, Service>;
  counters: HallCounter[];
  waiting: TicketRecord[];
  open: TicketRecord[];
  served: ServedTicket[];
}

async function hallState(db: Db, date: string): Promise<HallState> {
  const services = new Map((await listServices(db, { includeInactive: true })).map((s) => [s.id, s]));
  const counters = await listCounters(db);
  return {
    services,
    counters,
    waiting: await waitingTicketsOf(db, [...services.keys()], date),
    open: await openTicketsOfCounters(db, counters.map((c) => c.id)),
    served: await servedOn(db, date),
  };
}

/** Today's service durations of a service (ms), in the order they finished. */
function durationsOf(state: HallState, service: Service): number[] {
  return state.served
    .filter((s) => s.serviceId === service.id && s.startedAt)
    .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt))
    .map((s) => Date.parse(s.finishedAt) - Date.parse(s.startedAt as string));
}

const configuredMinutes = (service: Service) => service.schedule.defaultServiceMinutes ?? DEFAULT_SERVICE_MINUTES;

/** Today's measured mean, as the counter and the reports show it. */
function averageOf(state: HallState, service: Service): number {
  return averageServiceMinutes(durationsOf(state, service), configuredMinutes(service));
}

/** Minutes per person for wait estimates: a rolling median with a floor (see the domain rule). */
function typicalOf(state: HallState, service: Service): number {
  return typicalServiceMinutes(durationsOf(state, service), configuredMinutes(service));
}

function countersServing(state: HallState, serviceId: number): number {
  return state.counters.filter((c) => c.serviceIds.includes(serviceId)).length;
}

function ticketOf(state: HallState, row: TicketRecord, now: HallTime, lang: Lang): Ticket {
  const service = state.services.get(row.serviceId) as Service;
  const queue = state.waiting.filter((t) => t.serviceId === row.serviceId);
  const ahead = row.status === 'waiting' ? Math.max(0, countAhead(queue, row.number, now, service.queueOrder)) : 0;
  // A ticket back in a queue (transferred) is at no counter until it is called again.
  const counter = row.status === 'waiting' ? undefined : state.counters.find((c) => c.id === row.counterId);
  const wait = estimateWaitMinutes(ahead, typicalOf(state, service), countersServing(state, service.id));
  return presentTicket(row, service, { ahead, wait, counterNumber: counter?.number ?? null }, lang);
}

/** Tickets with their place in the queue and estimated wait, as the kiosk and counters show them. */
export async function presentTickets(db: Db, rows: TicketRecord[], now: Now, lang: Lang): Promise<Ticket[]> {
  const state = await hallState(db, now.local.date);
  return rows.map((r) => ticketOf(state, r, now.local, lang));
}

function counterOf(state: HallState, c: HallCounter, now: HallTime, lang: Lang): Counter {
  const open = state.open.find((t) => t.openCounterId === c.id);
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    serviceIds: c.serviceIds,
    active: c.active,
    current: open ? ticketOf(state, open, now, lang) : null,
    servedToday: state.served.filter((s) => s.counterId === c.id).length,
  };
}

export async function queueView(ctx: ServiceContext, serviceIds: number[] | null, lang: Lang): Promise<QueueResponse> {
  const now = nowOf(ctx);
  const state = await hallState(ctx.db, now.local.date);
  const wanted = [...state.services.values()].filter((s) => s.active && (!serviceIds || serviceIds.includes(s.id)));
  return {
    date: now.local.date,
    now: now.local.time,
    queues: wanted.map((service) => {
      const ordered = orderQueue(state.waiting.filter((t) => t.serviceId === service.id), now.local, service.queueOrder);
      const average = averageOf(state, service);
      return {
        serviceId: service.id,
        serviceLetter: service.letter,
        serviceName: serviceName(service, lang),
        waiting: ordered.map((t) => ({
          number: t.number,
          callNumber: t.callNumber,
          kind: t.kind,
          slotStart: t.slotStart,
          queuedAt: t.queuedAt,
          waitedMinutes: Math.max(0, Math.floor((now.instant.getTime() - Date.parse(t.queuedAt)) / 60_000)),
          transferred: t.transferredFrom !== null,
        })),
        servedToday: state.served.filter((s) => s.serviceId === service.id).length,
        averageServiceMinutes: average,
        estimatedWaitMinutes: estimateWaitMinutes(ordered.length, typicalOf(state, service), countersServing(state, service.id)),
      };
    }),
    counters: state.counters.map((c) => counterOf(state, c, now.local, lang)),
    passed: (await passedTicketsOf(ctx.db, wanted.map((s) => s.id), now.local.date)).map((t) => ({
      number: t.number,
      callNumber: t.callNumber,
      serviceId: t.serviceId,
      passedAt: t.finishedAt as string,
    })),
    requeueBehind: ctx.requeueBehind ?? DEFAULT_REQUEUE_BEHIND,
  };
}

export async function countersView(ctx: ServiceContext, lang: Lang): Promise<Counter[]> {
  const now = nowOf(ctx);
  const state = await hallState(ctx.db, now.local.date);
  return state.counters.map((c) => counterOf(state, c, now.local, lang));
}

/** Where a call on the board stands: live at its counter, or ended there and how. */
function callState(t: TicketRecord): CallState {
  if (t.status === 'called') return 'calling';
  if (t.status === 'serving') return 'serving';
  if (t.status === 'served') return 'served';
  // Back in a queue after this call: moved to another service's queue.
  if (t.status === 'waiting') return 'transferred';
  return 'no_show';
}

export async function displayView(ctx: ServiceContext, lang: Lang): Promise<DisplayResponse> {
  const now = nowOf(ctx);
  const state = await hallState(ctx.db, now.local.date);
  const calls = await recentCalls(ctx.db, now.local.date, 10);
  return {
    date: now.local.date,
    now: now.local.time,
    instant: now.iso,
    timeZone: ctx.hallTz,
    calls: calls.flatMap((t) => {
      const counter = state.counters.find((c) => c.id === t.counterId);
      const service = state.services.get(t.serviceId);
      if (!counter || !service) return [];
      return [
        {
          number: t.number,
          callNumber: t.callNumber,
          serviceId: service.id,
          serviceName: serviceName(service, lang),
          counterNumber: counter.number,
          counterName: counter.name,
          calledAt: t.calledAt as string,
          callCount: Math.max(1, t.callCount),
          state: callState(t),
        },
      ];
    }),
    waiting: [...state.services.values()]
      .filter((s) => s.active)
      .map((s) => ({
        serviceId: s.id,
        serviceLetter: s.letter,
        serviceName: serviceName(s, lang),
        count: state.waiting.filter((t) => t.serviceId === s.id).length,
      })),
  };
}

async function counterByNumber(db: Db, number: number): Promise<HallCounter> {
  const counter = await findCounterByNumber(db, number);
  if (!counter?.active) throw new AppError('COUNTER_NOT_FOUND', { counter: number });
  return counter;
}

function event(type: NewLiveEvent['type'], t: TicketRecord, now: Now, counter?: HallCounter | null, extra: Partial<NewLiveEvent> = {}): NewLiveEvent {
  return {
    type,
    serviceId: t.serviceId,
    date: t.date,
    at: now.iso,
    number: t.number,
    ...(counter ? { counterNumber: counter.number, counterName: counter.name } : {}),
    ...extra,
  };
}

export async function actionResult(ctx: ServiceContext, number: string, counterId: number | null, now: Now, lang: Lang): Promise<TicketActionResponse> {
  ctx.events?.committed();
  const state = await hallState(ctx.db, now.local.date);
  const row = (await findTicketByNumber(ctx.db, number)) as TicketRecord;
  const counter = state.counters.find((c) => c.id === (counterId ?? row.counterId));
  return { ticket: ticketOf(state, row, now.local, lang), counter: counter ? counterOf(state, counter, now.local, lang) : null };
}

/** 叫号: the next waiting ticket of the counter's services, in queue order. */
export async function callNext(ctx: ServiceContext, counterNumber: number, lang: Lang): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const counter = await counterByNumber(ctx.db, counterNumber);
  const services = (await listServices(ctx.db, { includeInactive: true })).filter((s) => counter.serviceIds.includes(s.id));
  try {
    const called = await transact(ctx.db, async (trx) => {
      const [open] = await openTicketsOfCounters(trx, [counter.id]);
      if (open) throw new AppError('COUNTER_BUSY', { number: open.number });
      const waiting = await waitingTicketsOf(trx, counter.serviceIds, now.local.date);
      for (const row of orderQueue(waiting, now.local, orderForServices(services.map((s) => s.queueOrder)))) {
        // Another counter may take this one between our read and our write: then try the next.
        if (await callTicket(trx, row.id, counter.id, now.iso)) {
          await appendEvent(trx, event('ticket.called', row, now, counter));
          return row;
        }
      }
      throw new AppError('QUEUE_EMPTY');
    });
    return actionResult(ctx, called.number, counter.id, now, lang);
  } catch (error) {
    throw busyOr(error);
  }
}

/** Two calls raced for one counter: the store's unique index refused the second. */
function busyOr(error: unknown): unknown {
  return isUniqueViolation(error) ? new AppError('COUNTER_BUSY', { number: '' }) : error;
}

async function ticketByNumber(db: Db, number: string): Promise<TicketRecord> {
  const t = await findTicketByNumber(db, number);
  if (!t) throw new AppError('TICKET_NOT_FOUND', { number });
  return t;
}

/** Calls a particular waiting number out of order (the counter must serve its service). */
export async function callTicketTo(
  ctx: ServiceContext,
  actor: string,
  number: string,
  counterNumber: number,
  lang: Lang,
): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const counter = await counterByNumber(ctx.db, counterNumber);
  const ticket = await ticketByNumber(ctx.db, number);
  if (ticket.date !== now.local.date || !counter.serviceIds.includes(ticket.serviceId)) throw new AppError('TICKET_STATE');
  try {
    await transact(ctx.db, async (trx) => {
      const [open] = await openTicketsOfCounters(trx, [counter.id]);
      if (open) throw new AppError('COUNTER_BUSY', { number: open.number });
      if (!(await callTicket(trx, ticket.id, counter.id, now.iso))) throw new AppError('TICKET_STATE');
      await appendEvent(trx, event('ticket.called', ticket, now, counter, { outOfOrder: true }));
      await appendAudit(trx, { at: now.iso, actor, action: 'ticket.call_out_of_order', target: number, details: { counter: counter.number } });
    });
  } catch (error) {
    throw busyOr(error);
  }
  return actionResult(ctx, number, counter.id, now, lang);
}

type TicketAction = 'recall' | 'start' | 'complete' | 'no-show';

/** 重呼 / 开始办理 / 办结 / 过号 on an open ticket. */
export async function ticketAction(ctx: ServiceContext, number: string, action: TicketAction, lang: Lang): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const ticket = await ticketByNumber(ctx.db, number);
  const counter = (await listCounters(ctx.db)).find((c) => c.id === ticket.counterId) ?? null;
  await transact(ctx.db, async (trx) => {
    let ok: boolean;
    let type: NewLiveEvent['type'];
    if (action === 'recall') [ok, type] = [await recallTicket(trx, ticket.id, now.iso), 'ticket.recalled'];
    else if (action === 'start') [ok, type] = [await startTicket(trx, ticket.id, now.iso), 'ticket.started'];
    else if (action === 'complete') [ok, type] = [await finishTicket(trx, ticket.id, 'served', now.iso), 'ticket.completed'];
    else [ok, type] = [await finishTicket(trx, ticket.id, 'no_show', now.iso), 'ticket.no_show'];
    if (!ok) throw new AppError('TICKET_STATE');
    if (action === 'complete' && ticket.bookingId !== null) {
      await changeBookingStatus(trx, ticket.bookingId, 'checked_in', 'served', { at: now.iso });
    }
    await appendEvent(trx, event(type, ticket, now, counter));
  });
  return actionResult(ctx, number, counter?.id ?? null, now, lang);
}

/** 转移: back into the queue of another service, keeping the number and its place in time. */
export async function transfer(
  ctx: ServiceContext,
  actor: string,
  number: string,
  toServiceId: number,
  lang: Lang,
): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const ticket = await ticketByNumber(ctx.db, number);
  const services = await listServices(ctx.db);
  if (!services.some((s) => s.id === toServiceId)) throw new AppError('SERVICE_NOT_FOUND', { serviceId: toServiceId });
  if (toServiceId === ticket.serviceId) throw new AppError('TICKET_STATE');
  const counter = (await listCounters(ctx.db)).find((c) => c.id === ticket.counterId) ?? null;
  await transact(ctx.db, async (trx) => {
    if (!(await transferTicket(trx, ticket.id, ticket.serviceId, toServiceId, now.iso))) throw new AppError('TICKET_STATE');
    await appendEvent(trx, event('ticket.transferred', ticket, now, counter, { toServiceId }));
    await appendAudit(trx, { at: now.iso, actor, action: 'ticket.transfer', target: number, details: { from: ticket.serviceId, to: toServiceId } });
  });
  return actionResult(ctx, number, null, now, lang);
}
