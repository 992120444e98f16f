// Who is called next. With the default "priority" order, checked-in bookings whose slot has
// started go first (by slot start, then check-in time), then walk-ins first come first served,
// then early check-ins whose slot has not started yet. "arrival" order is strict first come,
// first served. Ties break on the ticket number, so every store yields the same order.
import { type HallTime, toMinutes } from './schedule.js';

export const QUEUE_ORDERS = ['priority', 'arrival'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

export interface QueueEntry {
  number: string;
  kind: 'booking' | 'walk_in';
  /** HH:mm of the booked slot; null for walk-ins. */
  slotStart: string | null;
  /** When the ticket joined the queue (check-in or walk-in), as an ISO instant. */
  queuedAt: string;
}

type Rank = [group: number, primary: number, queuedAt: string, number: string];

function rank(e: QueueEntry, now: HallTime, order: QueueOrder): Rank {
  if (order === 'arrival' || e.kind === 'walk_in' || e.slotStart === null) {
    return [order === 'arrival' ? 0 : 1, 0, e.queuedAt, e.number];
  }
  const start = toMinutes(e.slotStart);
  return [start <= now.minutes ? 0 : 2, start, e.queuedAt, e.number];
}

function compareRanks(a: Rank, b: Rank): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number | string;
    const y = b[i] as number | string;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

export function orderQueue<T extends QueueEntry>(entries: readonly T[], now: HallTime, order: QueueOrder): T[] {
  const ranked = entries.map((e) => ({ e, r: rank(e, now, order) }));
  ranked.sort((a, b) => compareRanks(a.r, b.r));
  return ranked.map((x) => x.e);
}

/** How many waiting tickets would be called before `number`; -1 if it is not waiting. */
export function countAhead(entries: readonly QueueEntry[], number: string, now: HallTime, order: QueueOrder): number {
  return orderQueue(entries, now, order).findIndex((e) => e.number === number);
}

/** One order for a counter serving several services: strict arrival only if all of them use it. */
export function orderForServices(orders: readonly QueueOrder[]): QueueOrder {
  return orders.length > 0 && orders.every((o) => o === 'arrival') ? 'arrival' : 'priority';
}
