// 差评整改与回访: the hall's follow-up of every 不满意 / 非常不满意. Staff move a case forward one step
// at a time with a note (整改措施, the revisit and the citizen's satisfaction after it, the closing
// note); each step is kept with who did it, audited, and told to live consoles. A case moves with a
// conditional UPDATE on the state it was read in: two people moving it at once, one wins.
import type { CaseItem, CaseListResponse, CaseStepBody } from '../../contracts/rating.js';
import type { Lang } from '../../contracts/errors.js';
import { type CaseState, caseStepRefusal, isOverdue } from '../../domain/rating-case.js';
import { addDays } from '../../domain/schedule.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { listCounters } from '../repositories/counter.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import {
  type CaseChange,
  type CaseRecord,
  addCaseNote,
  assignCase,
  changeCase,
  findCase,
  listCases,
  notesOfCases,
  ratingsByIds,
} from '../repositories/rating.repository.js';
import { listServices } from '../repositories/service.repository.js';
import { listStaff } from '../repositories/staff.repository.js';
import { AppError } from './app-error.js';
import { type HallContext, hallTimeOf, nowOf, serviceName } from './context.js';
import { transact } from './transact.js';

/** The cases a console shows: every one not closed, and those opened in [from, to]. */
export async function caseList(ctx: HallContext, from: string, to: string, lang: Lang): Promise<CaseListResponse> {
  const cases = await listCases(ctx.db, ctx.hall.id, from, to);
  const items = await caseItems(ctx, cases, lang);
  return { cases: items, open: items.filter((c) => c.state !== 'closed').length, overdue: items.filter((c) => c.overdue).length };
}

export async function caseDetail(ctx: HallContext, id: number, lang: Lang): Promise<CaseItem> {
  const c = await findCase(ctx.db, ctx.hall.id, id);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  return (await caseItems(ctx, [c], lang))[0] as CaseItem;
}

async function caseItems(ctx: HallContext, cases: CaseRecord[], lang: Lang): Promise<CaseItem[]> {
  const today = hallTimeOf(ctx, ctx.hall).date;
  const [ratings, notes, services, counters, staff] = await Promise.all([
    ratingsByIds(ctx.db, cases.map((c) => c.ratingId)),
    notesOfCases(ctx.db, cases.map((c) => c.id)),
    listServices(ctx.db, ctx.hall.id),
    listCounters(ctx.db, ctx.hall.id),
    listStaff(ctx.db, null),
  ]);
  const rating = new Map(ratings.map((r) => [r.id, r]));
  const service = new Map(services.map((s) => [s.id, s]));
  const counter = new Map(counters.map((c) => [c.id, c]));
  const person = new Map(staff.map((s) => [s.id, s]));
  const nameOf = (id: number | null) => (id === null ? '' : person.get(id)?.displayName || person.get(id)?.username || `#${id}`);
  return cases.map((c) => {
    const r = rating.get(c.ratingId);
    const s = service.get(c.serviceId);
    return {
      id: c.id,
      number: c.ticketNumber,
      date: c.date,
      serviceName: s ? serviceName(s, lang) : '',
      counterNumber: c.counterId === null ? null : (counter.get(c.counterId)?.number ?? null),
      staffName: nameOf(c.staffId),
      level: r?.level ?? 'very_dissatisfied',
      reasons: r?.reasons ?? [],
      comment: r?.comment ?? null,
      state: c.state,
      openedAt: c.openedAt,
      dueDate: c.dueDate,
      overdue: isOverdue(c, today),
      assignee: c.assigneeId === null ? null : { id: c.assigneeId, name: nameOf(c.assigneeId) },
      revisit: c.revisit,
      closedAt: c.closedAt,
      notes: (notes.get(c.id) ?? []).map((n) => ({ from: n.fromState, to: n.toState, note: n.note, actor: n.actor, at: n.at })),
    };
  });
}

const REFUSAL_FIELD = { NOTE_REQUIRED: 'note', NOTE_TOO_LONG: 'note', REVISIT_DATE: 'revisitDate' } as const;

/** One step forward (整改 → 回访 → 办结), with its note; audited and announced. */
export async function stepCase(ctx: HallContext, actor: string, id: number, step: CaseStepBody, lang: Lang): Promise<CaseItem> {
  const c = await findCase(ctx.db, ctx.hall.id, id);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  const today = hallTimeOf(ctx, ctx.hall).date;
  const domainStep =
    step.to === 'revisited'
      ? { to: step.to, note: step.note, revisitDate: step.revisitDate, outcome: step.outcome, level: step.level }
      : { to: step.to, note: step.note };
  const refusal = caseStepRefusal(c.state, domainStep, c.openedOn, today);
  if (refusal === 'CASE_STATE') throw new AppError('CASE_STATE', { state: c.state });
  if (refusal) {
    const reason = refusal === 'REVISIT_DATE' ? `a date from ${c.openedOn} to ${today}` : refusal === 'NOTE_TOO_LONG' ? 'at most 500 characters' : 'say what was done';
    throw new AppError('VALIDATION', { field: REFUSAL_FIELD[refusal], reason });
  }
  if (step.to === 'rectifying' && step.assigneeId !== undefined) await checkAssignee(ctx, step.assigneeId);
  const now = nowOf(ctx);
  const change: CaseChange = {};
  if (step.to === 'rectifying' && step.assigneeId !== undefined) change.assignee_id = step.assigneeId;
  // 整改 is done when the case leaves 整改中, whether by a revisit or by closing without one.
  if (c.state === 'rectifying') change.rectified_at = now.iso;
  if (step.to === 'revisited') {
    Object.assign(change, { revisited_at: now.iso, revisit_date: step.revisitDate, revisit_outcome: step.outcome.trim(), revisit_level: step.level });
  }
  if (step.to === 'closed') change.closed_at = now.iso;
  await transact(ctx.db, async (trx) => {
    if (!(await changeCase(trx, c.id, c.state, step.to, now.iso, change))) throw new AppError('CASE_STATE', { state: c.state });
    await addCaseNote(trx, { caseId: c.id, hallId: ctx.hall.id, fromState: c.state, toState: step.to, note: step.note.trim(), actor, at: now.iso });
    await appendAudit(trx, {
      hallId: ctx.hall.id,
      at: now.iso,
      actor,
      action: `case.${step.to}`,
      target: c.ticketNumber,
      details: { caseId: c.id, from: c.state, ...(step.to === 'revisited' ? { revisitDate: step.revisitDate, level: step.level } : {}) },
    });
    await appendEvent(trx, caseEvent(ctx, c, step.to, now.iso));
  });
  ctx.events?.committed();
  return caseDetail(ctx, c.id, lang);
}

/** Who follows the case up: a member of the hall's staff (or nobody). */
export async function reassignCase(ctx: HallContext, actor: string, id: number, assigneeId: number | null, lang: Lang): Promise<CaseItem> {
  const c = await findCase(ctx.db, ctx.hall.id, id);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  if (assigneeId !== null) await checkAssignee(ctx, assigneeId);
  const now = nowOf(ctx);
  await transact(ctx.db, async (trx) => {
    if (!(await assignCase(trx, c.id, assigneeId, now.iso))) throw new AppError('CASE_STATE', { state: 'closed' });
    await appendAudit(trx, { hallId: ctx.hall.id, at: now.iso, actor, action: 'case.assign', target: c.ticketNumber, details: { caseId: c.id, assigneeId } });
    await appendEvent(trx, caseEvent(ctx, c, c.state, now.iso));
  });
  ctx.events?.committed();
  return caseDetail(ctx, c.id, lang);
}

async function checkAssignee(ctx: HallContext, staffId: number): Promise<void> {
  const staff = (await listStaff(ctx.db, ctx.hall.id)).find((s) => s.id === staffId && s.active);
  if (!staff) throw new AppError('VALIDATION', { field: 'assigneeId', reason: 'a member of this hall’s staff' });
}

function caseEvent(ctx: HallContext, c: CaseRecord, state: CaseState, at: string) {
  return {
    type: state === 'closed' ? ('case.closed' as const) : ('case.changed' as const),
    hallId: ctx.hall.id,
    serviceId: c.serviceId,
    date: c.date,
    at,
    number: c.ticketNumber,
    data: { caseId: c.id, state, dueDate: c.dueDate },
  };
}

/** The default range of the case list: the last 90 days. */
export function defaultCaseRange(today: string): { from: string; to: string } {
  return { from: addDays(today, -90), to: today };
}
