// Issue 10: every ticket gets a short call number per service and day (Y001, Y002, …) — what the
// hall calls out, prints largest and shows on the board. Numbers come from the same counter table
// as the 办事编号 (key time 'call'), and a unique index backs them up.
//
// Tickets issued before this release get numbers too, in the order they were issued, per the
// service that issued them and day, so a hall upgraded mid-day keeps calling without a gap.
import type { Kysely } from 'kysely';

const CALL = 'call';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket').addColumn('call_number', 'varchar(8)').execute();

  const tickets: { id: number; number: string; service_id: number; transferred_from: number | null; date: string }[] = await db
    .selectFrom('ticket')
    .select(['id', 'number', 'service_id', 'transferred_from', 'date'])
    .orderBy('date')
    .orderBy('queued_at')
    .orderBy('id')
    .execute();
  const last = new Map<string, { serviceId: number; date: string; n: number }>();
  for (const t of tickets) {
    const serviceId = t.transferred_from ?? t.service_id;
    const key = `${serviceId}|${t.date}`;
    const entry = last.get(key) ?? { serviceId, date: t.date, n: 0 };
    entry.n += 1;
    last.set(key, entry);
    // The 办事编号 starts with the issuing service's letter.
    const callNumber = `${t.number.slice(0, 1)}${String(entry.n).padStart(3, '0')}`;
    await db.updateTable('ticket').set({ call_number: callNumber }).where('id', '=', t.id).execute();
  }
  for (const { serviceId, date, n } of last.values()) {
    await db.insertInto('number_counter').values({ service_id: serviceId, date, time: CALL, last_order: n }).execute();
  }
  await db.schema.createIndex('ticket_call_number_uq').on('ticket').columns(['date', 'call_number']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('ticket_call_number_uq').on('ticket').execute();
  await db.deleteFrom('number_counter').where('time', '=', CALL).execute();
  await db.schema.alterTable('ticket').dropColumn('call_number').execute();
}
