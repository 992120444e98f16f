import type { ServiceSchedule } from '../../domain/schedule.js';
import type { QueueOrder } from '../../domain/queue-order.js';
import type { ServiceRow } from '../db/schema.js';
import type { Db } from './portable.js';

export interface Service {
  id: number;
  letter: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
  sortOrder: number;
  schedule: ServiceSchedule;
  queueOrder: QueueOrder;
}

function toService(row: ServiceRow): Service {
  return {
    id: row.id,
    letter: row.letter,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    active: Number(row.active) === 1,
    sortOrder: row.sort_order,
    schedule: JSON.parse(row.schedule_json) as ServiceSchedule,
    queueOrder: row.queue_order,
  };
}

export async function listServices(db: Db, opts: { includeInactive?: boolean } = {}): Promise<Service[]> {
  let q = db.selectFrom('service').selectAll().orderBy('sort_order').orderBy('id');
  if (!opts.includeInactive) q = q.where('active', '=', 1);
  return (await q.execute()).map(toService);
}

export async function findService(db: Db, id: number): Promise<Service | undefined> {
  const row = await db.selectFrom('service').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toService(row) : undefined;
}

export interface ServiceFields {
  letter: string;
  nameZh: string;
  nameEn: string;
  schedule: ServiceSchedule;
  queueOrder: QueueOrder;
  sortOrder: number;
}

export async function insertService(db: Db, s: ServiceFields, at: string): Promise<number> {
  await db
    .insertInto('service')
    .values({
      letter: s.letter,
      name_zh: s.nameZh,
      name_en: s.nameEn,
      active: 1,
      sort_order: s.sortOrder,
      schedule_json: JSON.stringify(s.schedule),
      queue_order: s.queueOrder,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const row = await db.selectFrom('service').select('id').where('letter', '=', s.letter).executeTakeFirstOrThrow();
  return row.id;
}

export async function updateService(db: Db, id: number, s: ServiceFields, at: string): Promise<void> {
  await db
    .updateTable('service')
    .set({
      letter: s.letter,
      name_zh: s.nameZh,
      name_en: s.nameEn,
      sort_order: s.sortOrder,
      schedule_json: JSON.stringify(s.schedule),
      queue_order: s.queueOrder,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function setServiceActive(db: Db, id: number, active: boolean, at: string): Promise<void> {
  await db.updateTable('service').set({ active: active ? 1 : 0, updated_at: at }).where('id', '=', id).execute();
}
