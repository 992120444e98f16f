// A hall's 优先 rule: which groups it honours, from what age a citizen is 老年人, how far priority
// tickets may go ahead, and its 绿色通道 reserve. The environment's PRIORITY_* settings are the
// rule of every hall that has none of its own. Pure.
import { PRIORITY_GROUPS, type PriorityChoice, type PriorityGroup, type PriorityRules, kioskPriority } from './priority.js';
import { type Bounds, boundsProblems } from './rule-bounds.js';

export interface PriorityRule extends PriorityRules {
  /** The groups the hall honours, in PRIORITY_GROUPS order. */
  groups: readonly PriorityGroup[];
  /** From this age (by the ID card's birth date) a citizen's ticket is 优先 · 老年人. */
  age: number;
  /** 绿色通道: elderly walk-ins per service and day beyond the walk-in quota (0: none). */
  reserve: number;
}

/** The same bounds as the PRIORITY_* settings. */
export const PRIORITY_RULE_BOUNDS: Bounds<'age' | 'maxPasses' | 'maxExtraMinutes' | 'reserve'> = {
  age: [50, 120],
  maxPasses: [0, 100],
  maxExtraMinutes: [1, 480],
  reserve: [0, 1000],
};

export function priorityRuleProblems(rule: PriorityRule): string[] {
  const problems = boundsProblems(rule, PRIORITY_RULE_BOUNDS);
  const unknown = rule.groups.filter((g) => !(PRIORITY_GROUPS as readonly string[]).includes(g));
  if (unknown.length > 0) problems.push(`groups: no such group ${unknown.join(', ')}`);
  if (new Set(rule.groups).size !== rule.groups.length) problems.push('groups: a group is named twice');
  return problems;
}

/** The groups in their fixed order, each once (what is stored and shown). */
export function normalGroups(groups: readonly PriorityGroup[]): PriorityGroup[] {
  return PRIORITY_GROUPS.filter((g) => groups.includes(g));
}

export type HallPriority = { ok: true; group: PriorityGroup | null } | { ok: false; group: PriorityGroup };

/**
 * The group of a ticket issued at this hall's kiosk: a declared group the hall does not honour is
 * refused (the citizen asked for something the hall does not give); 老年人 is given only where the
 * hall honours it, else the ticket is a normal one.
 */
export function hallKioskPriority(choice: PriorityChoice | undefined, idCard: string | undefined, today: string, rule: PriorityRule): HallPriority {
  if (choice !== undefined && choice !== 'none' && !rule.groups.includes(choice)) return { ok: false, group: choice };
  const group = kioskPriority(choice, idCard, today, rule.age);
  return { ok: true, group: group !== null && rule.groups.includes(group) ? group : null };
}
