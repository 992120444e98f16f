// A hall's own rules (爽约, 优先) work alike: a row per hall, else the server's defaults; an admin
// sets the hall's row after it is checked, audited in the same transaction. The store is the truth
// (kept at most a second per process, fresh-reads.ts): a change holds at once in the worker that
// saved it and within a second in every other worker and instance.
import { appendAudit } from '../repositories/audit.repository.js';
import type { Db } from '../repositories/portable.js';
import { AppError } from './app-error.js';
import { type HallContext, type Now, nowOf } from './context.js';
import { transact } from './transact.js';

/** The hall's own rule, or the defaults; `own` says which. */
export async function ownOrDefault<R>(find: () => Promise<R | undefined>, defaults: R): Promise<{ rule: R; own: boolean }> {
  const own = await find();
  return own ? { rule: own, own: true } : { rule: defaults, own: false };
}

/** Checks a rule (VALIDATION with every problem), then saves it and its audit entry in one transaction. */
export async function saveHallRule<R extends object>(
  ctx: HallContext,
  actor: string,
  change: { action: string; rule: R; problems: string[]; save: (trx: Db, now: Now) => Promise<void> },
): Promise<void> {
  if (change.problems.length > 0) throw new AppError('VALIDATION', { reason: change.problems.join('; ') });
  const now = nowOf(ctx);
  await transact(ctx.db, async (trx) => {
    await change.save(trx, now);
    await appendAudit(trx, { at: now.iso, actor, action: change.action, target: ctx.hall.code, details: { ...(change.rule as Record<string, unknown>) }, hallId: ctx.hall.id });
  });
  ctx.reads.invalidate();
}
