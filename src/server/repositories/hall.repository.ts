// 大厅: the city's service centres. Halls are few and change rarely; services/hall-directory.ts
// keeps them in memory for a moment.
import type { Selectable } from 'kysely';
import type { HallTable } from '../db/schema.js';
import type { Db } from './portable.js';

export interface Hall {
  id: number;
  code: string;
  numberPrefix: string;
  nameZh: string;
  nameEn: string;
  districtZh: string;
  districtEn: string;
  addressZh: string;
  addressEn: string;
  phone: string;
  timeZone: string;
  hoursZh: string;
  hoursEn: string;
  sortOrder: number;
  active: boolean;
}

function toHall(r: Selectable<HallTable>): Hall {
  return {
    id: Number(r.id),
    code: r.code,
    numberPrefix: r.number_prefix,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    districtZh: r.district_zh,
    districtEn: r.district_en,
    addressZh: r.address_zh,
    addressEn: r.address_en,
    phone: r.phone,
    timeZone: r.time_zone,
    hoursZh: r.hours_zh,
    hoursEn: r.hours_en,
    sortOrder: r.sort_order,
    active: Number(r.active) === 1,
  };
}

/** Every hall, active or not, in the city's order. */
export async function listHalls(db: Db): Promise<Hall[]> {
  return (await db.selectFrom('hall').selectAll().orderBy('sort_order').orderBy('id').execute()).map(toHall);
}

export type HallFields = Omit<Hall, 'id' | 'numberPrefix' | 'active'>;

function columns(h: HallFields) {
  return {
    code: h.code,
    name_zh: h.nameZh,
    name_en: h.nameEn,
    district_zh: h.districtZh,
    district_en: h.districtEn,
    address_zh: h.addressZh,
    address_en: h.addressEn,
    phone: h.phone,
    time_zone: h.timeZone,
    hours_zh: h.hoursZh,
    hours_en: h.hoursEn,
    sort_order: h.sortOrder,
  };
}

export async function insertHall(db: Db, h: HallFields & { numberPrefix: string }, at: string): Promise<number> {
  await db
    .insertInto('hall')
    .values({
      ...columns(h),
      number_prefix: h.numberPrefix,
      active: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const row = await db.selectFrom('hall').select('id').where('code', '=', h.code).executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateHall(db: Db, id: number, h: HallFields & { active: boolean }, at: string): Promise<void> {
  await db
    .updateTable('hall')
    .set({ ...columns(h), active: h.active ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function countHalls(db: Db): Promise<number> {
  const row = await db
    .selectFrom('hall')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
