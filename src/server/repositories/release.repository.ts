// Unused places back to the hall. A slot's release is one conditional UPDATE (released IS NULL),
// so of all the workers and instances that see it due, exactly one releases it; the walk-in quota
// grows in the same transaction.
import { sql } from 'kysely';
import type { SlotKey } from './inventory.repository.js';
import { type Db, affected } from './portable.js';

const slot = (db: Db, key: SlotKey) =>
  db.updateTable('slot_inventory').where('service_id', '=', key.serviceId).where('date', '=', key.date).where('slot_start', '=', key.slotStart);

/** Slots of these services' day that started at or before `latestStart`, hold bookings, and were not released yet. */
export async function unreleasedSlots(db: Db, serviceIds: number[], date: string, latestStart: string): Promise<SlotKey[]> {
  if (serviceIds.length === 0) return [];
  const rows = await db
    .selectFrom('slot_inventory')
    .select(['service_id', 'slot_start'])
    .where('service_id', 'in', serviceIds)
    .where('date', '=', date)
    .where('slot_start', '<=', latestStart)
    .where('released', 'is', null)
    .where('reserved', '>', 0)
    .execute();
  return rows.map((r) => ({ serviceId: r.service_id, date, slotStart: r.slot_start }));
}

/**
 * Marks a slot released with the number of its bookings nobody checked in for, counted by the same
 * statement. Returns that number, or null when another transaction released it first.
 */
export async function releaseSlot(db: Db, key: SlotKey): Promise<number | null> {
  const unchecked = db
    .selectFrom('booking')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('service_id', '=', key.serviceId)
    .where('date', '=', key.date)
    .where('slot_start', '=', key.slotStart)
    .where('status', '=', 'booked');
  const result = await slot(db, key).set({ released: unchecked }).where('released', 'is', null).executeTakeFirst();
  if (affected(result) !== 1) return null;
  const row = await db
    .selectFrom('slot_inventory')
    .select('released')
    .where('service_id', '=', key.serviceId)
    .where('date', '=', key.date)
    .where('slot_start', '=', key.slotStart)
    .executeTakeFirst();
  return Number(row?.released ?? 0);
}

/** Adds released places to the day's walk-in quota; false when the day's walk-in row does not exist yet. */
export async function addReleasedToWalkIns(db: Db, serviceId: number, date: string, places: number): Promise<boolean> {
  const result = await db
    .updateTable('walk_in_inventory')
    .set({ quota: sql`quota + ${places}`, released: sql`released + ${places}` })
    .where('service_id', '=', serviceId)
    .where('date', '=', date)
    .executeTakeFirst();
  return affected(result) === 1;
}

/**
 * A late check-in in a released slot takes a walk-in place back if one is still free (the one
 * released for it, or the next); when walk-ins took them all it is checked in all the same.
 * Returns whether a place was taken back.
 */
export async function reclaimForLateCheckIn(db: Db, key: SlotKey): Promise<boolean> {
  const mine = await slot(db, key)
    .set({ reclaimed: sql`reclaimed + 1` })
    .where('released', 'is not', null)
    .where(sql<boolean>`reclaimed < released`)
    .executeTakeFirst();
  if (affected(mine) !== 1) return false;
  const result = await db
    .updateTable('walk_in_inventory')
    .set({ quota: sql`quota - 1`, reclaimed: sql`reclaimed + 1` })
    .where('service_id', '=', key.serviceId)
    .where('date', '=', key.date)
    .where(sql<boolean>`issued < quota`)
    .where(sql<boolean>`reclaimed < released`)
    .executeTakeFirst();
  return affected(result) === 1;
}

/** Per service on a date: places released to walk-ins, less those taken back (含释放的预约名额). */
export async function releasedOn(db: Db, date: string): Promise<Map<number, number>> {
  const rows = await db.selectFrom('walk_in_inventory').select(['service_id', 'released', 'reclaimed']).where('date', '=', date).execute();
  return new Map(rows.map((r) => [r.service_id, Number(r.released) - Number(r.reclaimed)]));
}

/** Released places less reclaimed ones per service and date in a range, for reports. */
export async function releasedBetween(db: Db, serviceIds: number[], from: string, to: string): Promise<{ serviceId: number; date: string; places: number }[]> {
  if (serviceIds.length === 0) return [];
  const rows = await db
    .selectFrom('walk_in_inventory')
    .select(['service_id', 'date', 'released', 'reclaimed'])
    .where('service_id', 'in', serviceIds)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('released', '>', 0)
    .execute();
  return rows.map((r) => ({ serviceId: r.service_id, date: r.date, places: Number(r.released) - Number(r.reclaimed) }));
}
