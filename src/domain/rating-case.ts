// 差评整改与回访: every 不满意 / 非常不满意 opens a case, due in 15 working days. It moves
// open (待整改) → rectifying (整改中) → revisited (已回访: date, outcome, the citizen's satisfaction
// after the revisit) → closed (办结). A citizen who cannot be reached: the case may close from
// rectifying without a revisit, with a note saying so; it then counts as 整改 but not as 回访.
import type { RatingLevel } from './rating.js';

export const CASE_STATES = ['open', 'rectifying', 'revisited', 'closed'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_DUE_WORKING_DAYS = 15;
export const CASE_NOTE_MAX = 500;

export type CaseStep =
  | { to: 'rectifying'; note: string }
  | { to: 'revisited'; note: string; revisitDate: string; outcome: string; level: RatingLevel }
  | { to: 'closed'; note: string };

export type CaseRefusal = 'CASE_STATE' | 'NOTE_REQUIRED' | 'NOTE_TOO_LONG' | 'REVISIT_DATE';

const NEXT: Record<CaseState, readonly CaseState[]> = {
  open: ['rectifying'],
  rectifying: ['revisited', 'closed'],
  revisited: ['closed'],
  closed: [],
};

export function nextCaseStates(from: CaseState): readonly CaseState[] {
  return NEXT[from];
}

/**
 * Why a step is refused, or null. Every step needs a note (what was done: 整改措施, the revisit's
 * outcome, why it closes); a revisit is dated between the case's opening day and today.
 */
export function caseStepRefusal(from: CaseState, step: CaseStep, openedOn: string, today: string): CaseRefusal | null {
  if (!NEXT[from].includes(step.to)) return 'CASE_STATE';
  const note = step.note.trim();
  if (note === '') return 'NOTE_REQUIRED';
  if ([...note].length > CASE_NOTE_MAX) return 'NOTE_TOO_LONG';
  if (step.to === 'revisited') {
    if (step.outcome.trim() === '') return 'NOTE_REQUIRED';
    if ([...step.outcome.trim()].length > CASE_NOTE_MAX) return 'NOTE_TOO_LONG';
    if (step.revisitDate < openedOn || step.revisitDate > today) return 'REVISIT_DATE';
  }
  return null;
}

/** Overdue: not closed and past its due date (a case due today is not late until tomorrow). */
export function isOverdue(c: { state: CaseState; dueDate: string }, today: string): boolean {
  return c.state !== 'closed' && today > c.dueDate;
}

export interface CaseFacts {
  state: CaseState;
  rectifiedAt: string | null;
  revisitedAt: string | null;
  dueDate: string;
}

export interface CaseCounts {
  cases: number;
  open: number;
  overdue: number;
  rectified: number;
  revisited: number;
  closed: number;
  /** 整改率: cases put right / all cases (null without cases). */
  rectificationRate: number | null;
  /** 回访率: cases whose citizen was revisited / all cases. */
  revisitRate: number | null;
}

export function countCases(cases: readonly CaseFacts[], today: string): CaseCounts {
  const rectified = cases.filter((c) => c.rectifiedAt !== null).length;
  const revisited = cases.filter((c) => c.revisitedAt !== null).length;
  const n = cases.length;
  return {
    cases: n,
    open: cases.filter((c) => c.state !== 'closed').length,
    overdue: cases.filter((c) => isOverdue(c, today)).length,
    rectified,
    revisited,
    closed: cases.filter((c) => c.state === 'closed').length,
    rectificationRate: n === 0 ? null : rectified / n,
    revisitRate: n === 0 ? null : revisited / n,
  };
}
