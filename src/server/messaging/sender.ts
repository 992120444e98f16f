// The senders: in every worker of every instance, each claims due messages with a lease (one
// conditional UPDATE per message, so one message is sent by one sender), decides whether it should
// still go out, renders it, decrypts the phone just for the call, sends it and records the outcome.
// A sender that dies mid-send leaves its rows leased; when the lease runs out another sender sends
// them again — the only way a message can go out twice (its attempts then read 2 in the log).
import { type QuietHours, afterFailure, quietEndsAt } from '../../domain/delivery.js';
import { type MessageTemplates, MissingVariable, expiresWithSlot, isUrgent, renderMessage } from '../../domain/messages.js';
import { ratingOpen } from '../../domain/rating.js';
import { hallTime, slotHasStarted } from '../../domain/schedule.js';
import { findBookingById } from '../repositories/booking.repository.js';
import { bookingContact } from '../repositories/contact.repository.js';
import { type NotificationRecord, type Outcome, claimNotifications, dueNotificationIds, findNotification, recordOutcome } from '../repositories/notification.repository.js';
import { groupedWrite, transact } from '../services/transact.js';
import { type Sealed, UnknownDataKey } from '../services/contact-cipher.js';
import { eraseVerificationSecret, findVerification } from '../repositories/verification.repository.js';
import { verificationContext } from '../services/verification.service.js';
import type { ServiceContext } from '../services/context.js';
import { contactContext } from '../services/notify.service.js';
import { entryContact, findHoldOfEntry } from '../repositories/waitlist.repository.js';
import { findRatingOfTicket } from '../repositories/rating.repository.js';
import { findTicketById } from '../repositories/ticket.repository.js';
import { entryContactContext } from '../services/waitlist-offer.service.js';
import { SmsRejected, type SmsDriver, describeSmsError } from './sms-driver.js';
import { PollingWorker, type PollingOptions } from './polling-worker.js';

export interface SenderOptions extends PollingOptions {
  driver: SmsDriver;
  templates: MessageTemplates;
  quietHours: QuietHours | null;
  /** Messages claimed per round (default 50) and sent at once (default 8). */
  batch?: number;
  parallel?: number;
  /** How long a claim holds a message (default 60 s); must exceed the gateway timeout. */
  leaseMs?: number;
  /** A gateway call taking longer is abandoned and retried (SMS_TIMEOUT_MS, default 10 s). */
  timeoutMs?: number;
  random?: () => number;
  /** Told of every outcome (metrics, tests). */
  onOutcome?: (n: NotificationRecord, outcome: Outcome) => void;
}

export class NotificationSender extends PollingWorker {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: SenderOptions,
  ) {
    super(opts);
  }

  /**
   * One round: what is due, claimed and sent a group at a time (a claim's lease needs to outlast one
   * gateway call, not the whole round); how many messages it handled.
   */
  async runOnce(): Promise<number> {
    const ids = await dueNotificationIds(this.ctx.db, this.ctx.clock().toISOString(), this.opts.batch ?? 50);
    const parallel = this.opts.parallel ?? 8;
    let handled = 0;
    for (let i = 0; i < ids.length && !this.stopped; i += parallel) {
      const now = this.ctx.clock();
      const leaseUntil = new Date(now.getTime() + (this.opts.leaseMs ?? 60_000)).toISOString();
      const mine = await groupedWrite(this.ctx.db, (on) => claimNotifications(on, ids.slice(i, i + parallel), this.owner, now.toISOString(), leaseUntil));
      const done = await Promise.all(mine.map((id) => this.handle(id)));
      // The group's outcomes are recorded together: one commit, not one per message.
      const at = this.ctx.clock().toISOString();
      await transact(this.ctx.db, async (trx) => {
        for (const d of done) if (d) await recordOutcome(trx, d.n.id, this.owner, at, d.outcome);
      });
      for (const d of done) if (d) this.opts.onOutcome?.(d.n, d.outcome);
      handled += mine.length;
    }
    return handled;
  }

  private async handle(id: number): Promise<{ n: NotificationRecord; outcome: Outcome } | null> {
    const n = await findNotification(this.ctx.db, id);
    if (!n) return null;
    try {
      return { n, outcome: await this.deliver(n) };
    } catch (error) {
      // The store or something unforeseen: try again later, never lose the message.
      this.opts.onError?.(error);
      return { n, outcome: this.retry(n, describeSmsError(error, '')) };
    }
  }

  private retry(n: NotificationRecord, error: string): Outcome {
    const now = this.ctx.clock().getTime();
    const next = afterFailure(Date.parse(n.dueAt), now, n.attempts, (this.opts.random ?? Math.random)());
    return 'retryAt' in next
      ? { status: 'queued', nextAttemptAt: new Date(next.retryAt).toISOString(), error, attempted: true }
      : { status: 'failed', error: `gave up after ${n.attempts} attempts in 24 hours: ${error}` };
  }

  /** Whom a message about a booking goes to, or why it does not go out (now). */
  private async bookingTarget(n: NotificationRecord): Promise<Target | Outcome> {
    const booking = n.bookingId === null ? undefined : await findBookingById(this.ctx.db, n.bookingId);
    if (!booking) return { status: 'skipped', error: 'no booking to send it about' };
    if (!booking.notify) return { status: 'skipped', error: 'the citizen switched messages off' };
    const hall = await this.ctx.halls.byId(n.hallId);
    const local = hallTime(this.ctx.clock(), hall?.timeZone ?? this.ctx.hallTz);
    if (n.kind === 'rating.invite') {
      const why = await this.inviteStale(n, local.date);
      if (why) return { status: 'skipped', error: why };
    }
    if (expiresWithSlot(n.kind)) {
      if (booking.status !== 'booked') return { status: 'skipped', error: `the booking is ${booking.status}` };
      if (slotHasStarted(booking.date, booking.slotStart, local)) return { status: 'skipped', error: 'the slot has begun' };
      if (n.kind === 'booking.reminder_day' && local.date >= booking.date) return { status: 'skipped', error: 'its day has come' };
    }
    if (!isUrgent(n.kind)) {
      const allowedAt = quietEndsAt(this.opts.quietHours, this.ctx.clock().getTime(), local.minutes);
      if (allowedAt) return { status: 'queued', nextAttemptAt: allowedAt, error: null, attempted: false };
    }
    const contact = await bookingContact(this.ctx.db, booking.id);
    if (!contact?.sealed) return { status: 'skipped', error: 'no phone number is kept for this booking' };
    const to = this.open(contact.sealed, contactContext(contact.number));
    return typeof to === 'string' ? { to, params: n.params } : to;
  }

  /** A 好差评 invitation is pointless once the ticket is rated or its 7 days are over. */
  private async inviteStale(n: NotificationRecord, today: string): Promise<string | null> {
    const ticket = n.ticketId === null ? undefined : await findTicketById(this.ctx.db, n.ticketId);
    if (!ticket) return 'no ticket to rate';
    if (await findRatingOfTicket(this.ctx.db, ticket.id)) return 'the ticket was rated already';
    if (ratingOpen(ticket, today)) return 'the time to rate it is over';
    return null;
  }

  /** A 短信验证码: the phone and the code, sealed in their row until sent. */
  private async codeTarget(n: NotificationRecord): Promise<Target | Outcome> {
    const id = Number(n.cause.split(':')[1]);
    const v = await findVerification(this.ctx.db, id);
    if (!v?.sealed) return { status: 'skipped', error: 'the code is no longer kept (used or expired)' };
    if (v.expiresAt <= this.ctx.clock().toISOString()) return { status: 'skipped', error: 'the code expired before it could be sent' };
    const secret = this.open(v.sealed, verificationContext(id));
    if (typeof secret !== 'string') return secret;
    const { phone, code } = JSON.parse(secret) as { phone: string; code: string };
    return { to: phone, params: { ...n.params, code }, after: () => eraseVerificationSecret(this.ctx.db, id) };
  }

  /** A 候补 offer: still worth sending only while its place is held (not taken, not expired). */
  private async offerTarget(n: NotificationRecord): Promise<Target | Outcome> {
    const [, entry, nth] = n.cause.split(':');
    const hold = await findHoldOfEntry(this.ctx.db, Number(entry), Number(nth));
    if (!hold) return { status: 'skipped', error: 'no offer to send' };
    if (hold.status !== 'held') return { status: 'skipped', error: `the offer is ${hold.status}` };
    if (hold.expiresAt <= this.ctx.clock().toISOString()) return { status: 'skipped', error: 'the offer expired before it could be sent' };
    const sealed = await entryContact(this.ctx.db, hold.entryId);
    if (!sealed) return { status: 'skipped', error: 'no phone number is kept for this waiting-list entry' };
    const to = this.open(sealed, entryContactContext(hold.entryId));
    return typeof to === 'string' ? { to, params: n.params } : to;
  }

  private open(sealed: Sealed, context: string): string | Outcome {
    try {
      const plain = this.ctx.messaging?.contacts.open(sealed, context);
      return plain ? plain : { status: 'skipped', error: 'messaging is not configured in this process' };
    } catch (error) {
      return { status: 'failed', error: error instanceof UnknownDataKey ? error.message : 'the kept phone number could not be decrypted' };
    }
  }

  private async deliver(n: NotificationRecord): Promise<Outcome> {
    const target =
      n.kind === 'verify.code' ? await this.codeTarget(n) : n.kind === 'waitlist.offer' ? await this.offerTarget(n) : await this.bookingTarget(n);
    if ('status' in target) return target;
    let text: string;
    try {
      text = renderMessage(this.opts.templates, n.kind, n.lang, target.params);
    } catch (error) {
      if (error instanceof MissingVariable) return { status: 'failed', error: error.message };
      throw error;
    }
    const { to } = target;
    try {
      const sent = await this.opts.driver.send(
        { id: n.id, to, kind: n.kind, lang: n.lang, text, params: target.params },
        AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      );
      await target.after?.();
      return { status: 'sent', gatewayId: sent.gatewayId };
    } catch (error) {
      if (error instanceof SmsRejected) return { status: 'failed', error: describeSmsError(error, to) };
      return this.retry(n, describeSmsError(error, to));
    }
  }
}

/** Where a message goes and with what variables; `after` runs once it is sent. */
interface Target {
  to: string;
  params: Readonly<Record<string, string>>;
  after?: () => Promise<void>;
}
