// What each change tells the citizen: the messages it queues, inside the change's own transaction
// (so a message exists exactly when its cause committed). Only the variables are queued, never the
// phone; the sender renders the text and decrypts the number at send time.
import { type QuietHours, type ReminderPlan, quietEndsAt, reminderMoments } from '../../domain/delivery.js';
import { type MessageKind, isUrgent } from '../../domain/messages.js';
import { RATING_INVITE_AFTER_DAYS, lastRatingDate } from '../../domain/rating.js';
import { publicTicketPath } from '../../domain/public-ticket.js';
import { addDays, fromMinutes, hallInstant, toMinutes } from '../../domain/schedule.js';
import type { BookingRecord } from '../repositories/booking.repository.js';
import type { HallCounter } from '../repositories/counter.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import { bookingsToMessage } from '../repositories/contact.repository.js';
import { type NewNotification, queueNotification, queueNotifications, skipQueuedOfBooking } from '../repositories/notification.repository.js';
import type { Db } from '../repositories/portable.js';
import { type CatalogEntry, type Service, findCatalogEntry } from '../repositories/service.repository.js';
import { type TicketRecord, waitingTicketsOf } from '../repositories/ticket.repository.js';
import type { ContactCipher, Sealed } from './contact-cipher.js';
import type { Now, ServiceContext } from './context.js';
import { callOrder } from './hall-state.js';
import { priorityOf } from './priority.service.js';

/** What the use cases need to reach citizens; absent (CLI tools, some tests): no phone kept, nothing sent. */
export interface CitizenMessaging {
  contacts: ContactCipher;
  reminders: ReminderPlan;
  /** 即将到号 when this many people are ahead (0: never). */
  soonAhead: number;
  /** Where links in messages point, without a trailing slash. */
  publicUrl: string;
  /** BOOKING_VERIFY=sms: booking and cancelling need a 短信验证码 first. */
  verifyPhone?: boolean;
  /** CONTACT_RETENTION_DAYS, as the booking form tells the citizen. */
  retentionDays?: number;
  /** QUIET_HOURS on the hall's clock (null: off; absent: the sender decides alone). */
  quietHours?: QuietHours | null;
}

export const DEFAULT_RETENTION_DAYS = 30;

type Lang = 'zh' | 'en';

/** The associated data a booking's phone is sealed with: its ciphertext opens on no other row. */
export function contactContext(number: string): string {
  return `booking:${number}`;
}

export function sealPhone(ctx: ServiceContext, phone: string, number: string): Sealed | null {
  return ctx.messaging ? ctx.messaging.contacts.seal(phone, contactContext(number)) : null;
}

type MessageBooking = Pick<BookingRecord, 'id' | 'hallId' | 'number' | 'date' | 'slotStart' | 'slotEnd' | 'notify' | 'lang' | 'publicToken'>;

function bookingParams(ctx: ServiceContext, b: MessageBooking, service: Service, hall: Hall): Record<string, string> {
  const en = b.lang === 'en';
  return {
    number: b.number,
    service: en ? service.nameEn : service.nameZh,
    date: b.date,
    slot: `${b.slotStart}-${b.slotEnd}`,
    hall: en ? hall.nameEn : hall.nameZh,
    address: (en ? hall.addressEn : hall.addressZh) || (en ? 'address on the hall page' : '地址见大厅页面'),
    link: bookingLink(ctx, b),
  };
}

/** Where a booking's messages send the citizen: its own page /t/<token> (else 我的预约). */
function bookingLink(ctx: ServiceContext, b: Pick<BookingRecord, 'publicToken'>): string {
  const base = ctx.messaging?.publicUrl ?? '';
  return b.publicToken ? `${base}${publicTicketPath(b.publicToken)}` : `${base}/records`;
}

/**
 * A message about a booking. One that may not go out in the quiet hours (QUIET_HOURS) and is due
 * while they last waits for their end from the start: the sender does not take it up, find it
 * quiet and put it back (two writes) before the morning.
 */
function message(messaging: CitizenMessaging, kind: MessageKind, b: MessageBooking, params: Record<string, string>, dueAt: string, now: Now, cause = `${kind}:${b.id}`): NewNotification {
  const n: NewNotification = { hallId: b.hallId, kind, cause, bookingId: b.id, ticketId: null, lang: b.lang, params, dueAt, createdAt: now.iso };
  if (isUrgent(kind) || dueAt > now.iso) return n;
  const notBefore = quietEndsAt(messaging.quietHours ?? null, now.instant.getTime(), now.local.minutes);
  if (notBefore) n.notBefore = notBefore;
  return n;
}

async function queue(trx: Db, messaging: CitizenMessaging, kind: MessageKind, b: MessageBooking, params: Record<string, string>, dueAt: string, now: Now, cause?: string) {
  await queueNotification(trx, message(messaging, kind, b, params, dueAt, now, cause));
}

/** The reminders still ahead of a booking, due in the hall's time. */
function reminders(messaging: CitizenMessaging, b: MessageBooking, params: Record<string, string>, hall: Hall, now: Now): NewNotification[] {
  const moments = reminderMoments(messaging.reminders, b.date, toMinutes(b.slotStart), now.local, addDays(b.date, -1));
  return moments.map((m) => message(messaging, m.kind, b, params, hallInstant(m.at.date, fromMinutes(m.at.minutes), hall.timeZone).toISOString(), now));
}

/** What to bring for a service (the city catalogue's text), read before the booking's transaction: none when no message will be sent. */
export async function whatToBring(ctx: ServiceContext, service: Service, notify: boolean): Promise<CatalogEntry | undefined> {
  return ctx.messaging && notify ? ctx.reads.get(`catalog:${service.letter}`, () => findCatalogEntry(ctx.db, service.letter)) : undefined;
}

/** 预约成功 now, and the reminders the day before and before the slot. */
export async function queueBookingMade(
  trx: Db,
  ctx: ServiceContext,
  b: MessageBooking,
  service: Service,
  hall: Hall,
  entry: CatalogEntry | undefined,
  now: Now,
): Promise<void> {
  if (!ctx.messaging || !b.notify) return;
  const params = bookingParams(ctx, b, service, hall);
  const bring = (b.lang === 'en' ? entry?.bringEn : entry?.bringZh) || (b.lang === 'en' ? 'your ID card' : '身份证');
  // The confirmation and the reminders in one statement.
  await queueNotifications(trx, [message(ctx.messaging, 'booking.confirmed', b, Object.assign({}, params, { bring }), now.iso, now), ...reminders(ctx.messaging, b, params, hall, now)]);
}

/** The reminders still ahead of a booking (at booking, or when messages are switched on later). */
export async function queueReminders(trx: Db, ctx: ServiceContext, b: MessageBooking, service: Service, hall: Hall, now: Now): Promise<void> {
  if (!ctx.messaging || !b.notify) return;
  await queueNotifications(trx, reminders(ctx.messaging, b, bookingParams(ctx, b, service, hall), hall, now));
}

/** A cancelled booking's reminders are dropped at once (the sender would skip them anyway). */
export async function dropReminders(trx: Db, b: Pick<BookingRecord, 'id'>, now: Now): Promise<void> {
  await skipQueuedOfBooking(trx, b.id, ['booking.reminder_day', 'booking.reminder_hour'], 'the booking is cancelled', now.iso);
}

export async function queueBookingCancelled(trx: Db, ctx: ServiceContext, b: MessageBooking, service: Service, hall: Hall, now: Now): Promise<void> {
  await dropReminders(trx, b, now);
  if (!ctx.messaging || !b.notify) return;
  const { link: _, address: __, ...params } = bookingParams(ctx, b, service, hall);
  await queue(trx, ctx.messaging, 'booking.cancelled', b, params, now.iso, now);
}

/** The hall closed the day: the reason the admin gave, and where to book again. */
export async function queueHallClosed(trx: Db, ctx: ServiceContext, b: MessageBooking, service: Service, hall: Hall, reason: string, now: Now): Promise<void> {
  await dropReminders(trx, b, now);
  if (!ctx.messaging || !b.notify) return;
  const { address: _, ...params } = bookingParams(ctx, b, service, hall);
  const why = reason.trim() || (b.lang === 'en' ? 'the hall is closed' : '临时闭厅');
  await queue(trx, ctx.messaging, 'booking.hall_closed', b, { ...params, reason: why, link: `${ctx.messaging.publicUrl}/h/${hall.code}/` }, now.iso, now);
}

/** Who a ticket's messages go to: the booking it was checked in from, if it wants them. */
async function ticketBookings(trx: Db, ids: number[]): Promise<Map<number, { lang: Lang }>> {
  return new Map((await bookingsToMessage(trx, ids)).map((r) => [r.bookingId, { lang: r.lang }]));
}

async function queueTicket(trx: Db, t: TicketRecord, kind: MessageKind, cause: string, lang: Lang, params: Record<string, string>, now: Now, skip?: string) {
  await queueNotification(trx, {
    hallId: t.hallId,
    kind,
    cause,
    bookingId: t.bookingId,
    ticketId: t.id,
    lang,
    params,
    dueAt: now.iso,
    createdAt: now.iso,
    ...(skip ? { skipped: skip } : {}),
  });
}

/** 请到 X 号窗口: on each of the first two calls of a ticket (a 重呼 repeats it once). */
export async function queueTicketCalled(trx: Db, ctx: ServiceContext, t: TicketRecord, counter: HallCounter, hall: Hall, callCount: number, now: Now): Promise<void> {
  if (!ctx.messaging || t.bookingId === null || callCount > 2) return;
  const who = (await ticketBookings(trx, [t.bookingId])).get(t.bookingId);
  if (!who) return;
  const hallName = who.lang === 'en' ? hall.nameEn : hall.nameZh;
  await queueTicket(trx, t, 'ticket.called', `ticket.called:${t.id}:${callCount}`, who.lang, { callNumber: t.callNumber, counter: String(counter.number), hall: hallName }, now);
}

/** 过号: the number was passed; what to do now. */
export async function queueTicketPassed(trx: Db, ctx: ServiceContext, t: TicketRecord, service: Service, hall: Hall, now: Now): Promise<void> {
  if (!ctx.messaging || t.bookingId === null) return;
  const who = (await ticketBookings(trx, [t.bookingId])).get(t.bookingId);
  if (!who) return;
  const en = who.lang === 'en';
  await queueTicket(trx, t, 'ticket.passed', `ticket.passed:${t.id}:${t.requeue ? 2 : 1}`, who.lang, { callNumber: t.callNumber, service: en ? service.nameEn : service.nameZh, hall: en ? hall.nameEn : hall.nameZh }, now);
}

/**
 * 即将到号: after a call, every booked ticket of the service with at most `soonAhead` people ahead
 * that has not been told yet is told now (one message per ticket: the cause is the ticket). A ticket
 * checked in already that near the front is marked skipped at check-in (see `markNearFront`).
 */
export async function queueSoon(trx: Db, ctx: ServiceContext, service: Service, hall: Hall, now: Now): Promise<void> {
  const n = ctx.messaging?.soonAhead ?? 0;
  if (!ctx.messaging || n === 0) return;
  // In the order they will be called, 优先 tickets included.
  const front = callOrder(await waitingTicketsOf(trx, [service.id], now.local.date), now, service.queueOrder, await priorityOf(ctx, hall.id, trx)).slice(0, n + 1);
  const booked = front.filter((t) => t.bookingId !== null);
  const who = await ticketBookings(trx, booked.map((t) => t.bookingId as number));
  for (const [ahead, t] of front.entries()) {
    const w = t.bookingId !== null ? who.get(t.bookingId) : undefined;
    if (!w) continue;
    const en = w.lang === 'en';
    await queueTicket(trx, t, 'ticket.soon', `ticket.soon:${t.id}`, w.lang, {
      callNumber: t.callNumber,
      service: en ? service.nameEn : service.nameZh,
      ahead: String(ahead),
      hall: en ? hall.nameEn : hall.nameZh,
      link: bookingLink(ctx, t),
    }, now);
  }
}

/** A ticket checked in with few people ahead is in the hall already: no 即将到号 for it later. */
export async function markNearFront(trx: Db, ctx: ServiceContext, t: TicketRecord, service: Service, now: Now): Promise<void> {
  const n = ctx.messaging?.soonAhead ?? 0;
  if (n === 0 || t.bookingId === null) return;
  const ordered = callOrder(await waitingTicketsOf(trx, [service.id], now.local.date), now, service.queueOrder, await priorityOf(ctx, service.hallId, trx));
  const ahead = ordered.findIndex((w) => w.id === t.id);
  if (ahead < 0 || ahead > n) return;
  await queueTicket(trx, t, 'ticket.soon', `ticket.soon:${t.id}`, 'zh', {}, now, 'checked in near the front');
}

/**
 * 好差评 invitation: when a booked ticket is served (办结), one text is queued for 3 days later; the
 * sender skips it if the ticket was rated by then or the 7 days are over.
 */
export async function queueRatingInvite(trx: Db, ctx: ServiceContext, t: TicketRecord, service: Service, hall: Hall, now: Now): Promise<void> {
  if (!ctx.messaging || t.bookingId === null) return;
  const who = (await ticketBookings(trx, [t.bookingId])).get(t.bookingId);
  if (!who) return;
  const en = who.lang === 'en';
  const due = new Date(now.instant.getTime() + RATING_INVITE_AFTER_DAYS * 86_400_000).toISOString();
  const link = `${bookingLink(ctx, t)}${t.publicToken ? '?via=message' : ''}`;
  await queueNotification(trx, {
    hallId: t.hallId,
    kind: 'rating.invite',
    cause: `rating.invite:${t.id}`,
    bookingId: t.bookingId,
    ticketId: t.id,
    lang: who.lang,
    params: { number: t.number, service: en ? service.nameEn : service.nameZh, date: t.date, hall: en ? hall.nameEn : hall.nameZh, until: lastRatingDate(t.date), link },
    dueAt: due,
    createdAt: now.iso,
  });
}
