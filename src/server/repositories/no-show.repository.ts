// 爽约: a hall's own rule, the blocks its admins lifted, and the bookings that may count as misses.
import type { NoShowRule } from '../../domain/no-show.js';
import { compiledOnce } from './compiled-once.js';
import { type Db, upsert } from './portable.js';

const noShowRuleRow = compiledOnce((db, hallId: number) => db.selectFrom('no_show_rule').selectAll().where('hall_id', '=', hallId));

export async function findNoShowRule(db: Db, hallId: number): Promise<NoShowRule | undefined> {
  const [r] = await noShowRuleRow(db, hallId);
  if (!r) return undefined;
  return {
    limit: Number(r.miss_limit),
    windowDays: Number(r.window_days),
    blockDays: Number(r.block_days),
    lateCancel: Number(r.late_cancel) === 1,
    lateCancelMinutes: Number(r.late_cancel_minutes),
  };
}

export async function saveNoShowRule(db: Db, hallId: number, rule: NoShowRule, at: string, by: string): Promise<void> {
  const values = {
    miss_limit: rule.limit,
    window_days: rule.windowDays,
    block_days: rule.blockDays,
    late_cancel: rule.lateCancel ? 1 : 0,
    late_cancel_minutes: rule.lateCancelMinutes,
    updated_at: at,
    updated_by: by,
  };
  await upsert(db, 'no_show_rule', { hall_id: hallId, ...values }, ['hall_id'], values);
}

export async function insertLift(
  db: Db,
  l: { hallId: number; idHash: string; at: string; local: string; actor: string; reason: string },
): Promise<void> {
  await db
    .insertInto('no_show_lift')
    .values({ hall_id: l.hallId, id_hash: l.idHash, lifted_at: l.at, lifted_local: l.local, actor: l.actor, reason: l.reason })
    .execute();
}

/** The latest lift per person in a hall ('YYYY-MM-DD HH:mm' on the hall's clock), for these people (all when omitted). */
export async function lastLifts(db: Db, hallId: number, idHashes?: string[]): Promise<Map<string, string>> {
  if (idHashes?.length === 0) return new Map();
  const rows = await db
    .selectFrom('no_show_lift')
    .select('id_hash')
    .select((eb) => eb.fn.max('lifted_local').as('last'))
    .where('hall_id', '=', hallId)
    .$if(idHashes !== undefined, (q) => q.where('id_hash', 'in', idHashes as string[]))
    .groupBy('id_hash')
    .execute();
  return new Map(rows.map((r) => [r.id_hash, String(r.last)]));
}

/** A booking as the no-show rules read it. */
export interface MissRow {
  number: string;
  serviceId: number;
  idHash: string;
  idMasked: string;
  phoneHash: string;
  phoneMasked: string;
  date: string;
  slotStart: string;
  slotEnd: string;
  status: string;
  cancelReason: string | null;
  /** ISO instant. */
  cancelledAt: string | null;
}

/**
 * Bookings in a hall from `since` to `today` that may count as misses: missed, still booked (its
 * window may have passed), or cancelled (maybe late). Of one person, or of everyone.
 */
const missColumns = ['number', 'service_id', 'id_hash', 'id_masked', 'phone_hash', 'phone_masked', 'date', 'slot_start', 'slot_end', 'status', 'cancel_reason', 'cancelled_at'] as const;
const missStatuses = ['missed', 'booked', 'cancelled'] as ('missed' | 'booked' | 'cancelled')[];

const missesIn = (db: Db, hallId: number, since: string, today: string) =>
  db
    .selectFrom('booking')
    .select(missColumns)
    .where('hall_id', '=', hallId)
    .where('date', '>=', since)
    .where('date', '<=', today)
    .where('status', 'in', missStatuses)
    .orderBy('date')
    .orderBy('slot_start');

// One person's: asked before every booking (is this person blocked here?).
const missesOfPerson = compiledOnce((db, hallId: number, idHash: string, since: string, today: string) =>
  missesIn(db, hallId, since, today).where('id_hash', '=', idHash),
);

export async function missCandidates(db: Db, hallId: number, since: string, today: string, idHash?: string): Promise<MissRow[]> {
  const rows = idHash !== undefined ? await missesOfPerson(db, hallId, idHash, since, today) : await missesIn(db, hallId, since, today).execute();
  return rows.map((r) => ({
    number: r.number,
    serviceId: r.service_id,
    idHash: r.id_hash,
    idMasked: r.id_masked,
    phoneHash: r.phone_hash,
    phoneMasked: r.phone_masked,
    date: r.date,
    slotStart: r.slot_start,
    slotEnd: r.slot_end,
    status: r.status,
    cancelReason: r.cancel_reason,
    cancelledAt: r.cancelled_at,
  }));
}
