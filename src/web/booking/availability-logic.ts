// Reading availability answers: which days can be picked, which are full, what to offer instead,
// and each service's next open day for the home tiles.
import type { DayAvailability, ServiceSummary, ServicesResponse } from '../../contracts/services.js';

/** closed: the hall does not serve it; outside: beyond the booking window; full: no place left;
 *  over: places left but every slot has started; open: something can be booked. */
export type DayState = 'closed' | 'outside' | 'full' | 'over' | 'open';

export function dayState(day: DayAvailability): DayState {
  if (!day.inWindow) return 'outside';
  if (!day.open) return 'closed';
  if (day.slots.some((s) => s.bookable)) return 'open';
  return day.remaining <= 0 ? 'full' : 'over';
}

/** A day the date picker lets you choose (a full day is chosen to be told so and offered others). */
export function isSelectableDay(day: DayAvailability): boolean {
  const state = dayState(day);
  return state === 'open' || state === 'full' || state === 'over';
}

export function nextDaysWithPlaces(days: DayAvailability[], after: string, limit = 3): DayAvailability[] {
  return days.filter((d) => d.date > after && dayState(d) === 'open').slice(0, limit);
}

/** The date to show first: the asked one if it can be chosen, else the first with places. */
export function initialDate(days: DayAvailability[], asked: string | null): string | undefined {
  const askedDay = asked ? days.find((d) => d.date === asked && isSelectableDay(d)) : undefined;
  if (askedDay) return askedDay.date;
  return (days.find((d) => dayState(d) === 'open') ?? days.find(isSelectableDay))?.date;
}

/** Whether a previously picked slot can still be booked on that day. */
export function slotStillBookable(day: DayAvailability | undefined, slot: string | null): boolean {
  return !!day && !!slot && day.slots.some((s) => s.start === slot && s.bookable);
}

/**
 * Each service's summary for its next open day, from services answers for consecutive dates
 * (today first). Services not open on any of them are missing from the map.
 */
export function nextOpenSummaries(answers: ServicesResponse[]): Map<number, ServiceSummary> {
  const found = new Map<number, ServiceSummary>();
  const sorted = [...answers].sort((a, b) => a.date.localeCompare(b.date));
  for (const answer of sorted) {
    for (const s of answer.services) if (s.open && !found.has(s.id)) found.set(s.id, s);
  }
  return found;
}

/** True when every service listed in the answers has an open day among them. */
export function everyServiceFound(answers: ServicesResponse[]): boolean {
  const found = nextOpenSummaries(answers);
  const ids = new Set(answers.flatMap((a) => a.services.map((s) => s.id)));
  return [...ids].every((id) => found.has(id));
}

/** Booking pages merge live changes for this long before reloading: many readers, one server. */
export const PUBLIC_MERGE_MS = 1_000;
