// 短信记录 in words: each message kind and status named in the language, which rows may have gone
// out twice, which can be sent again, the status filter as a query, and paging back by id.
// Pure: words come from translate().
import type { NotificationEntry, NotificationStatus } from '../../contracts/notifications.js';
import type { Lang } from '../../contracts/errors.js';
import { MESSAGE_KINDS, type MessageKind } from '../../domain/messages.js';
// The console's texts are not in every front end's dictionaries: this module needs them added.
import '../i18n/admin-messages.js';
import { type MessageKey, translate } from '../i18n/translate.js';

export const MESSAGES_PAGE = 50;

/** The statuses in the order a message goes through them (the counts and the filter show them so). */
export const MESSAGE_STATUSES: readonly NotificationStatus[] = ['queued', 'sending', 'sent', 'failed', 'skipped'];

const KIND_KEYS: Record<MessageKind, MessageKey> = {
  'booking.confirmed': 'admin.msg.kind.confirmed',
  'booking.reminder_day': 'admin.msg.kind.reminderDay',
  'booking.reminder_hour': 'admin.msg.kind.reminderHour',
  'booking.cancelled': 'admin.msg.kind.cancelled',
  'booking.hall_closed': 'admin.msg.kind.hallClosed',
  'ticket.soon': 'admin.msg.kind.soon',
  'ticket.called': 'admin.msg.kind.called',
  'ticket.passed': 'admin.msg.kind.passed',
  'verify.code': 'admin.msg.kind.code',
  'waitlist.offer': 'admin.msg.kind.waitlistOffer',
  'rating.invite': 'admin.msg.kind.ratingInvite',
};

const isKind = (kind: string): kind is MessageKind => (MESSAGE_KINDS as readonly string[]).includes(kind);

/** The kind's name in the language; a kind this screen does not know keeps its code. */
export function kindName(kind: string, lang: Lang): string {
  return isKind(kind) ? translate(lang, KIND_KEYS[kind]) : kind;
}

export function statusName(status: NotificationStatus, lang: Lang): string {
  return translate(lang, `admin.msg.status.${status}`);
}

/**
 * A message marked sent after more than one attempt: a sender may have died after the gateway
 * took it and before the outcome was recorded, so the citizen may have had it twice.
 */
export function mayBeDuplicate(entry: Pick<NotificationEntry, 'status' | 'attempts'>): boolean {
  return entry.status === 'sent' && entry.attempts >= 2;
}

/** Only a failed message can be sent again (the server says NOT_RESENDABLE otherwise). */
export function canResend(entry: Pick<NotificationEntry, 'status'>): boolean {
  return entry.status === 'failed';
}

/**
 * When a queued message is due, if later than it was queued (a reminder, a retry after a gateway
 * problem, one held over quiet hours); null when it goes as soon as a sender takes it. Compared
 * with its own queuing time, not this computer's clock (which may be wrong).
 */
export function dueLater(entry: Pick<NotificationEntry, 'status' | 'nextAttemptAt' | 'createdAt'>): string | null {
  if (entry.status !== 'queued') return null;
  const due = Date.parse(entry.nextAttemptAt);
  const queued = Date.parse(entry.createdAt);
  return Number.isNaN(due) || Number.isNaN(queued) || due <= queued ? null : entry.nextAttemptAt;
}

/** The filter's value read back: a status, or '' for every message. */
export function statusFilterOf(value: string | null | undefined): NotificationStatus | '' {
  return (MESSAGE_STATUSES as readonly string[]).includes(value ?? '') ? (value as NotificationStatus) : '';
}

/** The cursor for the next (older) page, or null when the last page was not full. */
export function olderCursor(page: readonly Pick<NotificationEntry, 'id'>[], size = MESSAGES_PAGE): number | null {
  if (page.length < size || page.length === 0) return null;
  return Math.min(...page.map((e) => e.id));
}

/** Appends an older page, leaving out any message already shown (newest first throughout). */
export function appendOlder<T extends Pick<NotificationEntry, 'id'>>(shown: readonly T[], page: readonly T[]): T[] {
  const ids = new Set(shown.map((e) => e.id));
  return [...shown, ...page.filter((e) => !ids.has(e.id))];
}
