// 法定节假日 and 调休: days the whole hall is closed, or open although the weekday is not.
import type { DayOverride } from '../../domain/schedule.js';
import { type Db, forUpdate, upsert } from './portable.js';

export interface CalendarDay {
  date: string;
  kind: DayOverride;
  note: string;
  createdAt: string;
  createdBy: string;
}

export async function overridesBetween(db: Db, from: string, to: string): Promise<Map<string, DayOverride>> {
  const rows = await db.selectFrom('calendar_override').select(['date', 'kind']).where('date', '>=', from).where('date', '<=', to).execute();
  return new Map(rows.map((r) => [r.date, r.kind]));
}

/** The calendar's exceptions with their notes (a closed day's note tells citizens why: 国庆节, 闭馆 …). */
export async function overrideDaysBetween(db: Db, from: string, to: string): Promise<Map<string, { kind: DayOverride; note: string }>> {
  const rows = await db
    .selectFrom('calendar_override')
    .select(['date', 'kind', 'note'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  return new Map(rows.map((r) => [r.date, { kind: r.kind, note: r.note }]));
}

export async function listCalendar(db: Db, from: string, to: string): Promise<CalendarDay[]> {
  const rows = await db.selectFrom('calendar_override').selectAll().where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
  return rows.map((r) => ({ date: r.date, kind: r.kind, note: r.note, createdAt: r.created_at, createdBy: r.created_by }));
}

export async function upsertOverride(db: Db, day: { date: string; kind: DayOverride; note: string; at: string; by: string }): Promise<void> {
  const values = { date: day.date, kind: day.kind, note: day.note, created_at: day.at, created_by: day.by };
  await upsert(db, 'calendar_override', values, ['date'], { kind: day.kind, note: day.note, created_at: day.at, created_by: day.by });
}

/** The calendar's word on a date, read as committed now and held until the transaction ends. */
export async function overrideOnLocked(db: Db, date: string): Promise<DayOverride | undefined> {
  const row = await forUpdate(db, db.selectFrom('calendar_override').select('kind').where('date', '=', date)).executeTakeFirst();
  return row?.kind;
}

export async function removeOverride(db: Db, date: string): Promise<boolean> {
  const r = await db.deleteFrom('calendar_override').where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
