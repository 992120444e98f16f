// 优先 tickets on the server: the hall's rule in force (its own, else the PRIORITY_* defaults), an
// admin changing it, and staff setting a ticket's group at the counter (残疾人, 孕妇, 军人 are
// checked there; a group chosen at the kiosk may be corrected or cleared).
import type { Lang } from '../../contracts/errors.js';
import type { PriorityRuleBody, PriorityRuleResponse } from '../../contracts/priority.js';
import type { TicketActionResponse } from '../../contracts/queue.js';
import type { PriorityChoice, PriorityGroup } from '../../domain/priority.js';
import { type PriorityRule, hallKioskPriority, normalGroups, priorityRuleProblems } from '../../domain/priority-rule.js';
import { DEFAULT_PRIORITY_OPTIONS } from '../priority-config.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import type { Db } from '../repositories/portable.js';
import { applyPriorityReserve, findPriorityRule, savePriorityRule } from '../repositories/priority.repository.js';
import { findTicketByNumber, setTicketPriority } from '../repositories/ticket.repository.js';
import { AppError } from './app-error.js';
import { type HallContext, type ServiceContext, nowOf } from './context.js';
import type { Actor } from './counter-state.service.js';
import { ownOrDefault, saveHallRule } from './hall-rule.service.js';
import { ticketActionView } from './hall-view.service.js';
import { transact } from './transact.js';

/** The PRIORITY_* settings: the rule of every hall without its own. */
export function priorityDefaults(ctx: ServiceContext): PriorityRule {
  return ctx.priority ?? DEFAULT_PRIORITY_OPTIONS;
}

/**
 * The 优先 rule in force in a hall. Read from the store each time (one row by key): an admin's
 * change holds for the next ticket in every worker. Inside a transaction pass its `db`.
 */
export async function priorityOf(ctx: ServiceContext, hallId: number, db: Db = ctx.db): Promise<PriorityRule> {
  return (await ownOrDefault(() => findPriorityRule(db, hallId), priorityDefaults(ctx))).rule;
}

/** The group of a ticket issued at the hall's kiosk; PRIORITY_GROUP_OFF for a group the hall does not honour. */
export function issuedPriority(rule: PriorityRule, choice: PriorityChoice | undefined, idCard: string | undefined, today: string): PriorityGroup | null {
  const decided = hallKioskPriority(choice, idCard, today, rule);
  if (!decided.ok) throw new AppError('PRIORITY_GROUP_OFF', { group: decided.group, field: 'priority' });
  return decided.group;
}

export async function priorityRule(ctx: HallContext): Promise<PriorityRuleResponse> {
  const defaults = priorityDefaults(ctx);
  const { rule, own } = await ownOrDefault(() => findPriorityRule(ctx.db, ctx.hall.id), defaults);
  const view = (r: PriorityRule) => ({ groups: [...r.groups], age: r.age, maxPasses: r.maxPasses, maxExtraMinutes: r.maxExtraMinutes, reserve: r.reserve });
  return { ...view(rule), own, defaults: view(defaults) };
}

/** An admin sets the hall's own rule (audited); today's 绿色通道 rows take the new reserve at once. */
export async function setPriorityRule(ctx: HallContext, actor: string, body: PriorityRuleBody): Promise<PriorityRuleResponse> {
  const rule: PriorityRule = { ...body, groups: normalGroups(body.groups) };
  await saveHallRule(ctx, actor, {
    action: 'priority.rule',
    rule,
    problems: priorityRuleProblems({ ...body, groups: body.groups }),
    save: async (trx, now) => {
      await savePriorityRule(trx, ctx.hall.id, rule, now.iso, actor);
      await applyPriorityReserve(trx, ctx.hall.id, rule.reserve, now.local.date);
    },
  });
  return priorityRule(ctx);
}

/** Sets (or clears, with null) the priority group of today's ticket that waits or is at a counter. */
export async function setPriority(ctx: HallContext, actor: Actor, number: string, priority: PriorityGroup | null, lang: Lang): Promise<TicketActionResponse> {
  const now = nowOf(ctx);
  const ticket = await findTicketByNumber(ctx.db, number);
  if (!ticket || ticket.hallId !== ctx.hall.id) throw new AppError('TICKET_NOT_FOUND', { number });
  if (ticket.date !== now.local.date) throw new AppError('TICKET_STATE');
  if (priority !== null && !(await priorityOf(ctx, ctx.hall.id)).groups.includes(priority)) {
    throw new AppError('PRIORITY_GROUP_OFF', { group: priority, field: 'priority' });
  }
  await transact(ctx.db, async (trx) => {
    if (!(await setTicketPriority(trx, ticket.id, priority, now.iso))) throw new AppError('TICKET_STATE');
    await appendEvent(trx, { type: 'ticket.priority', hallId: ctx.hall.id, serviceId: ticket.serviceId, date: ticket.date, at: now.iso, number });
    await appendAudit(trx, {
      hallId: ctx.hall.id,
      at: now.iso,
      actor: actor.username,
      action: 'ticket.priority',
      target: number,
      details: { from: ticket.priority, to: priority },
    });
  });
  ctx.events?.committed();
  return ticketActionView(ctx, number, ticket.openCounterId, now, lang);
}
