// The event outbox: every change writes its event in the same transaction, so live clients and
// replays (Last-Event-ID) see exactly what was committed.
import type { LiveEvent, LiveEventType } from '../../contracts/events.js';
import type { Db } from './portable.js';

export type NewLiveEvent = Omit<LiveEvent, 'id' | 'type'> & {
  type: LiveEventType;
};

export async function appendEvent(db: Db, event: NewLiveEvent): Promise<void> {
  const { type, hallId, serviceId, date, at, ...rest } = event;
  await db
    .insertInto('event')
    .values({
      type,
      hall_id: hallId,
      service_id: serviceId,
      date,
      payload: JSON.stringify(rest),
      created_at: at,
    })
    .execute();
}

export async function eventsAfter(db: Db, afterId: number, limit = 500): Promise<LiveEvent[]> {
  const rows = await db.selectFrom('event').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({
    ...(JSON.parse(r.payload) as Partial<LiveEvent>),
    id: Number(r.id),
    type: r.type,
    hallId: r.hall_id === null ? null : Number(r.hall_id),
    serviceId: r.service_id,
    date: r.date,
    at: r.created_at,
  }));
}

export async function latestEventId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('event')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}
