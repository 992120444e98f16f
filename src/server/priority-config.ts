// 优先 tickets: the defaults every hall starts from (a hall's admin may set its own rule): who counts
// as elderly, how far priority tickets may go ahead, and the 绿色通道 reserve. Every group is honoured.
import {
  DEFAULT_PRIORITY_AGE,
  DEFAULT_PRIORITY_MAX_EXTRA_MINUTES,
  DEFAULT_PRIORITY_MAX_PASSES,
  DEFAULT_PRIORITY_RESERVE,
  PRIORITY_GROUPS,
} from '../domain/priority.js';
import { PRIORITY_RULE_BOUNDS, type PriorityRule } from '../domain/priority-rule.js';
import { wholeNumber } from './env-number.js';

/** PRIORITY_AGE, PRIORITY_MAX_PASSES, PRIORITY_MAX_EXTRA_MINUTES, PRIORITY_RESERVE: the rule of a hall without its own. */
export type PriorityOptions = PriorityRule;

export const DEFAULT_PRIORITY_OPTIONS: Readonly<PriorityOptions> = Object.freeze({
  groups: PRIORITY_GROUPS,
  age: DEFAULT_PRIORITY_AGE,
  maxPasses: DEFAULT_PRIORITY_MAX_PASSES,
  maxExtraMinutes: DEFAULT_PRIORITY_MAX_EXTRA_MINUTES,
  reserve: DEFAULT_PRIORITY_RESERVE,
});

export function priorityOptionsFromEnv(env: NodeJS.ProcessEnv, problems: string[]): PriorityOptions {
  const d = DEFAULT_PRIORITY_OPTIONS;
  const b = PRIORITY_RULE_BOUNDS;
  return {
    groups: d.groups,
    age: wholeNumber(env, 'PRIORITY_AGE', d.age, ...b.age, problems),
    maxPasses: wholeNumber(env, 'PRIORITY_MAX_PASSES', d.maxPasses, ...b.maxPasses, problems),
    maxExtraMinutes: wholeNumber(env, 'PRIORITY_MAX_EXTRA_MINUTES', d.maxExtraMinutes, ...b.maxExtraMinutes, problems),
    reserve: wholeNumber(env, 'PRIORITY_RESERVE', d.reserve, ...b.reserve, problems),
  };
}
