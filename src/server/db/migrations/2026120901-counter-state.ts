// Issue 14: who served, and counter state. A counter is open, paused (with a reason) or closed;
// each pause is kept (counter_pause) for the reports' time paused. Each ticket remembers the staff
// member who called it, who started it and who ended it (办结 or 过号). Only additions: a release
// before this one keeps working on the new schema (its counters stay open, its tickets unnamed).
import type { Kysely } from 'kysely';
import { idColumn } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('counter').addColumn('state', 'varchar(10)', (c) => c.notNull().defaultTo('open')).execute();
  await db.schema.alterTable('counter').addColumn('state_since', 'varchar(30)').execute();
  await db.schema.alterTable('ticket').addColumn('called_by', 'integer').execute();
  await db.schema.alterTable('ticket').addColumn('started_by', 'integer').execute();
  await db.schema.alterTable('ticket').addColumn('finished_by', 'integer').execute();
  const [idType, idDef] = idColumn(db);
  await db.schema
    .createTable('counter_pause')
    .addColumn('id', idType, idDef)
    .addColumn('hall_id', 'integer', (c) => c.notNull())
    .addColumn('counter_id', 'integer', (c) => c.notNull())
    .addColumn('reason', 'varchar(12)', (c) => c.notNull())
    .addColumn('note', 'varchar(160)')
    .addColumn('staff_id', 'integer')
    .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ended_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('counter_pause_counter').on('counter_pause').columns(['counter_id', 'started_at']).execute();
  await db.schema.createIndex('counter_pause_hall').on('counter_pause').columns(['hall_id', 'started_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('counter_pause').execute();
  for (const column of ['finished_by', 'started_by', 'called_by']) await db.schema.alterTable('ticket').dropColumn(column).execute();
  for (const column of ['state_since', 'state']) await db.schema.alterTable('counter').dropColumn(column).execute();
}
