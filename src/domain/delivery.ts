// When a message may go out: quiet hours on the hall's clock, retries with backoff and jitter,
// and when to give up. Pure: the clock and the randomness are passed in.

export interface QuietHours {
  /** Minutes since local midnight; start > end means the quiet period spans midnight. */
  start: number;
  end: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: 21 * 60, end: 8 * 60 };

/** Parses "21:00-08:00" (or "off"). */
export function parseQuietHours(text: string): QuietHours | null | 'invalid' {
  if (text.trim() === 'off') return null;
  const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!m) return 'invalid';
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  return start === end ? 'invalid' : { start, end };
}

export function isQuiet(quiet: QuietHours | null, minutes: number): boolean {
  if (!quiet) return false;
  return quiet.start < quiet.end ? minutes >= quiet.start && minutes < quiet.end : minutes >= quiet.start || minutes < quiet.end;
}

/** Minutes from `minutes` (local) until the quiet period is over; 0 when it is not quiet. */
export function minutesUntilAllowed(quiet: QuietHours | null, minutes: number): number {
  if (!isQuiet(quiet, minutes) || !quiet) return 0;
  return (quiet.end - minutes + 24 * 60) % (24 * 60);
}

/**
 * When a message that may not go out in the quiet hours may go, as an ISO instant at a whole minute:
 * null when `localMinutes` (the hall's clock at `atMs`) is not quiet.
 */
export function quietEndsAt(quiet: QuietHours | null, atMs: number, localMinutes: number): string | null {
  const wait = minutesUntilAllowed(quiet, localMinutes);
  if (wait === 0) return null;
  const at = new Date(atMs + wait * 60_000);
  at.setUTCSeconds(0, 0);
  return at.toISOString();
}

/** Retries stop this long after the message was first due; then it is `failed`. */
export const RETRY_FOR_MS = 24 * 60 * 60 * 1000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_WAIT_MS = 60 * 60 * 1000;

/**
 * Wait before attempt `attempts + 1` (attempts already made ≥ 1): 30 s doubling to at most an hour,
 * with "full jitter" over the upper half so that many senders do not hit a recovering gateway at once.
 */
export function retryDelayMs(attempts: number, random: number): number {
  const ceiling = Math.min(LONGEST_WAIT_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

export type AfterFailure = { retryAt: number } | { give: 'up' };

/** After a temporary failure at `nowMs`: when to try again, or give up (24 h after it was first due). */
export function afterFailure(firstDueMs: number, nowMs: number, attempts: number, random: number): AfterFailure {
  const at = nowMs + retryDelayMs(attempts, random);
  return at - firstDueMs > RETRY_FOR_MS ? { give: 'up' } : { retryAt: at };
}

export interface ReminderPlan {
  /** Hall-local time of the day-before reminder (REMINDER_DAY_BEFORE_AT, default 18:00); null = off. */
  dayBeforeAt: string | null;
  /** Minutes before the slot of the second reminder (REMINDER_BEFORE_MINUTES, default 60); 0 = off. */
  beforeMinutes: number;
}

export const DEFAULT_REMINDERS: ReminderPlan = { dayBeforeAt: '18:00', beforeMinutes: 60 };

export interface LocalMoment {
  date: string;
  minutes: number;
}

/**
 * The reminders a booking made at `bookedAt` for `date` `slotStart` (all hall-local) should get: each
 * only if its moment is still ahead. A booking made for the same evening gets no "tomorrow" reminder.
 */
export function reminderMoments(
  plan: ReminderPlan,
  date: string,
  slotStart: number,
  bookedAt: LocalMoment,
  previousDay: string,
): { kind: 'booking.reminder_day' | 'booking.reminder_hour'; at: LocalMoment }[] {
  const ahead = (m: LocalMoment) => m.date > bookedAt.date || (m.date === bookedAt.date && m.minutes > bookedAt.minutes);
  const out: { kind: 'booking.reminder_day' | 'booking.reminder_hour'; at: LocalMoment }[] = [];
  if (plan.dayBeforeAt) {
    const [h, m] = plan.dayBeforeAt.split(':').map(Number);
    const at = { date: previousDay, minutes: (h as number) * 60 + (m as number) };
    if (ahead(at)) out.push({ kind: 'booking.reminder_day', at });
  }
  if (plan.beforeMinutes > 0 && slotStart - plan.beforeMinutes >= 0) {
    const at = { date, minutes: slotStart - plan.beforeMinutes };
    // An hour-before reminder right after booking says nothing new.
    if (ahead(at) && !(at.date === bookedAt.date && at.minutes - bookedAt.minutes < 10)) out.push({ kind: 'booking.reminder_hour', at });
  }
  return out;
}
