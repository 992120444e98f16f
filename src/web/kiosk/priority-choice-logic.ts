// Which 优先 choices the kiosk offers: only the groups its hall honours (the hall's rule, told by
// GET /api/v1/services as `priorityGroups`). "By the ID card" only where 老年人 is honoured;
// "no priority" always. Before the answer comes (or from an older server), every choice.
import type { PriorityChoice as Choice, PriorityGroup } from '../../domain/priority.js';

export type KioskPriority = Choice | 'auto';

const CHOICES: readonly KioskPriority[] = ['auto', 'disabled', 'pregnant', 'military', 'none'];

export function offeredChoices(groups: readonly PriorityGroup[] | undefined): KioskPriority[] {
  if (groups === undefined) return [...CHOICES];
  return CHOICES.filter((c) => c === 'none' || groups.includes(c === 'auto' ? 'elderly' : c));
}

/** The choice shown as chosen: "by the ID card" where 老年人 is not offered is the same as none. */
export function shownChoice(value: KioskPriority, offered: readonly KioskPriority[]): KioskPriority {
  return offered.includes(value) ? value : 'none';
}

/** The body's `priority`: nothing for 'auto', so the server decides from the ID card. */
export function priorityField(choice: KioskPriority): Choice | undefined {
  return choice === 'auto' ? undefined : choice;
}

/** What the kiosk sends: the choice as shown (one the hall stopped offering is not sent). */
export function sentPriority(value: KioskPriority, groups: readonly PriorityGroup[] | undefined): Choice | undefined {
  return priorityField(shownChoice(value, offeredChoices(groups)));
}
