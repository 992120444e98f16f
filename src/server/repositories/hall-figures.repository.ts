// The city overview's figures: a few grouped queries for every hall at once (never one per hall).
import type { Db } from './portable.js';

export interface HallDayFigures {
  booked: number;
  checkedIn: number;
  walkIns: number;
  waiting: number;
  served: number;
  /** When the longest-waiting ticket joined its queue (null: nobody waits). */
  oldestWaitingSince: string | null;
  /** Counters serving someone now or that called a number since `activeSince`. */
  countersOpen: number;
}

/** Figures per `hallId|date` for the given dates (each hall's today, in its own zone). */
export async function hallFiguresOn(db: Db, dates: string[], activeSince: string): Promise<Map<string, HallDayFigures>> {
  const out = new Map<string, HallDayFigures>();
  if (dates.length === 0) return out;
  const entry = (hallId: unknown, date: string) => {
    const key = `${Number(hallId)}|${date}`;
    let f = out.get(key);
    if (!f) {
      f = {
        booked: 0,
        checkedIn: 0,
        walkIns: 0,
        waiting: 0,
        served: 0,
        oldestWaitingSince: null,
        countersOpen: 0,
      };
      out.set(key, f);
    }
    return f;
  };
  const bookings = await db
    .selectFrom('booking')
    .select(['hall_id', 'date', 'status'])
    .select((eb) => eb.fn.countAll().as('n'))
    .where('date', 'in', dates)
    .where('status', '!=', 'cancelled')
    .groupBy(['hall_id', 'date', 'status'])
    .execute();
  for (const r of bookings) {
    const f = entry(r.hall_id, r.date);
    f.booked += Number(r.n);
    if (r.status === 'checked_in' || r.status === 'served') f.checkedIn += Number(r.n);
  }
  const tickets = await db
    .selectFrom('ticket')
    .select(['hall_id', 'date', 'status', 'kind'])
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('queued_at').as('oldest')])
    .where('date', 'in', dates)
    .groupBy(['hall_id', 'date', 'status', 'kind'])
    .execute();
  for (const r of tickets) {
    const f = entry(r.hall_id, r.date);
    const n = Number(r.n);
    if (r.kind === 'walk_in') f.walkIns += n;
    if (r.status === 'served') f.served += n;
    if (r.status === 'waiting') {
      f.waiting += n;
      const oldest = r.oldest as string | null;
      if (oldest && (!f.oldestWaitingSince || oldest < f.oldestWaitingSince)) f.oldestWaitingSince = oldest;
    }
  }
  const counters = await db
    .selectFrom('ticket')
    .select(['hall_id', 'date'])
    .select((eb) => eb.fn.count('counter_id').distinct().as('n'))
    .where('date', 'in', dates)
    .where('counter_id', 'is not', null)
    .where((eb) => eb.or([eb('open_counter_id', 'is not', null), eb('called_at', '>=', activeSince)]))
    .groupBy(['hall_id', 'date'])
    .execute();
  for (const r of counters) entry(r.hall_id, r.date).countersOpen = Number(r.n);
  return out;
}
