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
    queueOrder: row.queue_order as QueueOrder,
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
