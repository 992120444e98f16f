// Issue 14: 好差评. One rating per ticket (UNIQUE ticket_id: two submits at once, from the 评价器 and
// the phone, cannot both land); it keeps the ticket, service, counter, staff member and hall, never
// the citizen's ID or phone. A 差评 opens a case (rating_case) whose steps are kept (rating_case_note).
// An evaluator device is paired to one counter (device.counter_id). Only additions.
import type { Kysely } from 'kysely';
import { idColumn } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  const [idType, idDef] = idColumn(db);
  await db.schema.alterTable('device').addColumn('counter_id', 'integer').execute();
  await db.schema
    .createTable('rating')
    .addColumn('id', idType, idDef)
    .addColumn('hall_id', 'integer', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().unique())
    .addColumn('ticket_number', 'varchar(40)', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.notNull())
    .addColumn('counter_id', 'integer')
    .addColumn('staff_id', 'integer')
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('level', 'varchar(20)', (c) => c.notNull())
    .addColumn('reasons', 'varchar(80)', (c) => c.notNull().defaultTo(''))
    .addColumn('comment', 'varchar(400)')
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rating_hall_date').on('rating').columns(['hall_id', 'date']).execute();
  await db.schema
    .createTable('rating_case')
    .addColumn('id', idType, idDef)
    .addColumn('hall_id', 'integer', (c) => c.notNull())
    .addColumn('rating_id', 'integer', (c) => c.notNull().unique())
    .addColumn('ticket_number', 'varchar(40)', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.notNull())
    .addColumn('counter_id', 'integer')
    .addColumn('staff_id', 'integer')
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('opened_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('opened_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('assignee_id', 'integer')
    .addColumn('rectified_at', 'varchar(30)')
    .addColumn('revisited_at', 'varchar(30)')
    .addColumn('revisit_date', 'varchar(10)')
    .addColumn('revisit_outcome', 'varchar(1000)')
    .addColumn('revisit_level', 'varchar(20)')
    .addColumn('closed_at', 'varchar(30)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rating_case_hall_state').on('rating_case').columns(['hall_id', 'state']).execute();
  await db.schema.createIndex('rating_case_hall_opened').on('rating_case').columns(['hall_id', 'opened_on']).execute();
  await db.schema
    .createTable('rating_case_note')
    .addColumn('id', idType, idDef)
    .addColumn('case_id', 'integer', (c) => c.notNull())
    .addColumn('hall_id', 'integer', (c) => c.notNull())
    .addColumn('from_state', 'varchar(12)')
    .addColumn('to_state', 'varchar(12)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)', (c) => c.notNull())
    .addColumn('actor', 'varchar(80)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rating_case_note_case').on('rating_case_note').columns(['case_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rating_case_note').execute();
  await db.schema.dropTable('rating_case').execute();
  await db.schema.dropTable('rating').execute();
  await db.schema.alterTable('device').dropColumn('counter_id').execute();
}
