// Issue 13: 候补 (waiting list). An entry waits for a full day (slot_start null) or a full slot of
// a service. A hold is one place of slot_inventory kept for one entry until it is accepted or
// expires (expires_at: by time, never by a process); while held it is counted in `reserved`, so
// booked + held never passes capacity. The phone is kept sealed only for the offer's message.
import type { Kysely } from 'kysely';
import { idColumn } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  const [idType, idDef] = idColumn(db);
  await db.schema
    .createTable('waitlist_entry')
    .addColumn('id', idType, idDef)
    .addColumn('hall_id', 'integer', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('slot_start', 'varchar(5)')
    .addColumn('id_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_masked', 'varchar(32)', (c) => c.notNull())
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('phone_masked', 'varchar(32)', (c) => c.notNull())
    .addColumn('phone_cipher', 'varchar(300)')
    .addColumn('phone_key_id', 'varchar(16)')
    .addColumn('notify', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('lang', 'varchar(4)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('offers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('booking_number', 'varchar(40)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('waitlist_entry_line').on('waitlist_entry').columns(['service_id', 'date', 'status', 'id']).execute();
  await db.schema.createIndex('waitlist_entry_person').on('waitlist_entry').columns(['id_hash', 'phone_hash']).execute();

  await db.schema
    .createTable('waitlist_hold')
    .addColumn('id', idType, idDef)
    .addColumn('entry_id', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('hall_id', 'integer', (c) => c.notNull())
    .addColumn('service_id', 'integer', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('slot_start', 'varchar(5)', (c) => c.notNull())
    .addColumn('slot_end', 'varchar(5)', (c) => c.notNull())
    .addColumn('token', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('booking_number', 'varchar(40)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('waitlist_hold_entry_n', ['entry_id', 'n'])
    .execute();
  await db.schema.createIndex('waitlist_hold_due').on('waitlist_hold').columns(['status', 'expires_at']).execute();
  await db.schema.createIndex('waitlist_hold_slot').on('waitlist_hold').columns(['service_id', 'date', 'slot_start', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('waitlist_hold').execute();
  await db.schema.dropTable('waitlist_entry').execute();
}
