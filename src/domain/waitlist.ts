// 候补 (waiting list): who is next for a freed place, when offers stop, how long a hold lasts, and
// what a citizen may join. A hold is a place taken from the slot's count for one person: booked +
// held never passes capacity, and one entry never holds two places.

/** At most this many waiting-list entries (waiting or offered) per person. */
export const MAX_WAITLIST_ENTRIES = 3;
/** No offers once the slot starts in less than this: the place goes back to normal booking. */
export const OFFER_CUTOFF_MINUTES = 120;
export const DEFAULT_HOLD_MINUTES = 30;

export const WAITLIST_STATUSES = ['waiting', 'offered', 'booked', 'left', 'lapsed', 'closed'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

export interface WaitlistFacts {
  id: number;
  serviceId: number;
  date: string;
  /** null: any slot of the day. */
  slotStart: string | null;
  status: WaitlistStatus;
}

/** Still in a line: waiting for a place, or holding one. */
export function isOpenEntry(e: Pick<WaitlistFacts, 'status'>): boolean {
  return e.status === 'waiting' || e.status === 'offered';
}

/** Whether an entry would take a place freed in this slot. */
export function wantsSlot(e: Pick<WaitlistFacts, 'slotStart'>, slotStart: string): boolean {
  return e.slotStart === null || e.slotStart === slotStart;
}

/** The first waiting entry (oldest) that would take a place in this slot. */
export function nextInLine<E extends WaitlistFacts>(line: readonly E[], slotStart: string, skip: ReadonlySet<number> = new Set()): E | undefined {
  return [...line].sort((a, b) => a.id - b.id).find((e) => e.status === 'waiting' && wantsSlot(e, slotStart) && !skip.has(e.id));
}

/**
 * 1 + the waiting entries of the same service and day ahead of this one that could be offered a
 * place it wants first (a whole-day entry competes with every slot's entries).
 */
export function positionOf(line: readonly WaitlistFacts[], e: WaitlistFacts): number {
  const ahead = line.filter(
    (o) =>
      o.id < e.id &&
      o.status === 'waiting' &&
      o.serviceId === e.serviceId &&
      o.date === e.date &&
      (e.slotStart === null || o.slotStart === null || o.slotStart === e.slotStart),
  );
  return ahead.length + 1;
}

/** Offers are made only while the slot starts at least OFFER_CUTOFF_MINUTES from now. */
export function offersOpen(slotStartMs: number, nowMs: number, cutoffMinutes = OFFER_CUTOFF_MINUTES): boolean {
  return slotStartMs - nowMs >= cutoffMinutes * 60_000;
}

/** A hold lasts holdMinutes, and never past the slot's start. */
export function holdExpiresAt(nowMs: number, holdMinutes: number, slotStartMs: number): number {
  return Math.min(nowMs + holdMinutes * 60_000, slotStartMs);
}

export type JoinRefusal = 'WAITLIST_LIMIT' | 'WAITLIST_DUPLICATE';

/** A person may wait in a few lines, once per service and day. */
export function joinRefusal(theirs: readonly WaitlistFacts[], wanted: { serviceId: number; date: string }, limit = MAX_WAITLIST_ENTRIES): JoinRefusal | null {
  const open = theirs.filter(isOpenEntry);
  if (open.some((e) => e.serviceId === wanted.serviceId && e.date === wanted.date)) return 'WAITLIST_DUPLICATE';
  if (open.length >= limit) return 'WAITLIST_LIMIT';
  return null;
}

/** One slot's places: booked and held together never exceed capacity. */
export interface SlotPlaces {
  capacity: number;
  booked: number;
  held: number;
}

export function freePlaces(s: SlotPlaces): number {
  return Math.max(0, s.capacity - s.booked - s.held);
}

/**
 * Which waiting entries get an offer now in a slot: one free place each, oldest first, none while
 * offers are closed (the places stay free for normal booking).
 */
export function offerPlan<E extends WaitlistFacts>(slot: SlotPlaces, slotStart: string, line: readonly E[], open: boolean): E[] {
  if (!open) return [];
  const chosen: E[] = [];
  const skip = new Set<number>();
  for (let free = freePlaces(slot); free > 0; free--) {
    const next = nextInLine(line, slotStart, skip);
    if (!next) break;
    chosen.push(next);
    skip.add(next.id);
  }
  return chosen;
}
