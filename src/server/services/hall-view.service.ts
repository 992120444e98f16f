// The hall's read model: the queue overview, the counters, the display board, and tickets with
// their place and estimated wait (for the kiosk's print and the counters' answers). Queries only:
// the commands (queue-commands, ticket-return, kiosk) write and then ask here for their answer.
import { isOverdue, maxWaitMinutesOf } from '../../domain/wait-alert.js';
import type { Lang } from '../../contracts/errors.js';
import type { Ticket } from '../../contracts/kiosk.js';
import type { CallState, Counter, DisplayResponse, QueueResponse, TicketActionResponse } from '../../contracts/queue.js';
import { DEFAULT_REQUEUE_BEHIND } from '../../domain/queue-order.js';
import { estimateWaitMinutes } from '../../domain/wait-estimate.js';
import type { Service } from '../repositories/service.repository.js';
import { type TicketRecord, findTicketByNumber, passedTicketsOf, recentCalls } from '../repositories/ticket.repository.js';
import { type HallContext, type Now, nowOf, serviceName } from './context.js';
import { averageOf, callOrder, counterOf, countersServing, hallState, ticketOf, ticketPlaces, typicalOf } from './hall-state.js';
import { priorityOf } from './priority.service.js';

/**
 * Tickets as the kiosk prints them: place in the queue and estimated wait. `services` holds (at
 * least) the tickets' services, which the caller has read already; only those services' queues
 * and times are read, not the whole hall.
 */
export async function presentTickets(
  ctx: HallContext,
  tickets: TicketRecord[],
  services: ReadonlyMap<number, Service>,
  now: Now,
  lang: Lang,
): Promise<Ticket[]> {
  const theirs = new Map(tickets.map((t) => [t.serviceId, services.get(t.serviceId) as Service]));
  const places = await ticketPlaces(ctx.db, ctx.hall.id, theirs, now.local.date);
  const rule = await priorityOf(ctx, ctx.hall.id);
  return tickets.map((t) => ticketOf(places, t, now, lang, rule));
}

export async function queueView(ctx: HallContext, serviceIds: number[] | null, lang: Lang): Promise<QueueResponse> {
  const now = nowOf(ctx);
  const state = await hallState(ctx.db, ctx.hall.id, now.local.date);
  const wanted = [...state.services.values()].filter((s) => s.active && (!serviceIds || serviceIds.includes(s.id)));
  const rule = await priorityOf(ctx, ctx.hall.id);
  return {
    date: now.local.date,
    now: now.local.time,
    queues: wanted.map((service) => {
      const ordered = callOrder(state.waiting.filter((t) => t.serviceId === service.id), now, service.queueOrder, rule);
      const average = averageOf(state, service);
      const maxWait = maxWaitMinutesOf(service.schedule);
      const waitedOf = (t: TicketRecord) => (now.instant.getTime() - Date.parse(t.queuedAt)) / 60_000;
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
          waitedMinutes: Math.max(0, Math.floor(waitedOf(t))),
          overdue: isOverdue(waitedOf(t), maxWait),
          transferred: t.transferredFrom !== null,
          priority: t.priority,
        })),
        servedToday: state.served.filter((s) => s.serviceId === service.id).length,
        averageServiceMinutes: average,
        estimatedWaitMinutes: estimateWaitMinutes(ordered.length, typicalOf(state, service), countersServing(state, service.id)),
        maxWaitMinutes: maxWait,
      };
    }),
    counters: state.counters.map((c) => counterOf(state, c, now, lang, rule)),
    passed: (await passedTicketsOf(ctx.db, wanted.map((s) => s.id), now.local.date)).map((t) => ({
      number: t.number,
      callNumber: t.callNumber,
      serviceId: t.serviceId,
      passedAt: t.finishedAt as string,
    })),
    requeueBehind: ctx.requeueBehind ?? DEFAULT_REQUEUE_BEHIND,
  };
}

export async function countersView(ctx: HallContext, lang: Lang): Promise<Counter[]> {
  const now = nowOf(ctx);
  const state = await hallState(ctx.db, ctx.hall.id, now.local.date);
  const rule = await priorityOf(ctx, ctx.hall.id);
  return state.counters.map((c) => counterOf(state, c, now, lang, rule));
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

export async function displayView(ctx: HallContext, lang: Lang): Promise<DisplayResponse> {
  const now = nowOf(ctx);
  const state = await hallState(ctx.db, ctx.hall.id, now.local.date);
  const calls = await recentCalls(ctx.db, ctx.hall.id, now.local.date, 10);
  return {
    date: now.local.date,
    now: now.local.time,
    instant: now.iso,
    timeZone: ctx.hall.timeZone,
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
          priority: t.priority,
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
    counters: state.counters.map((c) => ({ number: c.number, name: c.name, state: c.state })),
  };
}

/** The answer to a counter's action: the ticket as it is now, and the counter it concerns (if any). */
export async function ticketActionView(ctx: HallContext, number: string, counterId: number | null, now: Now, lang: Lang): Promise<TicketActionResponse> {
  const state = await hallState(ctx.db, ctx.hall.id, now.local.date);
  const ticket = (await findTicketByNumber(ctx.db, number)) as TicketRecord;
  const counter = state.counters.find((c) => c.id === (counterId ?? ticket.counterId));
  const rules = await priorityOf(ctx, ctx.hall.id);
  return { ticket: ticketOf(state, ticket, now, lang, rules), counter: counter ? counterOf(state, counter, now, lang, rules) : null };
}
