// 好差评: a citizen rates the service a ticket (办件) received, once, on one of five levels. The two
// lowest levels (差评) need at least one reason from the offline indicators and open a follow-up case.
import { addDays } from './schedule.js';

/** From best to worst: 非常满意, 满意, 基本满意, 不满意, 非常不满意. */
export const RATING_LEVELS = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** 服务效率, 服务水平, 服务态度, 整体满意度. */
export const RATING_REASONS = ['efficiency', 'skill', 'attitude', 'overall'] as const;
export type RatingReason = (typeof RATING_REASONS)[number];

/** Where a rating came from: the counter's 评价器, the ticket's own page (QR), or a text-message invitation. */
export const RATING_CHANNELS = ['evaluator', 'web', 'message'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/** A rating can be given until this many days after the ticket's day. */
export const RATING_WINDOW_DAYS = 7;
/** A completed ticket still unrated this many days later gets one invitation (where texts can be sent). */
export const RATING_INVITE_AFTER_DAYS = 3;
export const RATING_COMMENT_MAX = 200;

export const isRatingLevel = (v: string): v is RatingLevel => (RATING_LEVELS as readonly string[]).includes(v);
export const isRatingReason = (v: string): v is RatingReason => (RATING_REASONS as readonly string[]).includes(v);

/** 5 for 非常满意 … 1 for 非常不满意 (the provincial platform's scale). */
export function ratingScore(level: RatingLevel): number {
  return RATING_LEVELS.length - RATING_LEVELS.indexOf(level);
}

/** 差评: 不满意 and 非常不满意. */
export function isNegative(level: RatingLevel): boolean {
  return level === 'dissatisfied' || level === 'very_dissatisfied';
}

/** 满意 for the satisfaction rate: 基本满意 and above. */
export function isSatisfied(level: RatingLevel): boolean {
  return !isNegative(level);
}

export interface RatingInput {
  level: RatingLevel;
  reasons: readonly RatingReason[];
  comment?: string | null;
}

export type RatingRefusal = 'REASON_REQUIRED' | 'COMMENT_TOO_LONG' | 'NOT_FINISHED' | 'WINDOW_OVER';

/** The last hall date on which a ticket of `ticketDate` can still be rated. */
export function lastRatingDate(ticketDate: string): string {
  return addDays(ticketDate, RATING_WINDOW_DAYS);
}

/** Whether the ticket can be rated now (served, within the window); does not know whether it was rated already. */
export function ratingOpen(ticket: { status: string; date: string }, today: string): RatingRefusal | null {
  if (ticket.status !== 'served') return 'NOT_FINISHED';
  if (today > lastRatingDate(ticket.date)) return 'WINDOW_OVER';
  return null;
}

/** Why the rating itself is refused, or null. A 差评 needs a reason; the comment is short. */
export function ratingRefusal(input: RatingInput): RatingRefusal | null {
  if (isNegative(input.level) && input.reasons.length === 0) return 'REASON_REQUIRED';
  if ([...(input.comment ?? '').trim()].length > RATING_COMMENT_MAX) return 'COMMENT_TOO_LONG';
  return null;
}

/** Reasons kept once each, in the indicators' order; a good rating keeps the ones chosen too. */
export function normalizeReasons(reasons: readonly RatingReason[]): RatingReason[] {
  return RATING_REASONS.filter((r) => reasons.includes(r));
}

// An ID card number (17 digits + digit/X) or a mainland mobile number typed into a comment is kept
// masked: the comment is stored, and personal numbers never reach disk in clear.
const ID_IN_TEXT = /(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])/g;
const PHONE_IN_TEXT = /(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])/g;

/** The comment as it is kept: trimmed, ID card and phone numbers in it masked, empty → null. */
export function keptComment(comment: string | null | undefined): string | null {
  const text = (comment ?? '').trim().replace(ID_IN_TEXT, '$1********$2').replace(PHONE_IN_TEXT, '$1****$2');
  return text === '' ? null : text;
}

export interface RatingCounts {
  total: number;
  byLevel: Record<RatingLevel, number>;
  satisfied: number;
  /** satisfied / total, null when nothing was rated. */
  satisfactionRate: number | null;
}

export function countRatings(levels: readonly RatingLevel[]): RatingCounts {
  const byLevel = Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<RatingLevel, number>;
  for (const l of levels) byLevel[l] += 1;
  const satisfied = levels.filter(isSatisfied).length;
  return { total: levels.length, byLevel, satisfied, satisfactionRate: levels.length === 0 ? null : satisfied / levels.length };
}
