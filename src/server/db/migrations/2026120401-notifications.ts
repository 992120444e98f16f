// Issue 12: text messages to citizens. A booking keeps its phone encrypted (AES-256-GCM, with the
// id of the key) so that messages can be sent, whether the citizen wants them, and the language
// they booked in. `notification` is the messages' outbox: written in the transaction of the change
// that causes it, claimed by senders with a lease, one row per cause (the UNIQUE `cause`).
import type { Kysely } from 'kysely';
import { idColumn } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  const [idType, idDef] = idColumn(db);
  await db.schema.alterTable('booking').addColumn('phone_cipher', 'varchar(200)').execute();
  await db.schema.alterTable('booking').addColumn('phone_key_id', 'varchar(16)').execute();
  await db.schema.alterTable('booking').addColumn('notify', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('booking').addColumn('lang', 'varchar(4)', (c) => c.notNull().defaultTo('zh')).execute();
  // Rotation finds the rows of old keys; retention finds old rows that still hold a number.
  await db.schema.createIndex('booking_phone_key').on('booking').column('phone_key_id').execute();

  await db.schema
    .createTable('notification')
    .addColumn('id', idType, idDef)
    .addColumn('hall_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('cause', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('booking_id', 'integer')
    .addColumn('ticket_id', 'integer')
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('lang', 'varchar(4)', (c) => c.notNull())
    .addColumn('params', 'varchar(2000)', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('lease_until', 'varchar(30)')
    .addColumn('lease_owner', 'varchar(60)')
    .addColumn('gateway_id', 'varchar(100)')
    .addColumn('error', 'varchar(300)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('notification_due').on('notification').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('notification_hall').on('notification').columns(['hall_id', 'created_at']).execute();
  await db.schema.createIndex('notification_booking').on('notification').column('booking_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification').execute();
  await db.schema.dropIndex('booking_phone_key').on('booking').execute();
  for (const c of ['lang', 'notify', 'phone_key_id', 'phone_cipher']) await db.schema.alterTable('booking').dropColumn(c).execute();
}
