// Staff accounts and sessions, devices, counters (窗口), the calling columns of tickets, the event
// outbox behind live updates, and shared rate-limit buckets.
import type { Kysely } from 'kysely';
import { idColumn } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  const [idType, idDef] = idColumn(db);

  await db.schema
    .createTable('staff')
    .addColumn('id', idType, idDef)
    .addColumn('username', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(60)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_session')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .execute();

  await db.schema
    .createTable('device')
    .addColumn('id', idType, idDef)
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .addColumn('last_seen_at', 'varchar(30)')
    .execute();

  await db.schema
    .createTable('counter')
    .addColumn('id', idType, idDef)
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(60)', (c) => c.notNull())
    .addColumn('service_ids', 'varchar(200)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // A ticket being called or served holds its counter in open_counter_id; the UNIQUE index makes
  // "one open ticket per counter" a rule of the store, not of the code.
  await db.schema.alterTable('ticket').addColumn('counter_id', 'integer').execute();
  await db.schema.alterTable('ticket').addColumn('open_counter_id', 'integer').execute();
  await db.schema.alterTable('ticket').addColumn('called_at', 'varchar(30)').execute();
  await db.schema.alterTable('ticket').addColumn('started_at', 'varchar(30)').execute();
  await db.schema.alterTable('ticket').addColumn('finished_at', 'varchar(30)').execute();
  await db.schema.alterTable('ticket').addColumn('call_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('ticket').addColumn('transferred_from', 'integer').execute();
  await db.schema.createIndex('ticket_open_counter_uq').on('ticket').column('open_counter_id').unique().execute();

  await db.schema
    .createTable('event')
    .addColumn('id', idType, idDef)
    .addColumn('type', 'varchar(30)', (c) => c.notNull())
    .addColumn('service_id', 'integer')
    .addColumn('date', 'varchar(10)')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('rate_limit')
    .addColumn('bucket', 'varchar(255)', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_expiry_idx').on('rate_limit').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['rate_limit', 'event', 'counter', 'device', 'staff_session', 'staff']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.dropIndex('ticket_open_counter_uq').ifExists().execute();
  for (const c of ['counter_id', 'open_counter_id', 'called_at', 'started_at', 'finished_at', 'call_count', 'transferred_from']) {
    await db.schema.alterTable('ticket').dropColumn(c).execute();
  }
}
