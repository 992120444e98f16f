// Queue tickets: one per check-in (same number as the booking) and one per walk-in. Rows become
// TicketRecords here; nothing above this layer sees a column name.
import { type Selectable, sql } from 'kysely';
import type { AgentRelation } from '../../domain/proxy-booking.js';
import { OPEN_TICKET_STATUSES, type TicketKind, type TicketStatus } from '../../domain/ticket-status.js';
import type { TicketTable } from '../db/schema.js';
import { type Db, affected, insertReturningId } from './portable.js';

export interface TicketRecord {
  id: number;
  hallId: number;
  number: string;
  /** 叫号号码: letter + the ticket's place in its issuing service's day, e.g. Y012. */
  callNumber: string;
  /** The queue it is in now (a transfer changes it). */
  serviceId: number;
  /** The service that issued it (its walk-in quota, its report row); kept through transfers. */
  issuedServiceId: number;
  date: string;
  kind: TicketKind;
  bookingId: number | null;
  slotStart: string | null;
  slotEnd: string | null;
  status: TicketStatus;
  queuedAt: string;
  updatedAt: string;
  /** The counter it was last called to (kept after a transfer: the board marks that call). */
  counterId: number | null;
  /** The counter it holds while called or being served. */
  openCounterId: number | null;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  callCount: number;
  transferredFrom: number | null;
  /** A passed (过号) ticket that came back once: when, and the number it came back behind (null: nobody waited). */
  requeue: { at: string; after: string | null } | null;
  /** The page /t/<token>: a walk-in's own, a check-in's its booking's (null: issued before tokens). */
  publicToken: string | null;
  /** Staff ids: who called it last, started serving it, and ended it (null: nobody yet, or before this was kept). */
  calledBy: number | null;
  startedBy: number | null;
  finishedBy: number | null;
  /** 代办: the relation of whoever booked it for the person (absent or null: the person themself). */
  agentRelation?: AgentRelation | null;
}

/** What issuing a ticket needs; a new ticket waits from `queuedAt`. */
export type NewTicket = Pick<
  TicketRecord,
  'hallId' | 'number' | 'callNumber' | 'serviceId' | 'date' | 'kind' | 'bookingId' | 'slotStart' | 'slotEnd' | 'queuedAt' | 'publicToken' | 'agentRelation'
>;

function toTicket(r: Selectable<TicketTable>): TicketRecord {
  return {
    id: r.id,
    hallId: Number(r.hall_id),
    number: r.number,
    callNumber: r.call_number,
    serviceId: r.service_id,
    // Rows written before the column existed fall back as its migration did.
    issuedServiceId: r.issued_service_id ?? r.transferred_from ?? r.service_id,
    date: r.date,
    kind: r.kind,
    bookingId: r.booking_id,
    slotStart: r.slot_start,
    slotEnd: r.slot_end,
    status: r.status,
    queuedAt: r.queued_at,
    updatedAt: r.updated_at,
    counterId: r.counter_id,
    openCounterId: r.open_counter_id,
    calledAt: r.called_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    callCount: Number(r.call_count),
    transferredFrom: r.transferred_from,
    requeue: r.requeued_at ? { at: r.requeued_at, after: r.requeue_after } : null,
    publicToken: r.public_token ?? null,
    calledBy: r.called_by ?? null,
    startedBy: r.started_by ?? null,
    finishedBy: r.finished_by ?? null,
    agentRelation: r.agent_relation ?? null,
  };
}

export async function insertTicket(db: Db, t: NewTicket): Promise<TicketRecord> {
  const id = await insertReturningId(db, 'ticket', {
    hall_id: t.hallId,
    number: t.number,
    call_number: t.callNumber,
    service_id: t.serviceId,
    issued_service_id: t.serviceId,
    date: t.date,
    kind: t.kind,
    booking_id: t.bookingId,
    slot_start: t.slotStart,
    slot_end: t.slotEnd,
    status: 'waiting',
    queued_at: t.queuedAt,
    updated_at: t.queuedAt,
    public_token: t.publicToken,
    agent_relation: t.agentRelation ?? null,
  });
  return {
    ...t,
    id,
    issuedServiceId: t.serviceId,
    status: 'waiting',
    updatedAt: t.queuedAt,
    counterId: null,
    openCounterId: null,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    callCount: 0,
    transferredFrom: null,
    requeue: null,
    calledBy: null,
    startedBy: null,
    finishedBy: null,
  };
}

export async function findTicketByNumber(db: Db, number: string): Promise<TicketRecord | undefined> {
  const r = await db.selectFrom('ticket').selectAll().where('number', '=', number).executeTakeFirst();
  return r ? toTicket(r) : undefined;
}

export async function findTicketByPublicToken(db: Db, token: string): Promise<TicketRecord | undefined> {
  const r = await db.selectFrom('ticket').selectAll().where('public_token', '=', token).executeTakeFirst();
  return r ? toTicket(r) : undefined;
}

export async function findTicketsByBookingIds(db: Db, bookingIds: number[]): Promise<TicketRecord[]> {
  if (bookingIds.length === 0) return [];
  return (await db.selectFrom('ticket').selectAll().where('booking_id', 'in', bookingIds).execute()).map(toTicket);
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

/** Walk-in tickets per issuing service and date (a transferred number still counts where it was issued). */
export async function walkInTicketCounts(db: Db): Promise<{ serviceId: number; date: string; count: number }[]> {
  const rows = await db
    .selectFrom('ticket')
    .select((eb) => [eb.fn.coalesce('issued_service_id', 'transferred_from', 'service_id').as('issuer'), 'date'])
    .select((eb) => eb.fn.countAll().as('count'))
    .where('kind', '=', 'walk_in')
    .groupBy((eb) => [eb.fn.coalesce('issued_service_id', 'transferred_from', 'service_id'), 'date'])
    .execute();
  return rows.map((r) => ({ serviceId: Number(r.issuer), date: r.date, count: Number(r.count) }));
}

/** Calls a waiting ticket to a counter; false if someone else called it first. */
export async function callTicket(db: Db, id: number, counterId: number, at: string, staffId: number | null): Promise<boolean> {
  const r = await db
    .updateTable('ticket')
    .set({
      status: 'called',
      counter_id: counterId,
      open_counter_id: counterId,
      called_at: at,
      call_count: sql`call_count + 1`,
      updated_at: at,
      called_by: staffId,
    })
    .where('id', '=', id)
    .where('status', '=', 'waiting')
    .executeTakeFirst();
  return affected(r) === 1;
}

export async function recallTicket(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('ticket')
    .set({ called_at: at, call_count: sql`call_count + 1`, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'called')
    .executeTakeFirst();
  return affected(r) === 1;
}

export async function startTicket(db: Db, id: number, at: string, staffId: number | null): Promise<boolean> {
  const r = await db
    .updateTable('ticket')
    .set({ status: 'serving', started_at: at, updated_at: at, started_by: staffId })
    .where('id', '=', id)
    .where('status', '=', 'called')
    .executeTakeFirst();
  return affected(r) === 1;
}

/** Ends an open ticket (served or no-show) and frees its counter. */
export async function finishTicket(db: Db, id: number, to: 'served' | 'no_show', at: string, staffId: number | null): Promise<boolean> {
  const r = await db
    .updateTable('ticket')
    .set({ status: to, finished_at: at, open_counter_id: null, updated_at: at, finished_by: staffId })
    .where('id', '=', id)
    .where('status', 'in', [...OPEN_TICKET_STATUSES])
    .executeTakeFirst();
  return affected(r) === 1;
}

/** Puts an open ticket back in the queue of another service, keeping its number and place in time. */
export async function transferTicket(db: Db, id: number, fromServiceId: number, toServiceId: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('ticket')
    .set({
      status: 'waiting',
      service_id: toServiceId,
      transferred_from: fromServiceId,
      // counter_id keeps the counter it was last called to (the board marks that call as
      // transferred); only the counter's open slot is freed.
      open_counter_id: null,
      started_at: null,
      // A first call in the new queue is a first call, not a recall.
      call_count: 0,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', 'in', [...OPEN_TICKET_STATUSES])
    .executeTakeFirst();
  return affected(r) === 1;
}

export async function openTicketsOfCounters(db: Db, counterIds: number[]): Promise<TicketRecord[]> {
  if (counterIds.length === 0) return [];
  return (await db.selectFrom('ticket').selectAll().where('open_counter_id', 'in', counterIds).execute()).map(toTicket);
}

/** Tickets of these services on a date in one status (the caller checks serviceIds is not empty). */
const ofServicesOn = (db: Db, serviceIds: number[], date: string, status: 'waiting' | 'no_show') =>
  db.selectFrom('ticket').selectAll().where('service_id', 'in', serviceIds).where('date', '=', date).where('status', '=', status);

export async function waitingTicketsOf(db: Db, serviceIds: number[], date: string): Promise<TicketRecord[]> {
  if (serviceIds.length === 0) return [];
  return (await ofServicesOn(db, serviceIds, date, 'waiting').execute()).map(toTicket);
}

/** Today's passed (过号) tickets of these services that may still come back once, latest first. */
export async function passedTicketsOf(db: Db, serviceIds: number[], date: string, limit = 20): Promise<TicketRecord[]> {
  if (serviceIds.length === 0) return [];
  const rows = await ofServicesOn(db, serviceIds, date, 'no_show')
    .where('requeued_at', 'is', null)
    .orderBy('finished_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toTicket);
}

export interface ServedTicket {
  serviceId: number;
  counterId: number | null;
  startedAt: string | null;
  finishedAt: string;
}

/** A day's finished services (of these services only, when given): who served what, and how long it took. */
export async function servedOn(db: Db, hallId: number, date: string, serviceIds?: readonly number[]): Promise<ServedTicket[]> {
  if (serviceIds?.length === 0) return [];
  const rows = await db
    .selectFrom('ticket')
    .select(['service_id', 'counter_id', 'started_at', 'finished_at'])
    .where('hall_id', '=', hallId)
    .where('date', '=', date)
    .where('status', '=', 'served')
    .$if(serviceIds !== undefined, (q) => q.where('service_id', 'in', serviceIds as number[]))
    .execute();
  return rows.map((r) => ({ serviceId: r.service_id, counterId: r.counter_id, startedAt: r.started_at, finishedAt: r.finished_at as string }));
}

export async function recentCalls(db: Db, hallId: number, date: string, limit: number): Promise<TicketRecord[]> {
  const rows = await db
    .selectFrom('ticket')
    .selectAll()
    .where('hall_id', '=', hallId)
    .where('date', '=', date)
    .where('called_at', 'is not', null)
    .where('counter_id', 'is not', null)
    .orderBy('called_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toTicket);
}

/** End of day: tickets of earlier days still waiting or open close as not served. */
export async function closeTicketsBefore(db: Db, hallId: number, date: string, at: string): Promise<number> {
  const r = await db
    .updateTable('ticket')
    .set({
      status: 'closed',
      open_counter_id: null,
      finished_at: at,
      updated_at: at,
    })
    .where('hall_id', '=', hallId)
    .where('date', '<', date)
    .where('status', 'in', ['waiting', ...OPEN_TICKET_STATUSES])
    .executeTakeFirst();
  return affected(r);
}

/** Today's waiting tickets of a service, once the service's hours are over. */
export async function closeWaitingOf(db: Db, serviceId: number, date: string, at: string): Promise<number> {
  const r = await db
    .updateTable('ticket')
    .set({ status: 'closed', finished_at: at, updated_at: at })
    .where('service_id', '=', serviceId)
    .where('date', '=', date)
    .where('status', '=', 'waiting')
    .executeTakeFirst();
  return affected(r);
}

/** Every ticket of a date range, for reports and the dashboard. */
export async function ticketsBetween(db: Db, hallId: number | null, from: string, to: string): Promise<TicketRecord[]> {
  const rows = await db
    .selectFrom('ticket')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .$if(hallId !== null, (q) => q.where('hall_id', '=', hallId as number))
    .execute();
  return rows.map(toTicket);
}

/**
 * Whether numbers with this letter were issued for another service. Numbers are counted per
 * service, so a letter must never pass to a second service once it has been used.
 */
export async function letterIssuedByOther(db: Db, hall: { id: number; numberPrefix: string }, letter: string, serviceId: number | null): Promise<boolean> {
  const booking = await db
    .selectFrom('booking')
    .select('id')
    .where('hall_id', '=', hall.id)
    .where('number', 'like', `${hall.numberPrefix}${letter}%`)
    .$if(serviceId !== null, (q) => q.where('service_id', '!=', serviceId as number))
    .limit(1)
    .executeTakeFirst();
  if (booking) return true;
  const ticket = await db
    .selectFrom('ticket')
    .select('id')
    .where('hall_id', '=', hall.id)
    .where('call_number', 'like', `${letter}%`)
    .where('kind', '=', 'walk_in')
    .$if(serviceId !== null, (q) =>
      q.where((eb) => eb(eb.fn.coalesce('issued_service_id', 'transferred_from', 'service_id'), '!=', serviceId as number)),
    )
    .limit(1)
    .executeTakeFirst();
  return !!ticket;
}

/**
 * Undoes a 过号 made at or after `since`: the ticket is open at its counter again, as it was
 * (being served if it had started). False if it is not a recent no-show; a unique violation if
 * the counter has taken another ticket meanwhile.
 */
export async function reopenNoShow(db: Db, id: number, since: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('ticket')
    .set((eb) => ({
      status: eb.case().when('started_at', 'is not', null).then<TicketStatus>('serving').else<TicketStatus>('called').end(),
      open_counter_id: eb.ref('counter_id'),
      finished_at: null,
      updated_at: at,
    }))
    .where('id', '=', id)
    .where('status', '=', 'no_show')
    .where('finished_at', '>=', since)
    .where('requeued_at', 'is', null)
    .executeTakeFirst();
  return affected(r) === 1;
}

/** Puts a passed ticket back in its queue behind `after`; once per ticket. */
export async function requeueTicket(db: Db, id: number, after: string | null, at: string): Promise<boolean> {
  const r = await db
    .updateTable('ticket')
    .set({
      status: 'waiting',
      open_counter_id: null,
      started_at: null,
      finished_at: null,
      // Its next call is a first call again.
      call_count: 0,
      requeued_at: at,
      requeue_after: after,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'no_show')
    .where('requeued_at', 'is', null)
    .executeTakeFirst();
  return affected(r) === 1;
}

/** The ticket a counter completed (办结) last on a day, if any. */
export async function lastServedAtCounter(db: Db, counterId: number, date: string): Promise<TicketRecord | undefined> {
  const r = await db
    .selectFrom('ticket')
    .selectAll()
    .where('counter_id', '=', counterId)
    .where('date', '=', date)
    .where('status', '=', 'served')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toTicket(r) : undefined;
}

export async function findTicketById(db: Db, id: number): Promise<TicketRecord | undefined> {
  const r = await db.selectFrom('ticket').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toTicket(r) : undefined;
}
