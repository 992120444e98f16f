// What the metrics report about the hall floor and the outbox: a few grouped queries, read at
// most every few seconds by a scrape (never per request).
import type { Db } from './portable.js';

export interface WaitingQueue {
  hallId: number;
  letter: string;
  waiting: number;
  /** When the longest-waiting ticket joined the queue (ISO). */
  oldestSince: string;
}

/** Tickets waiting to be called, per hall and service, on the given days (each hall's today). */
export async function waitingQueues(db: Db, dates: string[]): Promise<WaitingQueue[]> {
  if (dates.length === 0) return [];
  const rows = await db
    .selectFrom('ticket')
    .innerJoin('service', 'service.id', 'ticket.service_id')
    .select(['ticket.hall_id', 'service.letter'])
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.min('ticket.queued_at').as('oldest')])
    .where('ticket.status', '=', 'waiting')
    .where('ticket.date', 'in', dates)
    .groupBy(['ticket.hall_id', 'service.letter'])
    .execute();
  return rows.map((r) => ({ hallId: Number(r.hall_id), letter: r.letter, waiting: Number(r.n), oldestSince: String(r.oldest) }));
}

export interface NotificationBacklog {
  queued: number;
  sending: number;
  failed: number;
  /** The earliest due time of a queued message already due (ISO), or null. */
  oldestDue: string | null;
}

/** Text messages not yet sent (queued, being sent) and given up (failed). */
export async function notificationBacklog(db: Db, now: string): Promise<NotificationBacklog> {
  const rows = await db
    .selectFrom('notification')
    .select('status')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', 'in', ['queued', 'sending', 'failed'])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  const due = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.min('due_at').as('due'))
    .where('status', '=', 'queued')
    .where('due_at', '<=', now)
    .executeTakeFirst();
  return { queued: count('queued'), sending: count('sending'), failed: count('failed'), oldestDue: due?.due ? String(due.due) : null };
}
