// The rating a citizen is putting together (评价器 or the ticket page), checked by the same rules
// the server applies (src/domain/rating.ts): a 差评 needs a reason, a comment is short.
import { RATING_COMMENT_MAX, type RatingLevel, type RatingReason, isNegative, normalizeReasons, ratingRefusal } from '../../domain/rating.js';

export interface RatingDraft {
  level: RatingLevel | null;
  reasons: RatingReason[];
  comment: string;
}

export const EMPTY_DRAFT: RatingDraft = { level: null, reasons: [], comment: '' };

/** What is sent: the level, and for a 差评 its reasons and comment (a good rating sends the level only). */
export interface RatingChoice {
  level: RatingLevel;
  reasons?: RatingReason[];
  comment?: string;
}

/** Choosing a level: a good one is sent at once; a 差评 opens the reasons and the comment. */
export function chooseLevel(draft: RatingDraft, level: RatingLevel): { draft: RatingDraft; send: RatingChoice | null } {
  if (!isNegative(level)) return { draft: { ...EMPTY_DRAFT, level }, send: { level } };
  return { draft: { ...draft, level }, send: null };
}

export function toggleReason(reasons: readonly RatingReason[], reason: RatingReason): RatingReason[] {
  return reasons.includes(reason) ? reasons.filter((r) => r !== reason) : normalizeReasons([...reasons, reason]);
}

/** Characters of the comment as the server counts them (trimmed, one per code point). */
export function commentLength(comment: string): number {
  return [...comment.trim()].length;
}

export type DraftProblem = 'REASON_REQUIRED' | 'COMMENT_TOO_LONG';

/** Why 提交 would be refused, or null; a draft without a level has nothing to send. */
export function draftProblem(draft: RatingDraft): DraftProblem | null {
  if (!draft.level) return null;
  const refusal = ratingRefusal({ level: draft.level, reasons: draft.reasons, comment: draft.comment });
  return refusal === 'REASON_REQUIRED' || refusal === 'COMMENT_TOO_LONG' ? refusal : null;
}

/** The body to send for a complete 差评 draft, or null while it has a problem. */
export function draftChoice(draft: RatingDraft): RatingChoice | null {
  if (!draft.level || draftProblem(draft)) return null;
  const comment = draft.comment.trim();
  return { level: draft.level, reasons: normalizeReasons(draft.reasons), ...(comment ? { comment } : {}) };
}

export { RATING_COMMENT_MAX };
