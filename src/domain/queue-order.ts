// Who is called next. With the default "priority" order, checked-in bookings whose slot has
// started go first (by slot start, then check-in time), then walk-ins first come first served,
// then early check-ins whose slot has not started yet. "arrival" order is strict first come,
// first served. Ties break on the ticket number, so every store yields the same order.
import { type HallTime, toMinutes } from './schedule.js';
import type { TicketKind } from './ticket-status.js';

export const QUEUE_ORDERS = ['priority', 'arrival'] as const;
export type QueueOrder = (typeof QUEUE_ORDERS)[number];

export interface QueueEntry {
  number: string;
  kind: TicketKind;
  /** HH:mm of the booked slot; null for walk-ins. */
  slotStart: string | null;
  /** When the ticket joined the queue (check-in or walk-in), as an ISO instant. */
  queuedAt: string;
  /**
   * A passed (过号) ticket that came back: when it came back, and the number it must follow (the
   * REQUEUE_BEHIND-th waiting ticket at that moment; null when fewer were waiting).
   */
  requeue?: { at: string; after: string | null } | null;
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
  const ranked = entries.filter((e) => !e.requeue).map((e) => ({ e, r: rank(e, now, order) }));
  ranked.sort((a, b) => compareRanks(a.r, b.r));
  const ordered = ranked.map((x) => x.e);
  // A ticket that came back after 过号 goes right behind the ticket it was placed after; once that
  // one has been called, it has waited its turn and goes first (earlier returns before later).
  const returned = entries
    .filter((e) => e.requeue)
    .sort((a, b) => ((a.requeue?.at ?? '') < (b.requeue?.at ?? '') ? -1 : (a.requeue?.at ?? '') > (b.requeue?.at ?? '') ? 1 : a.number < b.number ? -1 : 1));
  let atFront = 0;
  for (const e of returned) {
    const anchor = e.requeue?.after ? ordered.findIndex((x) => x.number === e.requeue?.after) : -1;
    if (anchor < 0) {
      ordered.splice(atFront++, 0, e);
      continue;
    }
    // Behind the anchor and behind those that came back behind it earlier.
    let at = anchor + 1;
    while (at < ordered.length && ordered[at]?.requeue) at++;
    ordered.splice(at, 0, e);
  }
  return ordered;
}

/** Default of REQUEUE_BEHIND: how many waiting tickets a passed ticket that comes back lets go first. */
export const DEFAULT_REQUEUE_BEHIND = 3;

/** The number a returning ticket must follow: the `behind`-th in the current order, or the last; null if none wait. */
export function requeueAnchor(ordered: readonly QueueEntry[], behind: number): string | null {
  if (ordered.length === 0 || behind <= 0) return null;
  return (ordered[Math.min(behind, ordered.length) - 1] as QueueEntry).number;
}

/** How many waiting tickets would be called before `number`; -1 if it is not waiting. */
export function countAhead(entries: readonly QueueEntry[], number: string, now: HallTime, order: QueueOrder): number {
  return orderQueue(entries, now, order).findIndex((e) => e.number === number);
}

/** One order for a counter serving several services: strict arrival only if all of them use it. */
export function orderForServices(orders: readonly QueueOrder[]): QueueOrder {
  return orders.length > 0 && orders.every((o) => o === 'arrival') ? 'arrival' : 'priority';
}
