// 优先 tickets: who counts as elderly, how far priority tickets may go ahead, and the 绿色通道 reserve.
import {
  DEFAULT_PRIORITY_AGE,
  DEFAULT_PRIORITY_MAX_EXTRA_MINUTES,
  DEFAULT_PRIORITY_MAX_PASSES,
  DEFAULT_PRIORITY_RESERVE,
  type PriorityRules,
} from '../domain/priority.js';
import { wholeNumber } from './env-number.js';

export interface PriorityOptions extends PriorityRules {
  /** PRIORITY_AGE: from this age (by the ID card's birth date) a citizen's ticket is 优先 · 老年人. */
  age: number;
  /** PRIORITY_RESERVE: elderly walk-ins per service and day beyond the walk-in quota (绿色通道). */
  reserve: number;
}

export const DEFAULT_PRIORITY_OPTIONS: Readonly<PriorityOptions> = Object.freeze({
  age: DEFAULT_PRIORITY_AGE,
  maxPasses: DEFAULT_PRIORITY_MAX_PASSES,
  maxExtraMinutes: DEFAULT_PRIORITY_MAX_EXTRA_MINUTES,
  reserve: DEFAULT_PRIORITY_RESERVE,
});

export function priorityOptionsFromEnv(env: NodeJS.ProcessEnv, problems: string[]): PriorityOptions {
  const d = DEFAULT_PRIORITY_OPTIONS;
  return {
    age: wholeNumber(env, 'PRIORITY_AGE', d.age, 50, 120, problems),
    maxPasses: wholeNumber(env, 'PRIORITY_MAX_PASSES', d.maxPasses, 0, 100, problems),
    maxExtraMinutes: wholeNumber(env, 'PRIORITY_MAX_EXTRA_MINUTES', d.maxExtraMinutes, 1, 480, problems),
    reserve: wholeNumber(env, 'PRIORITY_RESERVE', d.reserve, 0, 1000, problems),
  };
}
