// The order part of 办事编号, drawn from a counter row per (service, date, HH:mm) inside the
// caller's transaction. The row lock makes concurrent callers wait for each other.
import { sql } from 'kysely';
import { type Db, affected, insertIgnore } from './portable.js';

export interface CounterKey {
  serviceId: number;
  date: string;
  time: string;
}

export async function ensureCounter(db: Db, key: CounterKey): Promise<void> {
  await insertIgnore(db, 'number_counter', { service_id: key.serviceId, date: key.date, time: key.time, last_order: 0 });
}

/** The next order for the key, or null when the counter row does not exist yet. */
export async function nextOrder(db: Db, key: CounterKey): Promise<number | null> {
  const updated = await db
    .updateTable('number_counter')
    .set({ last_order: sql`last_order + 1` })
    .where('service_id', '=', key.serviceId)
    .where('date', '=', key.date)
    .where('time', '=', key.time)
    .executeTakeFirst();
  if (affected(updated) !== 1) return null;
  const row = await db
    .selectFrom('number_counter')
    .select('last_order')
    .where('service_id', '=', key.serviceId)
    .where('date', '=', key.date)
    .where('time', '=', key.time)
    .executeTakeFirstOrThrow();
  return Number(row.last_order);
}
