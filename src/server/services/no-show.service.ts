// 爽约: a hall's rule, who is blocked from booking online there and why, and lifting a block.
// A person is their keyed ID-card hash; misses are read from the bookings (nothing is counted
// twice or kept in memory), so every worker and every store sees the same answer.
import type { Lang } from '../../contracts/errors.js';
import type { BlockedPerson, EligibilityBody, NoShowRuleBody, NoShowRuleResponse } from '../../contracts/no-show.js';
import { type Block, type Miss, type NoShowRule, activeBlock, isLateCancel, missOf, relevantSince, ruleProblems } from '../../domain/no-show.js';
import { hallTime } from '../../domain/schedule.js';
import { DEFAULT_NO_SHOW_OPTIONS, type NoShowOptions } from '../no-show-config.js';
import { appendAudit } from '../repositories/audit.repository.js';
import type { BookingRecord } from '../repositories/booking.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import { type MissRow, findNoShowRule, insertLift, lastLifts, missCandidates, saveNoShowRule } from '../repositories/no-show.repository.js';
import { findServicesByIds } from '../repositories/service.repository.js';
import { AppError } from './app-error.js';
import { activeService, hallOfService } from './catalog.service.js';
import { type HallContext, type Now, type ServiceContext, nowOf, serviceName, nowIn } from './context.js';
import { credentials } from './credentials.js';
import { ownOrDefault, saveHallRule } from './hall-rule.service.js';
import { transact } from './transact.js';

export function noShowOptions(ctx: ServiceContext): NoShowOptions {
  return ctx.noShow ?? DEFAULT_NO_SHOW_OPTIONS;
}

/** The hall's own rule (as read at most a second ago: fresh-reads.ts), or the NO_SHOW_* defaults (late cancels then do not count). */
export function ruleOf(ctx: ServiceContext, hallId: number): Promise<{ rule: NoShowRule; own: boolean }> {
  return ctx.reads.get(`no-show-rule:${hallId}`, () => ownOrDefault(() => findNoShowRule(ctx.db, hallId), noShowOptions(ctx).rule));
}

const localOf = (iso: string, timeZone: string) => {
  const t = hallTime(new Date(iso), timeZone);
  return `${t.date} ${t.time}`;
};

function missesOf(rows: MissRow[], rule: NoShowRule, hall: Hall, now: Now): Miss[] {
  return rows.flatMap((r) => {
    const miss = missOf({ ...r, cancelledLocal: r.cancelledAt ? localOf(r.cancelledAt, hall.timeZone) : null }, rule, now.local);
    return miss ? [miss] : [];
  });
}

/** The block on this person's online booking in this hall now (and the bookings it read), or null. */
async function personBlock(ctx: ServiceContext, hall: Hall, idHash: string, now: Now): Promise<{ block: Block; rows: MissRow[] } | null> {
  const { rule } = await ruleOf(ctx, hall.id);
  if (rule.limit <= 0) return null;
  const rows = await missCandidates(ctx.db, hall.id, relevantSince(rule, now.local.date), now.local.date, idHash);
  const misses = missesOf(rows, rule, hall, now);
  if (misses.length < rule.limit) return null;
  const lift = (await lastLifts(ctx.db, hall.id, [idHash])).get(idHash) ?? null;
  const block = activeBlock(misses, rule, now.local.date, lift);
  return block ? { block, rows } : null;
}

export async function blockOf(ctx: ServiceContext, hall: Hall, idHash: string, now: Now): Promise<Block | null> {
  return (await personBlock(ctx, hall, idHash, now))?.block ?? null;
}

/**
 * BOOKING_BLOCKED, with the day online booking opens again and how many misses closed it. The
 * dates are said only when every one of those bookings was made with this phone too: knowing
 * someone's ID number must not reveal the days they had bookings.
 */
function blockedError(block: Block, rows: MissRow[], phoneHash: string): AppError {
  const phoneOf = new Map(rows.map((r) => [r.number, r.phoneHash]));
  const theirs = block.misses.every((m) => phoneOf.get(m.number) === phoneHash);
  return new AppError('BOOKING_BLOCKED', {
    until: block.until,
    count: block.misses.length,
    ...(theirs ? { dates: block.misses.map((m) => m.date).join(', '), misses: block.misses.map((m) => ({ date: m.date, kind: m.kind })) } : {}),
  });
}

/** Online booking refuses a blocked person (walk-ins and the kiosk never ask). No write: a cheap refusal. */
export async function refuseIfBlocked(ctx: ServiceContext, hall: Hall, who: { idHash: string; phoneHash: string }, now: Now): Promise<void> {
  const found = await personBlock(ctx, hall, who.idHash, now);
  if (found) throw blockedError(found.block, found.rows, who.phoneHash);
}

/** The booking form asks as soon as the ID card and phone are typed: before a slot is chosen. */
export async function checkEligibility(ctx: ServiceContext, input: EligibilityBody): Promise<{ eligible: true }> {
  const service = await activeService(ctx, input.serviceId);
  const { hall } = await hallOfService(ctx, service);
  const now = nowIn(ctx, hall);
  const who = credentials(ctx, input, now.local.date);
  await refuseIfBlocked(ctx, hall, who, now);
  return { eligible: true };
}

/** The people blocked in a hall now: masked, with their misses, for the admin. */
export async function blockedPeople(ctx: HallContext, lang: Lang): Promise<BlockedPerson[]> {
  const now = nowOf(ctx);
  const { rule } = await ruleOf(ctx, ctx.hall.id);
  if (rule.limit <= 0) return [];
  const rows = await missCandidates(ctx.db, ctx.hall.id, relevantSince(rule, now.local.date), now.local.date);
  const byPerson = new Map<string, MissRow[]>();
  for (const r of rows) byPerson.set(r.idHash, [...(byPerson.get(r.idHash) ?? []), r]);
  const candidates = [...byPerson.entries()].map(([idHash, own]) => ({ idHash, own, misses: missesOf(own, rule, ctx.hall, now) }));
  const likely = candidates.filter((c) => c.misses.length >= rule.limit);
  const lifts = await lastLifts(
    ctx.db,
    ctx.hall.id,
    likely.map((c) => c.idHash),
  );
  const services = new Map((await findServicesByIds(ctx.db, [...new Set(rows.map((r) => r.serviceId))])).map((s) => [s.id, s]));
  const people: BlockedPerson[] = [];
  for (const c of likely) {
    const block = activeBlock(c.misses, rule, now.local.date, lifts.get(c.idHash) ?? null);
    if (!block) continue;
    const latest = c.own[c.own.length - 1] as MissRow;
    people.push({
      personKey: c.idHash,
      idCardMasked: latest.idMasked,
      phoneMasked: latest.phoneMasked,
      until: block.until,
      misses: block.misses.map((m) => {
        const s = services.get(m.serviceId);
        return { date: m.date, number: m.number, kind: m.kind, service: s ? `${s.letter} ${serviceName(s, lang)}` : '' };
      }),
    });
  }
  return people.sort((a, b) => b.until.localeCompare(a.until) || a.idCardMasked.localeCompare(b.idCardMasked));
}

/** An admin lifts a block (audited): the person's misses so far in this hall no longer count. */
export async function liftBlock(ctx: HallContext, actor: string, input: { personKey: string; reason: string }): Promise<void> {
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('VALIDATION', { reason: 'a reason is required', field: 'reason' });
  const now = nowOf(ctx);
  const block = await blockOf(ctx, ctx.hall, input.personKey, now);
  // Someone not blocked (or a key of another hall's person) is not found: nothing to lift.
  if (!block) throw new AppError('NOT_FOUND');
  const rows = await missCandidates(ctx.db, ctx.hall.id, block.misses[0]?.date ?? now.local.date, now.local.date, input.personKey);
  const masked = rows[rows.length - 1]?.idMasked ?? '';
  await transact(ctx.db, async (trx) => {
    await insertLift(trx, {
      hallId: ctx.hall.id,
      idHash: input.personKey,
      at: now.iso,
      local: `${now.local.date} ${now.local.time}`,
      actor,
      reason,
    });
    await appendAudit(trx, {
      at: now.iso,
      actor,
      action: 'no_show.lift',
      target: masked,
      details: { reason, until: block.until, misses: block.misses.map((m) => m.date) },
      hallId: ctx.hall.id,
    });
  });
}

export async function noShowRule(ctx: HallContext): Promise<NoShowRuleResponse> {
  const { rule, own } = await ruleOf(ctx, ctx.hall.id);
  return { ...rule, own, defaults: noShowOptions(ctx).rule };
}

/** An admin sets the hall's own rule (audited). */
export async function setNoShowRule(ctx: HallContext, actor: string, body: NoShowRuleBody): Promise<NoShowRuleResponse> {
  const rule: NoShowRule = { ...body };
  await saveHallRule(ctx, actor, {
    action: 'no_show.rule',
    rule,
    problems: ruleProblems(rule),
    save: (trx, now) => saveNoShowRule(trx, ctx.hall.id, rule, now.iso, actor),
  });
  return noShowRule(ctx);
}

/** Cancels by citizens so late that the hall's rule counts (or would count) them as misses: a report figure. */
export function lateCancels(rows: BookingRecord[], rule: NoShowRule, timeZone: string): number {
  const counting = { ...rule, lateCancel: true };
  return rows.filter((r) => isLateCancel({ ...r, cancelledLocal: r.cancelledAt ? localOf(r.cancelledAt, timeZone) : null }, counting)).length;
}
