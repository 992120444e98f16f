// 法定节假日 and 调休: days closed, or open although the weekday is not. The city's calendar
// (calendar_override) applies to every hall; a hall's own exceptions (hall_calendar_override)
// take precedence over it on their dates.
import type { DayOverride } from '../../domain/schedule.js';
import { type Db, forUpdate, upsert } from './portable.js';

export interface CalendarDay {
  date: string;
  kind: DayOverride;
  note: string;
  createdAt: string;
  createdBy: string;
}

/** Whose calendar: the city's (null) or one hall's. */
export type CalendarScope = number | null;

async function rowsBetween(db: Db, scope: CalendarScope, from: string, to: string) {
  if (scope === null) {
    return db.selectFrom('calendar_override').selectAll().where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
  }
  return db
    .selectFrom('hall_calendar_override')
    .select(['date', 'kind', 'note', 'created_at', 'created_by'])
    .where('hall_id', '=', scope)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
}

/** What a hall's days are, city calendar and hall exceptions merged (with their notes: 国庆节, 闭馆 …). */
export async function overrideDaysBetween(
  db: Db,
  hallId: number,
  from: string,
  to: string,
): Promise<Map<string, { kind: DayOverride; note: string }>> {
  const days = new Map<string, { kind: DayOverride; note: string }>();
  for (const r of await rowsBetween(db, null, from, to)) days.set(r.date, { kind: r.kind, note: r.note });
  for (const r of await rowsBetween(db, hallId, from, to)) days.set(r.date, { kind: r.kind, note: r.note });
  return days;
}

export async function overridesBetween(db: Db, hallId: number, from: string, to: string): Promise<Map<string, DayOverride>> {
  return new Map([...(await overrideDaysBetween(db, hallId, from, to))].map(([date, d]) => [date, d.kind]));
}

/** One calendar's own exceptions (the city's, or a hall's without the city's). */
export async function listCalendar(db: Db, scope: CalendarScope, from: string, to: string): Promise<CalendarDay[]> {
  const rows = await rowsBetween(db, scope, from, to);
  return rows.map((r) => ({
    date: r.date,
    kind: r.kind,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

export async function upsertOverride(
  db: Db,
  scope: CalendarScope,
  day: {
    date: string;
    kind: DayOverride;
    note: string;
    at: string;
    by: string;
  },
): Promise<void> {
  const changes = {
    kind: day.kind,
    note: day.note,
    created_at: day.at,
    created_by: day.by,
  };
  if (scope === null) {
    await upsert(db, 'calendar_override', { date: day.date, ...changes }, ['date'], changes);
  } else {
    await upsert(db, 'hall_calendar_override', { hall_id: scope, date: day.date, ...changes }, ['hall_id', 'date'], changes);
  }
}

/** The hall's word on a date (its own exception, else the city's), read as committed now and held until the transaction ends. */
export async function overrideOnLocked(db: Db, hallId: number, date: string): Promise<DayOverride | undefined> {
  const own = await forUpdate(
    db,
    db.selectFrom('hall_calendar_override').select('kind').where('hall_id', '=', hallId).where('date', '=', date),
  ).executeTakeFirst();
  const city = await forUpdate(db, db.selectFrom('calendar_override').select('kind').where('date', '=', date)).executeTakeFirst();
  return own?.kind ?? city?.kind;
}

export async function removeOverride(db: Db, scope: CalendarScope, date: string): Promise<boolean> {
  const r =
    scope === null
      ? await db.deleteFrom('calendar_override').where('date', '=', date).executeTakeFirst()
      : await db.deleteFrom('hall_calendar_override').where('hall_id', '=', scope).where('date', '=', date).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Halls with their own word on a date (a city-wide change does not touch their day). */
export async function hallsWithOwnDay(db: Db, date: string): Promise<Set<number>> {
  const rows = await db.selectFrom('hall_calendar_override').select('hall_id').where('date', '=', date).execute();
  return new Set(rows.map((r) => Number(r.hall_id)));
}

/** Every calendar's exceptions in a range at once: the city's, and each hall's own (for answers over many halls). */
export async function allOverridesBetween(
  db: Db,
  from: string,
  to: string,
): Promise<{
  city: Map<string, DayOverride>;
  halls: Map<number, Map<string, DayOverride>>;
}> {
  const city = new Map((await rowsBetween(db, null, from, to)).map((r) => [r.date, r.kind]));
  const rows = await db
    .selectFrom('hall_calendar_override')
    .select(['hall_id', 'date', 'kind'])
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  const halls = new Map<number, Map<string, DayOverride>>();
  for (const r of rows) {
    const id = Number(r.hall_id);
    const days = halls.get(id) ?? new Map<string, DayOverride>();
    days.set(r.date, r.kind);
    halls.set(id, days);
  }
  return { city, halls };
}
