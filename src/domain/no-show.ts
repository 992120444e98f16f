// 爽约: which bookings count as missed, and when missing too often closes online booking for a
// while. Pure: the caller gives the bookings, the hall-local time and the hall's rule.
// A moment is a hall-local 'YYYY-MM-DD HH:mm' string, so moments compare as strings.
import type { BookingStatus } from './booking-rules.js';
import { type Bounds, boundsProblems } from './rule-bounds.js';
import { type HallTime, addDays, slotHasEnded, toMinutes } from './schedule.js';

export interface NoShowRule {
  /** Misses that close online booking (0: never). */
  limit: number;
  /** …when they all fall within this many days. */
  windowDays: number;
  /** Online booking stays closed this many days from the day of the last of them. */
  blockDays: number;
  /** A cancel by the citizen less than lateCancelMinutes before the slot starts counts as a miss. */
  lateCancel: boolean;
  lateCancelMinutes: number;
}

export const DEFAULT_NO_SHOW_RULE: Readonly<NoShowRule> = Object.freeze({
  limit: 3,
  windowDays: 90,
  blockDays: 30,
  lateCancel: false,
  lateCancelMinutes: 60,
});

export interface MissFacts {
  number: string;
  serviceId: number;
  date: string;
  slotStart: string;
  slotEnd: string;
  status: BookingStatus | string;
  cancelReason: string | null;
  /** When it was cancelled, on the hall's clock ('YYYY-MM-DD HH:mm'); null if never. */
  cancelledLocal: string | null;
}

export type MissKind = 'no_show' | 'late_cancel';

export interface Miss {
  number: string;
  serviceId: number;
  /** The booking's date. */
  date: string;
  /** When it became a miss: the end of its check-in window, or the late cancel. */
  at: string;
  kind: MissKind;
}

export function localMoment(date: string, time: string): string {
  return `${date} ${time}`;
}

/** Minutes from moment a to moment b (negative when b is earlier). */
export function minutesBetween(a: string, b: string): number {
  const day = (m: string) => Date.parse(`${m.slice(0, 10)}T00:00:00Z`) / 60_000;
  return day(b) + toMinutes(b.slice(11)) - (day(a) + toMinutes(a.slice(11)));
}

/** Whole days from date a to date b. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Whether a citizen's cancel came so late before the slot that the hall counts it as a miss. */
export function isLateCancel(b: MissFacts, rule: NoShowRule): boolean {
  if (!rule.lateCancel || b.status !== 'cancelled' || b.cancelReason !== 'citizen' || !b.cancelledLocal) return false;
  return minutesBetween(b.cancelledLocal, localMoment(b.date, b.slotStart)) < rule.lateCancelMinutes;
}

/**
 * The miss a booking counts as now, or null: never checked in once its check-in window (which
 * closes when the slot ends) has passed, or cancelled late where the hall counts that.
 */
export function missOf(b: MissFacts, rule: NoShowRule, now: HallTime): Miss | null {
  const base = { number: b.number, serviceId: b.serviceId, date: b.date };
  if (b.status === 'missed' || (b.status === 'booked' && slotHasEnded(b.date, b.slotEnd, now))) {
    return { ...base, at: localMoment(b.date, b.slotEnd), kind: 'no_show' };
  }
  if (isLateCancel(b, rule)) return { ...base, at: b.cancelledLocal as string, kind: 'late_cancel' };
  return null;
}

export interface Block {
  /** The first day online booking is open again (the block covers the days before it). */
  until: string;
  /** The misses that closed it, oldest first. */
  misses: Miss[];
}

/** The earliest date whose misses can still matter today: older ones can no longer block. */
export function relevantSince(rule: NoShowRule, today: string): string {
  return addDays(today, -(rule.windowDays + rule.blockDays));
}

/**
 * The block in force today, or null. Each run of `limit` misses within `windowDays` days closes
 * online booking from the day of its last miss for `blockDays` days; the run that ends latest
 * wins. Misses at or before `forgivenUntil` (an admin lifted the block then) no longer count.
 */
export function activeBlock(misses: Miss[], rule: NoShowRule, today: string, forgivenUntil: string | null = null): Block | null {
  if (rule.limit <= 0 || rule.blockDays <= 0) return null;
  const counted = misses.filter((m) => forgivenUntil === null || m.at > forgivenUntil).sort((a, b) => a.at.localeCompare(b.at) || a.number.localeCompare(b.number));
  let best: Block | null = null;
  for (let i = rule.limit - 1; i < counted.length; i++) {
    const run = counted.slice(i - rule.limit + 1, i + 1);
    const first = (run[0] as Miss).at.slice(0, 10);
    const last = (run[run.length - 1] as Miss).at.slice(0, 10);
    if (daysBetween(first, last) >= rule.windowDays) continue;
    const until = addDays(last, rule.blockDays);
    if (until > today && (best === null || until >= best.until)) best = { until, misses: run };
  }
  return best;
}

/** Whether the places of a slot nobody checked in for go to the day's walk-ins now. */
export function releaseIsDue(date: string, slotStart: string, releaseAfterMinutes: number, now: HallTime): boolean {
  if (date !== now.date) return date < now.date;
  return now.minutes >= toMinutes(slotStart) + releaseAfterMinutes;
}

/** A rule as the admin sets it: every number in range, else the reason. */
export const NO_SHOW_RULE_BOUNDS: Bounds<'limit' | 'windowDays' | 'blockDays' | 'lateCancelMinutes'> = {
  limit: [0, 100],
  windowDays: [1, 3650],
  blockDays: [0, 3650],
  lateCancelMinutes: [0, 1440],
};

export function ruleProblems(rule: NoShowRule): string[] {
  return boundsProblems(rule, NO_SHOW_RULE_BOUNDS);
}
