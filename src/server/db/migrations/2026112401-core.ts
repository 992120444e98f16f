// Services, per-day inventories, number counters, people, bookings and queue tickets.
import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import { idColumn } from './portable.js';

const at = (c: ColumnDefinitionBuilder) => c.notNull();

export async function up(db: Kysely<any>): Promise<void> {
  const [idType, idDef] = idColumn(db);

  await db.schema
    .createTable('service')
    .addColumn('id', idType, idDef)
    .addColumn('letter', 'varchar(1)', (c) => c.notNull().unique())
    .addColumn('name_zh', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('schedule_json', 'text', (c) => c.notNull())
    .addColumn('queue_order', 'varchar(16)', (c) => c.notNull().defaultTo('priority'))
    .addColumn('created_at', 'varchar(30)', at)
    .addColumn('updated_at', 'varchar(30)', at)
    .execute();

  await db.schema
    .createTable('slot_inventory')
    .addColumn('service_id', 'integer', (c) => c.notNull().references('service.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('slot_start', 'varchar(5)', (c) => c.notNull())
    .addColumn('slot_end', 'varchar(5)', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('slot_inventory_pk', ['service_id', 'date', 'slot_start'])
    .addCheckConstraint('slot_inventory_reserved_range', sql`reserved >= 0 and reserved <= capacity`)
    .execute();

  await db.schema
    .createTable('walk_in_inventory')
    .addColumn('service_id', 'integer', (c) => c.notNull().references('service.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('issued', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('walk_in_inventory_pk', ['service_id', 'date'])
    .addCheckConstraint('walk_in_inventory_issued_range', sql`issued >= 0 and issued <= quota`)
    .execute();

  await db.schema
    .createTable('number_counter')
    .addColumn('service_id', 'integer', (c) => c.notNull().references('service.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('time', 'varchar(5)', (c) => c.notNull())
    .addColumn('last_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('number_counter_pk', ['service_id', 'date', 'time'])
    .execute();

  await db.schema
    .createTable('person')
    .addColumn('id', idType, idDef)
    .addColumn('id_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('id_masked', 'varchar(18)', (c) => c.notNull())
    .addColumn('name', 'varchar(40)')
    .addColumn('lock_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', at)
    .addColumn('updated_at', 'varchar(30)', at)
    .execute();

  await db.schema
    .createTable('booking')
    .addColumn('id', idType, idDef)
    .addColumn('number', 'varchar(24)', (c) => c.notNull().unique())
    .addColumn('service_id', 'integer', (c) => c.notNull().references('service.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('slot_start', 'varchar(5)', (c) => c.notNull())
    .addColumn('slot_end', 'varchar(5)', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('id_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_masked', 'varchar(18)', (c) => c.notNull())
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('phone_masked', 'varchar(11)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('idempotency_hash', 'varchar(64)', (c) => c.unique())
    .addColumn('created_at', 'varchar(30)', at)
    .addColumn('updated_at', 'varchar(30)', at)
    .addColumn('checked_in_at', 'varchar(30)')
    .addColumn('cancelled_at', 'varchar(30)')
    .addColumn('cancel_reason', 'varchar(200)')
    .execute();
  await db.schema.createIndex('booking_person_idx').on('booking').columns(['id_hash', 'date']).execute();
  await db.schema.createIndex('booking_day_idx').on('booking').columns(['service_id', 'date', 'status']).execute();

  await db.schema
    .createTable('ticket')
    .addColumn('id', idType, idDef)
    .addColumn('number', 'varchar(24)', (c) => c.notNull().unique())
    .addColumn('service_id', 'integer', (c) => c.notNull().references('service.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('booking_id', 'integer', (c) => c.unique().references('booking.id'))
    .addColumn('slot_start', 'varchar(5)')
    .addColumn('slot_end', 'varchar(5)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('queued_at', 'varchar(30)', at)
    .addColumn('updated_at', 'varchar(30)', at)
    .execute();
  await db.schema.createIndex('ticket_queue_idx').on('ticket').columns(['service_id', 'date', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['ticket', 'booking', 'person', 'number_counter', 'walk_in_inventory', 'slot_inventory', 'service']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
