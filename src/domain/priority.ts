// 优先 tickets without starvation. Elderly citizens (by the ID card's birth date), people with a
// disability, pregnant women and (retired) service members are called ahead of normal tickets of
// their queue, but a normal ticket is never passed by more than `maxPasses` priority tickets in a
// row, and no priority ticket passes it later than `maxExtraMinutes` after the first one did: its
// wait grows by at most that time (plus the service of that last priority ticket). Pure: the clock
// is passed in.
import { parseIdCard } from './id-card.js';
import { type QueueEntry, type QueueOrder, orderQueue } from './queue-order.js';
import type { HallTime } from './schedule.js';

export const PRIORITY_GROUPS = ['elderly', 'disabled', 'pregnant', 'military'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

/** Groups a citizen chooses at the kiosk (staff check them at the counter); elderly is decided from the ID card. */
export const DECLARED_PRIORITY_GROUPS = ['disabled', 'pregnant', 'military'] as const satisfies readonly PriorityGroup[];

export type DeclaredPriorityGroup = (typeof DECLARED_PRIORITY_GROUPS)[number];
/** What the citizen says at the kiosk: a group staff will check, or no priority (declining 老年人 too). */
export type PriorityChoice = DeclaredPriorityGroup | 'none';

export const DEFAULT_PRIORITY_AGE = 70;
export const DEFAULT_PRIORITY_MAX_PASSES = 3;
/**
 * Half of the default 最长等候 (30 min): a normal ticket that was on time stays within one and a half
 * times the target, and with about 5 minutes a service it equals three passes, so the two bounds agree.
 */
export const DEFAULT_PRIORITY_MAX_EXTRA_MINUTES = 15;
/** 绿色通道: elderly walk-ins per service and day beyond the walk-in quota. */
export const DEFAULT_PRIORITY_RESERVE = 5;

export function isPriorityGroup(value: unknown): value is PriorityGroup {
  return typeof value === 'string' && (PRIORITY_GROUPS as readonly string[]).includes(value);
}

/** Whole years between a birth date and a day (both YYYY-MM-DD); born on 29 Feb, one is older on 1 Mar. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** Whether the holder of this ID card is at least `priorityAge` years old today; false for an invalid card. */
export function isElderlyIdCard(idCard: string, today: string, priorityAge: number): boolean {
  const parsed = parseIdCard(idCard, today);
  return parsed.ok && ageOn(parsed.id.birthDate, today) >= priorityAge;
}

/**
 * The group of a ticket issued at the kiosk or at a walk-in: the citizen's own choice, else elderly
 * when the ID card given says so. Only the group is kept; the card and its birth date are not.
 */
export function kioskPriority(choice: PriorityChoice | undefined, idCard: string | undefined, today: string, priorityAge: number): PriorityGroup | null {
  if (choice === 'none') return null;
  if (choice !== undefined) return choice;
  return idCard !== undefined && isElderlyIdCard(idCard, today, priorityAge) ? 'elderly' : null;
}

export interface PriorityRules {
  maxPasses: number;
  maxExtraMinutes: number;
  /**
   * The groups the hall honours (absent: all four). A ticket of a group the hall turned off after
   * it was issued waits as a normal ticket: the hall's rule decides the order, not the ticket's past.
   */
  groups?: readonly PriorityGroup[];
}

/** Whether a ticket is called as a priority ticket under these rules. */
export function countsAsPriority(e: { priority: PriorityGroup | null }, rules: PriorityRules): boolean {
  return e.priority !== null && (rules.groups === undefined || rules.groups.includes(e.priority));
}

export interface PriorityEntry extends QueueEntry {
  priority: PriorityGroup | null;
  /** Priority tickets called ahead of this normal ticket since the last normal ticket of its queue was called. */
  passes: number;
  /** When a priority ticket was first called ahead of it (ISO instant); null: never. */
  firstPassedAt: string | null;
}

export interface NextCall<T> {
  ticket: T;
  /** The normal tickets it is called ahead of: each counts one more pass. */
  passed: T[];
  /** A normal ticket is called: the row of passes ends for the normal tickets still waiting. */
  endsRow: boolean;
}

/** Whether one more priority ticket may be called ahead of this normal ticket at `nowMs`. */
function mayPass(e: PriorityEntry, nowMs: number, rules: PriorityRules): boolean {
  if (e.passes >= rules.maxPasses) return false;
  return e.firstPassedAt === null || nowMs - Date.parse(e.firstPassedAt) < rules.maxExtraMinutes * 60_000;
}

/** The pick from a queue already in queue order (see nextToCall). */
function pickFrom<T extends PriorityEntry>(queue: readonly T[], nowMs: number, rules: PriorityRules): NextCall<T> | null {
  const head = queue[0];
  if (!head) return null;
  const first = queue.findIndex((e) => countsAsPriority(e, rules));
  if (first > 0) {
    const ahead = queue.slice(0, first);
    if (ahead.every((e) => mayPass(e, nowMs, rules))) return { ticket: queue[first] as T, passed: ahead, endsRow: false };
  }
  return { ticket: head, passed: [], endsRow: !countsAsPriority(head, rules) };
}

/**
 * The ticket to call next: the first priority ticket in queue order if every normal ticket ahead
 * of it may still be passed, else the head of the queue. A later priority ticket would pass the
 * same normal tickets and more, so only the first one is ever a candidate.
 */
export function nextToCall<T extends PriorityEntry>(
  entries: readonly T[],
  now: { local: HallTime; iso: string },
  order: QueueOrder,
  rules: PriorityRules,
): NextCall<T> | null {
  return pickFrom(orderQueue(entries, now.local, order), Date.parse(now.iso), rules);
}

/** The order the queue will be called in from now if nothing changes (for places and waits shown). */
export function priorityOrder<T extends PriorityEntry>(
  entries: readonly T[],
  now: { local: HallTime; iso: string },
  order: QueueOrder,
  rules: PriorityRules,
): T[] {
  // Each step orders what is left again, as call-next does: a ticket that came back after 过号
  // moves up once the number it followed has been called.
  const state = new Map(entries.map((e) => [e.number, { passes: e.passes, firstPassedAt: e.firstPassedAt }]));
  let rest = entries.slice();
  const out: T[] = [];
  for (;;) {
    const next = nextToCall(
      rest.map((e) => ({ ...e, ...state.get(e.number) })),
      now,
      order,
      rules,
    );
    if (!next) return out;
    const picked = rest.find((e) => e.number === next.ticket.number) as T;
    out.push(picked);
    rest = rest.filter((e) => e !== picked);
    for (const p of next.passed) state.set(p.number, { passes: p.passes + 1, firstPassedAt: p.firstPassedAt ?? now.iso });
    if (next.endsRow) for (const e of rest) if (!countsAsPriority(e, rules)) state.set(e.number, { ...(state.get(e.number) as { passes: number; firstPassedAt: string | null }), passes: 0 });
  }
}
