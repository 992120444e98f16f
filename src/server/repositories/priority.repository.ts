// 优先: a hall's own rule (one row per hall), and applying its 绿色通道 reserve to the walk-in rows
// already made for today and later.
import { PRIORITY_GROUPS, type PriorityGroup } from '../../domain/priority.js';
import type { PriorityRule } from '../../domain/priority-rule.js';
import { type Db, upsert } from './portable.js';
import { sql } from 'kysely';

export async function findPriorityRule(db: Db, hallId: number): Promise<PriorityRule | undefined> {
  const r = await db.selectFrom('priority_rule').selectAll().where('hall_id', '=', hallId).executeTakeFirst();
  if (!r) return undefined;
  const on: Record<PriorityGroup, boolean> = {
    elderly: Number(r.elderly) === 1,
    disabled: Number(r.disabled) === 1,
    pregnant: Number(r.pregnant) === 1,
    military: Number(r.military) === 1,
  };
  return {
    groups: PRIORITY_GROUPS.filter((g) => on[g]),
    age: Number(r.age),
    maxPasses: Number(r.max_passes),
    maxExtraMinutes: Number(r.max_extra_minutes),
    reserve: Number(r.reserve),
  };
}

export async function savePriorityRule(db: Db, hallId: number, rule: PriorityRule, at: string, by: string): Promise<void> {
  const flag = (g: PriorityGroup) => (rule.groups.includes(g) ? 1 : 0);
  const values = {
    elderly: flag('elderly'),
    disabled: flag('disabled'),
    pregnant: flag('pregnant'),
    military: flag('military'),
    age: rule.age,
    max_passes: rule.maxPasses,
    max_extra_minutes: rule.maxExtraMinutes,
    reserve: rule.reserve,
    updated_at: at,
    updated_by: by,
  };
  await upsert(db, 'priority_rule', { hall_id: hallId, ...values }, ['hall_id'], values);
}

/**
 * The day's walk-in rows of a hall from `fromDate` on take the new reserve at once (the next
 * 绿色通道 number in any worker is counted against it); never below the numbers already issued.
 */
export async function applyPriorityReserve(db: Db, hallId: number, reserve: number, fromDate: string): Promise<void> {
  await db
    .updateTable('walk_in_inventory')
    .set({ priority_reserve: sql<number>`case when priority_issued > ${reserve} then priority_issued else ${reserve} end` })
    .where('date', '>=', fromDate)
    .where('service_id', 'in', (eb) => eb.selectFrom('service').select('id').where('hall_id', '=', hallId))
    .execute();
}
