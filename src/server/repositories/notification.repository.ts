// The text-message outbox. Rows are queued in the transaction of their cause (one per cause, by the
// UNIQUE `cause`); a sender claims a due row with one conditional UPDATE that also takes a lease,
// so two senders never hold the same row; a row whose lease ran out (its sender died) is due again.
import { type Expression, type ExpressionBuilder, type Insertable, type SqlBool, sql } from 'kysely';
import type { MessageKind } from '../../domain/messages.js';
import type { Database, NotificationStatus } from '../db/schema.js';
import { type Db, affected, insertIgnore } from './portable.js';

export interface NewNotification {
  hallId: number;
  kind: MessageKind;
  cause: string;
  bookingId: number | null;
  ticketId: number | null;
  lang: 'zh' | 'en';
  params: Record<string, string>;
  dueAt: string;
  createdAt: string;
  /** Recorded as skipped at once, with this reason (it occupies its cause so nothing is sent for it). */
  skipped?: string;
  /** Not taken up before this instant (the end of the quiet hours); `dueAt` stays when it was due. */
  notBefore?: string;
}

export interface NotificationRecord extends Omit<NewNotification, 'createdAt' | 'skipped'> {
  id: number;
  channel: 'sms';
  status: NotificationStatus;
  attempts: number;
  nextAttemptAt: string;
  leaseOwner: string | null;
  leaseUntil: string | null;
  gatewayId: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

/** Queues a message; a second message for the same cause is silently not queued. */
export async function queueNotification(db: Db, n: NewNotification): Promise<void> {
  await queueNotifications(db, [n]);
}

/** Queues several messages in one statement (a booking's confirmation and reminders); each cause at most once. */
export async function queueNotifications(db: Db, ns: NewNotification[]): Promise<void> {
  if (ns.length === 0) return;
  await insertIgnore(db, 'notification', ns.map(notificationRow));
}

function notificationRow(n: NewNotification): Insertable<Database['notification']> {
  return {
    hall_id: n.hallId,
    kind: n.kind,
    cause: n.cause,
    booking_id: n.bookingId,
    ticket_id: n.ticketId,
    channel: 'sms',
    lang: n.lang,
    params: JSON.stringify(n.params),
    status: n.skipped ? 'skipped' : 'queued',
    error: n.skipped ?? null,
    due_at: n.dueAt,
    next_attempt_at: n.notBefore ?? n.dueAt,
    created_at: n.createdAt,
    updated_at: n.createdAt,
  };
}

function isDue(eb: ExpressionBuilder<Database, 'notification'>, now: string): Expression<SqlBool> {
  return eb.or([
    eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
    eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
  ]);
}

/** Ids of messages due now (queued and due, or held by a sender whose lease ran out), soonest first. */
export async function dueNotificationIds(db: Db, now: string, limit: number): Promise<number[]> {
  const queued = await db
    .selectFrom('notification')
    .select('id')
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  const stale = await db.selectFrom('notification').select('id').where('status', '=', 'sending').where('lease_until', '<', now).limit(limit).execute();
  return [...stale, ...queued].map((r) => Number(r.id)).slice(0, limit);
}

/**
 * Takes those of `ids` still due for `owner` until `leaseUntil`, in one conditional UPDATE (one
 * commit for the whole batch); returns the ids it got. Another sender's claim at the same moment
 * gets the others: a row is claimed only while due, and `leaseUntil` marks this claim.
 */
export async function claimNotifications(db: Db, ids: number[], owner: string, now: string, leaseUntil: string): Promise<number[]> {
  if (ids.length === 0) return [];
  await db
    .updateTable('notification')
    .set((eb) => ({ status: 'sending', lease_owner: owner, lease_until: leaseUntil, attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('id', 'in', ids)
    .where((eb) => isDue(eb, now))
    .execute();
  const got = await db
    .selectFrom('notification')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .where('lease_until', '=', leaseUntil)
    .execute();
  return got.map((r) => Number(r.id));
}

function toRecord(r: Record<string, unknown>): NotificationRecord {
  return {
    id: Number(r.id),
    hallId: Number(r.hall_id),
    kind: r.kind as MessageKind,
    cause: r.cause as string,
    bookingId: r.booking_id === null ? null : Number(r.booking_id),
    ticketId: r.ticket_id === null ? null : Number(r.ticket_id),
    channel: 'sms',
    lang: r.lang as 'zh' | 'en',
    params: JSON.parse(r.params as string) as Record<string, string>,
    status: r.status as NotificationStatus,
    attempts: Number(r.attempts),
    dueAt: r.due_at as string,
    nextAttemptAt: r.next_attempt_at as string,
    leaseOwner: (r.lease_owner as string | null) ?? null,
    leaseUntil: (r.lease_until as string | null) ?? null,
    gatewayId: (r.gateway_id as string | null) ?? null,
    error: (r.error as string | null) ?? null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    sentAt: (r.sent_at as string | null) ?? null,
  };
}

export async function findNotification(db: Db, id: number): Promise<NotificationRecord | undefined> {
  const row = await db.selectFrom('notification').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export type Outcome =
  | { status: 'sent'; gatewayId: string }
  | { status: 'failed'; error: string }
  | { status: 'skipped'; error: string }
  | { status: 'queued'; nextAttemptAt: string; error: string | null; attempted: boolean };

/** Records what became of a claimed row, if `owner` still holds it (a sender past its lease does not). */
export async function recordOutcome(db: Db, id: number, owner: string, now: string, outcome: Outcome): Promise<boolean> {
  const base = { status: outcome.status, lease_owner: null, lease_until: null, updated_at: now };
  const result = await db
    .updateTable('notification')
    .set((eb) => {
      switch (outcome.status) {
        case 'sent':
          return { ...base, gateway_id: outcome.gatewayId, sent_at: now, error: null };
        case 'failed':
        case 'skipped':
          return { ...base, error: outcome.error };
        case 'queued':
          // A message held back by quiet hours was not attempted: its claim does not count.
          return {
            ...base,
            next_attempt_at: outcome.nextAttemptAt,
            error: outcome.error,
            ...(outcome.attempted ? {} : { attempts: eb('attempts', '-', 1) }),
          };
      }
    })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return affected(result) === 1;
}

/** A booking's queued messages of these kinds will not go out (its booking was cancelled). */
export async function skipQueuedOfBooking(db: Db, bookingId: number, kinds: readonly MessageKind[], reason: string, at: string): Promise<void> {
  await db
    .updateTable('notification')
    .set({ status: 'skipped', error: reason, updated_at: at })
    .where('booking_id', '=', bookingId)
    .where('status', '=', 'queued')
    .where('kind', 'in', kinds)
    .execute();
}

/** A failed message queued again by an admin; false unless it had failed. */
export async function requeueFailed(db: Db, id: number, hallId: number | null, now: string): Promise<boolean> {
  let q = db
    .updateTable('notification')
    // Its attempts start again: a resent message that goes out once reads 1 (2 means it may have gone twice).
    .set({ status: 'queued', next_attempt_at: now, due_at: now, error: null, attempts: 0, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'failed');
  if (hallId !== null) q = q.where('hall_id', '=', hallId);
  return affected(await q.executeTakeFirst()) === 1;
}

export interface NotificationListing extends NotificationRecord {
  phoneMasked: string | null;
  number: string | null;
}

export async function listNotifications(
  db: Db,
  filter: { hallId: number | null; status?: NotificationStatus; beforeId?: number; limit: number },
): Promise<NotificationListing[]> {
  let q = db
    .selectFrom('notification as n')
    .leftJoin('booking as b', 'b.id', 'n.booking_id')
    .selectAll('n')
    .select(['b.phone_masked', 'b.number'])
    .orderBy('n.id', 'desc')
    .limit(filter.limit);
  if (filter.hallId !== null) q = q.where('n.hall_id', '=', filter.hallId);
  if (filter.status) q = q.where('n.status', '=', filter.status);
  if (filter.beforeId) q = q.where('n.id', '<', filter.beforeId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...toRecord(r), phoneMasked: r.phone_masked ?? null, number: r.number ?? null }));
}

export async function countNotificationsByStatus(db: Db, hallId: number | null): Promise<Record<NotificationStatus, number>> {
  let q = db.selectFrom('notification').select(['status', sql<number>`count(*)`.as('n')]).groupBy('status');
  if (hallId !== null) q = q.where('hall_id', '=', hallId);
  const counts: Record<NotificationStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
  for (const r of await q.execute()) counts[r.status] = Number(r.n);
  return counts;
}

/** Messages of a booking still waiting to go out (a reminder after a cancel is skipped at send time). */
export async function notificationsOfBooking(db: Db, bookingId: number): Promise<NotificationRecord[]> {
  const rows = await db.selectFrom('notification').selectAll().where('booking_id', '=', bookingId).orderBy('id').execute();
  return rows.map(toRecord);
}
