// Issue 14: signed webhooks out. `webhook_endpoint`: where a hall's (or, hall_id null, every hall's)
// events are POSTed, its signing secret sealed like a phone (AES-256-GCM under a data key), and the
// last event before it was made (it gets nothing older). `webhook_cursor`: one row ('events'), the last event
// id fanned out into deliveries, moved by a conditional UPDATE so one worker fans out each range.
// `webhook_delivery`: the outbox of deliveries, claimed with a lease; one per endpoint and event.
import type { Kysely } from 'kysely';
import { idColumn } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  const [idType, idDef] = idColumn(db);
  await db.schema
    .createTable('webhook_endpoint')
    .addColumn('id', idType, idDef)
    .addColumn('hall_id', 'integer')
    .addColumn('url', 'varchar(500)', (c) => c.notNull())
    .addColumn('events', 'varchar(400)', (c) => c.notNull())
    .addColumn('secret_cipher', 'varchar(400)', (c) => c.notNull())
    .addColumn('secret_key_id', 'varchar(16)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('since_event_id', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(60)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_endpoint_hall').on('webhook_endpoint').column('hall_id').execute();

  await db.schema
    .createTable('webhook_cursor')
    .addColumn('name', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('last_event_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_delivery')
    .addColumn('id', idType, idDef)
    .addColumn('endpoint_id', 'integer', (c) => c.notNull())
    .addColumn('hall_id', 'integer')
    .addColumn('event_id', 'integer')
    .addColumn('event_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('number', 'varchar(40)')
    .addColumn('order_key', 'varchar(60)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_attempt_at', 'varchar(30)')
    .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('lease_until', 'varchar(30)')
    .addColumn('lease_owner', 'varchar(60)')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'varchar(300)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('delivered_at', 'varchar(30)')
    .addUniqueConstraint('webhook_delivery_event', ['endpoint_id', 'event_id'])
    .execute();
  await db.schema.createIndex('webhook_delivery_due').on('webhook_delivery').columns(['status', 'next_attempt_at']).execute();
  // The order check: an earlier delivery of the same endpoint and number still pending.
  await db.schema.createIndex('webhook_delivery_order').on('webhook_delivery').columns(['endpoint_id', 'order_key', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_delivery').execute();
  await db.schema.dropTable('webhook_cursor').execute();
  await db.schema.dropTable('webhook_endpoint').execute();
}
