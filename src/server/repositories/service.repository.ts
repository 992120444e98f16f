import type { ServiceSchedule } from '../../domain/schedule.js';
import type { QueueOrder } from '../../domain/queue-order.js';
import type { Selectable } from 'kysely';
import type { Database, ServiceRow } from '../db/schema.js';
import { compiledOnce } from './compiled-once.js';
import type { Db } from './portable.js';

/** A hall's offering of a catalogue service (names are the catalogue's, kept on the row). */
export interface Service {
  id: number;
  hallId: number;
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
    hallId: Number(row.hall_id),
    letter: row.letter,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    active: Number(row.active) === 1,
    sortOrder: row.sort_order,
    schedule: JSON.parse(row.schedule_json) as ServiceSchedule,
    queueOrder: row.queue_order,
  };
}

/** A hall's services (hallId null: every hall's, for city-wide answers). */
export async function listServices(db: Db, hallId: number | null, opts: { includeInactive?: boolean } = {}): Promise<Service[]> {
  let q = db.selectFrom('service').selectAll().orderBy('sort_order').orderBy('id');
  if (hallId !== null) q = q.where('hall_id', '=', hallId);
  if (!opts.includeInactive) q = q.where('active', '=', 1);
  return (await q.execute()).map(toService);
}

const serviceRow = compiledOnce((db, id: number) => db.selectFrom('service').selectAll().where('id', '=', id));

export async function findService(db: Db, id: number): Promise<Service | undefined> {
  const [row] = await serviceRow(db, id);
  return row ? toService(row) : undefined;
}

export async function findServicesByIds(db: Db, ids: number[]): Promise<Service[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('service').selectAll().where('id', 'in', ids).execute()).map(toService);
}

export interface ServiceFields {
  letter: string;
  nameZh: string;
  nameEn: string;
  schedule: ServiceSchedule;
  queueOrder: QueueOrder;
  sortOrder: number;
}

export async function insertService(db: Db, hallId: number, s: ServiceFields, at: string): Promise<number> {
  await db
    .insertInto('service')
    .values({
      hall_id: hallId,
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
  const row = await db
    .selectFrom('service')
    .select('id')
    .where('hall_id', '=', hallId)
    .where('letter', '=', s.letter)
    .executeTakeFirstOrThrow();
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

// The city's catalogue (服务目录): a letter means the same service in every hall.

export interface CatalogEntry {
  letter: string;
  nameZh: string;
  nameEn: string;
  bringZh: string;
  bringEn: string;
  sortOrder: number;
}

type CatalogRow = Selectable<Database['service_catalog']>;

const catalogEntry = (r: CatalogRow): CatalogEntry => ({
  letter: r.letter,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  bringZh: r.bring_zh,
  bringEn: r.bring_en,
  sortOrder: r.sort_order,
});

export async function listCatalog(db: Db): Promise<CatalogEntry[]> {
  const rows = await db.selectFrom('service_catalog').selectAll().orderBy('sort_order').orderBy('letter').execute();
  return rows.map(catalogEntry);
}

/** One letter's entry (every booking that sends messages reads it: one row, not the catalogue). */
const catalogRow = compiledOnce((db, letter: string) => db.selectFrom('service_catalog').selectAll().where('letter', '=', letter));

export async function findCatalogEntry(db: Db, letter: string): Promise<CatalogEntry | undefined> {
  const [row] = await catalogRow(db, letter);
  return row ? catalogEntry(row) : undefined;
}

/** Adds or changes a catalogue entry; every hall's offering of the letter takes the new names. */
export async function saveCatalogEntry(db: Db, e: CatalogEntry, at: string): Promise<void> {
  const values = {
    name_zh: e.nameZh,
    name_en: e.nameEn,
    bring_zh: e.bringZh,
    bring_en: e.bringEn,
    sort_order: e.sortOrder,
    updated_at: at,
  };
  const changed = await db.updateTable('service_catalog').set(values).where('letter', '=', e.letter).executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) {
    await db
      .insertInto('service_catalog')
      .values({ letter: e.letter, ...values, created_at: at })
      .execute();
  }
  await db.updateTable('service').set({ name_zh: e.nameZh, name_en: e.nameEn, updated_at: at }).where('letter', '=', e.letter).execute();
}
