// The hall as the read model sees it at one moment: services, counters, today's waiting, open and
// served tickets, read once per answer; and what follows from it — a ticket's place and estimated
// wait, a counter's open ticket and count, a service's average. Reads only; nothing here writes.
import type { Lang } from '../../contracts/errors.js';
import type { Ticket } from '../../contracts/kiosk.js';
import type { Counter } from '../../contracts/queue.js';
import { type PriorityRules, priorityOrder } from '../../domain/priority.js';
import { type QueueOrder, orderForServices } from '../../domain/queue-order.js';
import { DEFAULT_SERVICE_MINUTES, averageServiceMinutes, estimateWaitMinutes, typicalServiceMinutes } from '../../domain/wait-estimate.js';
import { type CounterPause, type HallCounter, listCounters, openPauses } from '../repositories/counter.repository.js';
import type { Db } from '../repositories/portable.js';
import { type Service, listServices } from '../repositories/service.repository.js';
import { type ServedTicket, type TicketRecord, openTicketsOfCounters, servedOn, waitingTicketsOf } from '../repositories/ticket.repository.js';
import type { Now } from './context.js';
import { presentTicket } from './present.js';

/** What a ticket's place and wait need: its service, the counters, and its service's waiting and served tickets. */
export interface TicketPlaces {
  services: ReadonlyMap<number, Service>;
  counters: HallCounter[];
  waiting: TicketRecord[];
  served: ServedTicket[];
}

/** Everything a queue view needs, read once: the whole hall. */
export interface HallState extends TicketPlaces {
  open: TicketRecord[];
  /** The pause under way of each paused counter, by counter id. */
  pauses: Map<number, CounterPause>;
}

export async function hallState(db: Db, hallId: number, date: string): Promise<HallState> {
  const services = new Map((await listServices(db, hallId, { includeInactive: true })).map((s) => [s.id, s]));
  const counters = await listCounters(db, hallId);
  return {
    services,
    counters,
    waiting: await waitingTicketsOf(db, [...services.keys()], date),
    open: await openTicketsOfCounters(
      db,
      counters.map((c) => c.id),
    ),
    served: await servedOn(db, hallId, date),
    pauses: await openPauses(db, hallId),
  };
}

/**
 * Only what `ticketOf` needs for tickets of these services: their waiting and served tickets and
 * the counters (how many serve each service; where a called ticket was called to). The rest of
 * the hall — other services' queues, the counters' open tickets — does not change these tickets'
 * places, so a printed ticket does not wait for it.
 */
export async function ticketPlaces(db: Db, hallId: number, services: ReadonlyMap<number, Service>, date: string): Promise<TicketPlaces> {
  const ids = [...services.keys()];
  return {
    services,
    counters: await listCounters(db, hallId),
    waiting: await waitingTicketsOf(db, ids, date),
    served: await servedOn(db, hallId, date, ids),
  };
}

/** Today's service durations of a service (ms), in the order they finished. */
function durationsOf(state: TicketPlaces, service: Service): number[] {
  return state.served
    .filter((s) => s.serviceId === service.id && s.startedAt)
    .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt))
    .map((s) => Date.parse(s.finishedAt) - Date.parse(s.startedAt as string));
}

const configuredMinutes = (service: Service) => service.schedule.defaultServiceMinutes ?? DEFAULT_SERVICE_MINUTES;

/** Today's measured mean, as the counter and the reports show it. */
export function averageOf(state: TicketPlaces, service: Service): number {
  return averageServiceMinutes(durationsOf(state, service), configuredMinutes(service));
}

/** Minutes per person for wait estimates: a rolling median with a floor (see the domain rule). */
export function typicalOf(state: TicketPlaces, service: Service): number {
  return typicalServiceMinutes(durationsOf(state, service), configuredMinutes(service));
}

/** Open counters serving the service (a paused or closed counter calls nobody). */
export function countersServing(state: TicketPlaces, serviceId: number): number {
  return state.counters.filter((c) => c.state === 'open' && c.serviceIds.includes(serviceId)).length;
}

/** Waiting tickets in the order they will be called, 优先 tickets ahead as far as the bounds let them. */
export function callOrder(waiting: readonly TicketRecord[], now: Now, order: QueueOrder | readonly QueueOrder[], rules: PriorityRules): TicketRecord[] {
  const one = typeof order === 'string' ? order : orderForServices(order);
  return priorityOrder(waiting, { local: now.local, iso: now.iso }, one, rules);
}

/** A ticket with its place in the queue and estimated wait, as the kiosk and counters show it. */
export function ticketOf(state: TicketPlaces, t: TicketRecord, now: Now, lang: Lang, rules: PriorityRules): Ticket {
  const service = state.services.get(t.serviceId) as Service;
  const queue = state.waiting.filter((w) => w.serviceId === t.serviceId);
  const ahead = t.status === 'waiting' ? Math.max(0, callOrder(queue, now, service.queueOrder, rules).findIndex((w) => w.number === t.number)) : 0;
  // A ticket back in a queue (transferred) is at no counter until it is called again.
  const counter = t.status === 'waiting' ? undefined : state.counters.find((c) => c.id === t.counterId);
  const wait = estimateWaitMinutes(ahead, typicalOf(state, service), countersServing(state, service.id));
  return presentTicket(t, service, { ahead, wait, counterNumber: counter?.number ?? null }, lang);
}

export function counterOf(state: HallState, c: HallCounter, now: Now, lang: Lang, rules: PriorityRules): Counter {
  const open = state.open.find((t) => t.openCounterId === c.id);
  const pause = state.pauses.get(c.id);
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    serviceIds: c.serviceIds,
    active: c.active,
    current: open ? ticketOf(state, open, now, lang, rules) : null,
    servedToday: state.served.filter((s) => s.counterId === c.id).length,
    state: c.state,
    pause: pause && c.state === 'paused' ? { reason: pause.reason, note: pause.note, since: pause.startedAt } : null,
  };
}
