// 窗口: the counters where staff call numbers, and the services each one serves.
import type { Db } from './portable.js';

export interface HallCounter {
  id: number;
  hallId: number;
  number: number;
  name: string;
  serviceIds: number[];
  active: boolean;
}

function toCounter(r: { id: number; hall_id: number; number: number; name: string; service_ids: string; active: number }): HallCounter {
  return {
    id: r.id,
    hallId: Number(r.hall_id),
    number: Number(r.number),
    name: r.name,
    serviceIds: JSON.parse(r.service_ids) as number[],
    active: Number(r.active) === 1,
  };
}

const columns = ['id', 'hall_id', 'number', 'name', 'service_ids', 'active'] as const;

export async function listCounters(db: Db, hallId: number): Promise<HallCounter[]> {
  const rows = await db.selectFrom('counter').select(columns).where('hall_id', '=', hallId).where('active', '=', 1).orderBy('number').execute();
  return rows.map(toCounter);
}

export async function findCounterByNumber(db: Db, hallId: number, number: number): Promise<HallCounter | undefined> {
  const r = await db.selectFrom('counter').select(columns).where('hall_id', '=', hallId).where('number', '=', number).executeTakeFirst();
  return r ? toCounter(r) : undefined;
}

export async function findCounterById(db: Db, id: number): Promise<HallCounter | undefined> {
  const r = await db.selectFrom('counter').select(columns).where('id', '=', id).executeTakeFirst();
  return r ? toCounter(r) : undefined;
}

export async function insertCounter(
  db: Db,
  c: {
    hallId: number;
    number: number;
    name: string;
    serviceIds: number[];
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('counter')
    .values({
      hall_id: c.hallId,
      number: c.number,
      name: c.name,
      service_ids: JSON.stringify(c.serviceIds),
      active: 1,
      created_at: c.at,
      updated_at: c.at,
    })
    .execute();
}

export async function updateCounter(db: Db, id: number, c: { name: string; serviceIds: number[]; at: string }): Promise<void> {
  await db
    .updateTable('counter')
    .set({ name: c.name, service_ids: JSON.stringify(c.serviceIds), active: 1, updated_at: c.at })
    .where('id', '=', id)
    .execute();
}
