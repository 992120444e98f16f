// 爽约 and unused places: the defaults every hall starts from (a hall's admin may set its own rule).
import { DEFAULT_NO_SHOW_RULE, type NoShowRule } from '../domain/no-show.js';
import { wholeNumber } from './env-number.js';

export interface NoShowOptions {
  /** NO_SHOW_LIMIT, NO_SHOW_WINDOW_DAYS, NO_SHOW_BLOCK_DAYS, LATE_CANCEL_MINUTES (late cancels count only where a hall enables it). */
  rule: NoShowRule;
  /** RELEASE_AFTER_MINUTES: after a slot starts, its places nobody checked in for go to the day's walk-ins. */
  releaseAfterMinutes: number;
}

export const DEFAULT_NO_SHOW_OPTIONS: Readonly<NoShowOptions> = Object.freeze({ rule: DEFAULT_NO_SHOW_RULE, releaseAfterMinutes: 15 });

export function noShowOptionsFromEnv(env: NodeJS.ProcessEnv, problems: string[]): NoShowOptions {
  const d = DEFAULT_NO_SHOW_OPTIONS;
  return {
    rule: {
      limit: wholeNumber(env, 'NO_SHOW_LIMIT', d.rule.limit, 0, 100, problems),
      windowDays: wholeNumber(env, 'NO_SHOW_WINDOW_DAYS', d.rule.windowDays, 1, 3650, problems),
      blockDays: wholeNumber(env, 'NO_SHOW_BLOCK_DAYS', d.rule.blockDays, 0, 3650, problems),
      lateCancel: false,
      lateCancelMinutes: wholeNumber(env, 'LATE_CANCEL_MINUTES', d.rule.lateCancelMinutes, 0, 1440, problems),
    },
    releaseAfterMinutes: wholeNumber(env, 'RELEASE_AFTER_MINUTES', d.releaseAfterMinutes, 0, 1440, problems),
  };
}
