// Places per slot and walk-in numbers per day. Both are taken with one conditional UPDATE, so
// the count can never pass the limit however many processes write at once.
import { sql } from 'kysely';
import { compiledOnce } from './compiled-once.js';
import { type Db, affected, insertIgnore } from './portable.js';

export interface SlotKey {
  serviceId: number;
  date: string;
  slotStart: string;
}

export interface SlotCount {
  serviceId: number;
  date: string;
  slotStart: string;
  capacity: number;
  reserved: number;
}

export async function ensureSlotRow(db: Db, key: SlotKey, slotEnd: string, capacity: number): Promise<void> {
  await insertIgnore(db, 'slot_inventory', {
    service_id: key.serviceId,
    date: key.date,
    slot_start: key.slotStart,
    slot_end: slotEnd,
    capacity,
    reserved: 0,
  });
}

const slotWhere = (key: SlotKey) => (db: Db) =>
  db
    .updateTable('slot_inventory')
    .where('service_id', '=', key.serviceId)
    .where('date', '=', key.date)
    .where('slot_start', '=', key.slotStart);

/**
 * Takes one place. Returns 'taken', 'full', 'missing' when the row does not exist yet, or 'again'
 * when the row appeared (or freed up) after the update looked: the caller retries.
 */
export async function takePlace(db: Db, key: SlotKey): Promise<'taken' | 'full' | 'missing' | 'again'> {
  const result = await slotWhere(key)(db)
    .set({ reserved: sql`reserved + 1` })
    .where(sql<boolean>`reserved < capacity`)
    .executeTakeFirst();
  if (affected(result) === 1) return 'taken';
  const row = await slotCount(db, key);
  if (!row) return 'missing';
  return Number(row.reserved) >= Number(row.capacity) ? 'full' : 'again';
}

const slotCountRow = compiledOnce((db, serviceId: number, date: string, slotStart: string) =>
  db
    .selectFrom('slot_inventory')
    .select(['reserved', 'capacity'])
    .where('service_id', '=', serviceId)
    .where('date', '=', date)
    .where('slot_start', '=', slotStart),
);

async function slotCount(db: Db, key: SlotKey): Promise<{ reserved: number; capacity: number } | undefined> {
  return (await slotCountRow(db, key.serviceId, key.date, key.slotStart))[0];
}

/**
 * Whether the slot's committed count has reached its capacity: a plain read, no lock and no write,
 * so a flash crowd on a full slot is refused cheaply. A place freed a moment ago is seen at once.
 * A slot nobody booked yet has no row: `planned` is the capacity its row would be made with (a
 * slot planned with no places is full before anyone asks).
 */
export async function slotIsFull(db: Db, key: SlotKey, planned: number): Promise<boolean> {
  const row = await slotCount(db, key);
  return row === undefined ? planned <= 0 : Number(row.reserved) >= Number(row.capacity);
}

export async function releasePlace(db: Db, key: SlotKey): Promise<boolean> {
  const result = await slotWhere(key)(db)
    .set({ reserved: sql`reserved - 1` })
    .where('reserved', '>', 0)
    .executeTakeFirst();
  return affected(result) === 1;
}

export async function slotCounts(db: Db, serviceIds: number[], from: string, to: string): Promise<SlotCount[]> {
  if (serviceIds.length === 0) return [];
  const rows = await db
    .selectFrom('slot_inventory')
    .select(['service_id', 'date', 'slot_start', 'capacity', 'reserved'])
    .where('service_id', 'in', serviceIds)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  return rows.map((r) => ({
    serviceId: r.service_id,
    date: r.date,
    slotStart: r.slot_start,
    capacity: Number(r.capacity),
    reserved: Number(r.reserved),
  }));
}

/** The day's walk-in row: the quota, and `reserve` more numbers for elderly walk-ins (绿色通道). */
export async function ensureWalkInRow(db: Db, serviceId: number, date: string, quota: number, reserve: number): Promise<void> {
  await insertIgnore(db, 'walk_in_inventory', { service_id: serviceId, date, quota, issued: 0, priority_reserve: reserve, priority_issued: 0 });
}

/** Issues one walk-in number of the day's quota; outcomes as for takePlace. */
export async function takeWalkIn(db: Db, serviceId: number, date: string): Promise<'taken' | 'full' | 'missing' | 'again'> {
  const result = await db
    .updateTable('walk_in_inventory')
    .set({ issued: sql`issued + 1` })
    .where('service_id', '=', serviceId)
    .where('date', '=', date)
    .where(sql<boolean>`issued < quota`)
    .executeTakeFirst();
  if (affected(result) === 1) return 'taken';
  const row = await db
    .selectFrom('walk_in_inventory')
    .select(['issued', 'quota'])
    .where('service_id', '=', serviceId)
    .where('date', '=', date)
    .executeTakeFirst();
  if (!row) return 'missing';
  return Number(row.issued) >= Number(row.quota) ? 'full' : 'again';
}

/**
 * 绿色通道: one number of the day's reserve for elderly walk-ins once the quota is used up, taken
 * with one conditional UPDATE like the quota (call it after takeWalkIn answered 'full': the row exists).
 */
export async function takePriorityReserve(db: Db, serviceId: number, date: string): Promise<'taken' | 'full'> {
  const result = await db
    .updateTable('walk_in_inventory')
    .set({ priority_issued: sql`priority_issued + 1` })
    .where('service_id', '=', serviceId)
    .where('date', '=', date)
    .where(sql<boolean>`priority_issued < priority_reserve`)
    .executeTakeFirst();
  return affected(result) === 1 ? 'taken' : 'full';
}

export async function walkInCounts(
  db: Db,
  date: string,
): Promise<Map<number, { quota: number; issued: number; priorityReserve: number; priorityIssued: number }>> {
  const rows = await db
    .selectFrom('walk_in_inventory')
    .select(['service_id', 'quota', 'issued', 'priority_reserve', 'priority_issued'])
    .where('date', '=', date)
    .execute();
  return new Map(
    rows.map((r) => [
      r.service_id,
      { quota: Number(r.quota), issued: Number(r.issued), priorityReserve: Number(r.priority_reserve), priorityIssued: Number(r.priority_issued) },
    ]),
  );
}

export async function allSlotRows(db: Db): Promise<SlotCount[]> {
  const rows = await db.selectFrom('slot_inventory').select(['service_id', 'date', 'slot_start', 'capacity', 'reserved']).execute();
  return rows.map((r) => ({
    serviceId: r.service_id,
    date: r.date,
    slotStart: r.slot_start,
    capacity: Number(r.capacity),
    reserved: Number(r.reserved),
  }));
}

export async function allWalkInRows(
  db: Db,
): Promise<{ serviceId: number; date: string; quota: number; issued: number; priorityReserve: number; priorityIssued: number }[]> {
  const rows = await db.selectFrom('walk_in_inventory').selectAll().execute();
  return rows.map((r) => ({
    serviceId: r.service_id,
    date: r.date,
    quota: Number(r.quota),
    issued: Number(r.issued),
    priorityReserve: Number(r.priority_reserve),
    priorityIssued: Number(r.priority_issued),
  }));
}

/**
 * Applies a slot's new plan to the days already counted (from `fromDate` on) where it fits, and
 * returns the days where it does not: places already booked above the new capacity.
 */
export async function applySlotPlan(
  db: Db,
  p: {
    serviceId: number;
    slotStart: string;
    slotEnd: string;
    capacity: number;
    fromDate: string;
  },
): Promise<{ date: string; reserved: number }[]> {
  await db
    .updateTable('slot_inventory')
    .set({ capacity: p.capacity, slot_end: p.slotEnd })
    .where('service_id', '=', p.serviceId)
    .where('slot_start', '=', p.slotStart)
    .where('date', '>=', p.fromDate)
    .where('reserved', '<=', p.capacity)
    .execute();
  const over = await db
    .selectFrom('slot_inventory')
    .select(['date', 'reserved'])
    .where('service_id', '=', p.serviceId)
    .where('slot_start', '=', p.slotStart)
    .where('date', '>=', p.fromDate)
    .where('reserved', '>', p.capacity)
    .orderBy('date')
    .execute();
  return over.map((r) => ({ date: r.date, reserved: Number(r.reserved) }));
}

/** Days (from `fromDate` on) where a slot that is being removed still holds booked places. */
export async function bookedInSlot(db: Db, serviceId: number, slotStart: string, fromDate: string): Promise<{ date: string; reserved: number }[]> {
  const rows = await db
    .selectFrom('slot_inventory')
    .select(['date', 'reserved'])
    .where('service_id', '=', serviceId)
    .where('slot_start', '=', slotStart)
    .where('date', '>=', fromDate)
    .where('reserved', '>', 0)
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, reserved: Number(r.reserved) }));
}

/**
 * A lower walk-in quota applies to today where it still fits; returns false where it does not.
 * Places released from unused bookings stay on top of the new quota.
 */
export async function applyWalkInQuota(db: Db, serviceId: number, quota: number, fromDate: string): Promise<boolean> {
  const limit = sql<number>`${quota} + released - reclaimed`;
  await db
    .updateTable('walk_in_inventory')
    .set({ quota: limit })
    .where('service_id', '=', serviceId)
    .where('date', '>=', fromDate)
    .where('issued', '<=', limit)
    .execute();
  const over = await db
    .selectFrom('walk_in_inventory')
    .select('date')
    .where('service_id', '=', serviceId)
    .where('date', '>=', fromDate)
    .where('issued', '>', limit)
    .executeTakeFirst();
  return !over;
}

/** Locks every counted slot of a date until the transaction ends (closing a day waits for bookings in flight). */
export async function lockSlotsOn(db: Db, hallId: number | null, date: string): Promise<void> {
  await db
    .updateTable('slot_inventory')
    .set({ reserved: sql`reserved` })
    .where('date', '=', date)
    .$if(hallId !== null, (q) =>
      q.where(
        'service_id',
        'in',
        db
          .selectFrom('service')
          .select('id')
          .where('hall_id', '=', hallId as number),
      ),
    )
    .execute();
}
