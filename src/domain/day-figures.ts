// The day's figures per service, from the day's bookings and tickets: what the dashboard and
// the monthly report show. Pure: the caller reads the rows.
import { type BookingFacts, effectiveStatus } from './booking-rules.js';
import type { HallTime } from './schedule.js';
import type { TicketKind, TicketStatus } from './ticket-status.js';

export interface BookingFact extends BookingFacts {
  checkedInAt: string | null;
  cancelReason: string | null;
}

export interface TicketFact {
  serviceId: number;
  date: string;
  kind: TicketKind;
  status: TicketStatus;
  queuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** 优先: its priority group (absent or null: a normal ticket). */
  priority?: string | null;
}

export interface Figures {
  booked: number;
  cancelled: number;
  cancelledHallClosed: number;
  checkedIn: number;
  missed: number;
  walkIns: number;
  waiting: number;
  served: number;
  noShow: number;
  averageWaitMinutes: number | null;
  averageServiceMinutes: number | null;
  /** 优先 tickets in the service's queue, and their mean wait until called. */
  priorityTickets: number;
  priorityAverageWaitMinutes: number | null;
}

const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

function mean(values: number[]): number | null {
  const ok = values.filter((v) => Number.isFinite(v) && v >= 0);
  return ok.length === 0 ? null : Math.round((ok.reduce((a, b) => a + b, 0) / ok.length) * 10) / 10;
}

/**
 * `tickets`: the tickets in the service's queue that day (waiting, served, no-show, times);
 * `issued`: the tickets the service issued that day, wherever they were transferred since (its
 * 现场取号 count: the numbers taken from its walk-in quota). Without transfers they are the same.
 */
export function dayFigures(bookings: BookingFact[], tickets: TicketFact[], now: HallTime, issued: TicketFact[] = tickets): Figures {
  const status = (b: BookingFact) => effectiveStatus(b, now);
  return {
    booked: bookings.filter((b) => b.status !== 'cancelled').length,
    cancelled: bookings.filter((b) => b.status === 'cancelled').length,
    cancelledHallClosed: bookings.filter((b) => b.status === 'cancelled' && b.cancelReason === 'hall_closed').length,
    checkedIn: bookings.filter((b) => b.checkedInAt !== null).length,
    missed: bookings.filter((b) => status(b) === 'missed').length,
    walkIns: issued.filter((t) => t.kind === 'walk_in').length,
    waiting: tickets.filter((t) => t.status === 'waiting').length,
    served: tickets.filter((t) => t.status === 'served').length,
    noShow: tickets.filter((t) => t.status === 'no_show').length,
    averageWaitMinutes: mean(tickets.filter((t) => t.calledAt).map((t) => minutes(t.queuedAt, t.calledAt as string))),
    priorityTickets: tickets.filter((t) => t.priority).length,
    priorityAverageWaitMinutes: mean(tickets.filter((t) => t.priority && t.calledAt).map((t) => minutes(t.queuedAt, t.calledAt as string))),
    averageServiceMinutes: mean(
      tickets.filter((t) => t.status === 'served' && t.startedAt && t.finishedAt).map((t) => minutes(t.startedAt as string, t.finishedAt as string)),
    ),
  };
}

/** Tickets joining the queue and tickets served, per hall-local hour (the caller gives the hour of each instant). */
export function byHour(tickets: TicketFact[], hourOf: (iso: string) => number): { hour: number; queued: number; served: number }[] {
  const hours = new Map<number, { hour: number; queued: number; served: number }>();
  const slot = (h: number) => {
    const v = hours.get(h) ?? { hour: h, queued: 0, served: 0 };
    hours.set(h, v);
    return v;
  };
  for (const t of tickets) {
    slot(hourOf(t.queuedAt)).queued++;
    if (t.status === 'served' && t.finishedAt) slot(hourOf(t.finishedAt)).served++;
  }
  return [...hours.values()].sort((a, b) => a.hour - b.hour);
}
