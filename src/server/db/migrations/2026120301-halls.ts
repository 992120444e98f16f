// Issue 11: many halls on one deployment. A hall owns its services (the city's catalogue entry
// it offers, with its own schedule), counters, devices, bookings, tickets, live events and
// calendar exceptions; staff belong to a hall, city admins to none.
//
// An existing store becomes its first hall: every row is given to it and nothing is renumbered.
// The first hall's numbers carry no prefix, so a one-hall deployment keeps the seed's 办事编号
// format exactly; every later hall's numbers start with its code (see domain/ticket-number.ts).
// The first hall takes HALL_TZ (default Asia/Shanghai) as its time zone.
import { type Kysely, PostgresAdapter, MysqlAdapter, sql } from 'kysely';
import { idColumn } from './portable.js';

const FIRST_HALL = 1;

function dialectOf(db: Kysely<any>): 'postgres' | 'mysql' | 'sqlite' {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof MysqlAdapter) return 'mysql';
  return 'sqlite';
}

/**
 * Drops a column's inline UNIQUE constraint (a service letter and a counter number become unique
 * per hall). PostgreSQL and MySQL name it; SQLite cannot drop it, so the table is rebuilt from its
 * own definition without the keyword (its rows and ids copied as they are).
 */
async function dropInlineUnique(db: Kysely<any>, table: string, column: string): Promise<void> {
  const dialect = dialectOf(db);
  if (dialect === 'postgres') {
    await sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_${column}_key`).execute(db);
    return;
  }
  if (dialect === 'mysql') {
    await sql.raw(`ALTER TABLE ${table} DROP INDEX ${column}`).execute(db);
    return;
  }
  const { rows } = await sql<{
    sql: string;
  }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ${table}`.execute(db);
  const definition = rows[0]?.sql ?? '';
  const columnDef = new RegExp(`("${column}"[^,]*?) unique`, 'i');
  if (!columnDef.test(definition)) throw new Error(`${table}.${column} has no inline UNIQUE to drop`);
  const rebuilt = definition.replace(columnDef, '$1').replace(/^CREATE TABLE "?\w+"?/i, `CREATE TABLE "${table}__rebuilt"`);
  // Foreign keys must not be enforced while the old table is dropped: migrate.ts turns them off
  // around its transaction (and checks them before the commit); a bare Migrator run (a restore of
  // an older backup) is outside any transaction, where this pragma takes effect.
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await sql.raw(`SAVEPOINT rebuild_${table}`).execute(db);
    await sql.raw(rebuilt).execute(db);
    await sql.raw(`INSERT INTO "${table}__rebuilt" SELECT * FROM "${table}"`).execute(db);
    await sql.raw(`DROP TABLE "${table}"`).execute(db);
    await sql.raw(`ALTER TABLE "${table}__rebuilt" RENAME TO "${table}"`).execute(db);
    await sql.raw(`RELEASE rebuild_${table}`).execute(db);
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  const [idType, idDef] = idColumn(db);
  const now = new Date().toISOString();

  await db.schema
    .createTable('hall')
    .addColumn('id', idType, idDef)
    .addColumn('code', 'varchar(16)', (c) => c.notNull().unique())
    .addColumn('number_prefix', 'varchar(20)', (c) => c.notNull())
    .addColumn('name_zh', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull())
    .addColumn('district_zh', 'varchar(60)', (c) => c.notNull())
    .addColumn('district_en', 'varchar(60)', (c) => c.notNull())
    .addColumn('address_zh', 'varchar(200)', (c) => c.notNull())
    .addColumn('address_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('phone', 'varchar(40)', (c) => c.notNull())
    .addColumn('time_zone', 'varchar(64)', (c) => c.notNull())
    .addColumn('hours_zh', 'varchar(200)', (c) => c.notNull())
    .addColumn('hours_en', 'varchar(200)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db
    .insertInto('hall')
    .values({
      code: 'MAIN',
      number_prefix: '',
      name_zh: '政务服务中心',
      name_en: 'Government Service Centre',
      district_zh: '',
      district_en: '',
      address_zh: '',
      address_en: '',
      phone: '',
      time_zone: process.env.HALL_TZ || 'Asia/Shanghai',
      hours_zh: '',
      hours_en: '',
      sort_order: 1,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();

  // The city's catalogue: a letter means the same service in every hall.
  await db.schema
    .createTable('service_catalog')
    .addColumn('letter', 'varchar(1)', (c) => c.primaryKey())
    .addColumn('name_zh', 'varchar(100)', (c) => c.notNull())
    .addColumn('name_en', 'varchar(100)', (c) => c.notNull())
    .addColumn('bring_zh', 'varchar(1000)', (c) => c.notNull())
    .addColumn('bring_en', 'varchar(1000)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  const services: {
    letter: string;
    name_zh: string;
    name_en: string;
    sort_order: number;
  }[] = await db.selectFrom('service').select(['letter', 'name_zh', 'name_en', 'sort_order']).execute();
  for (const s of services) {
    await db
      .insertInto('service_catalog')
      .values({
        ...s,
        bring_zh: '',
        bring_en: '',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  await dropInlineUnique(db, 'service', 'letter');
  await dropInlineUnique(db, 'counter', 'number');

  for (const table of ['service', 'counter', 'device', 'booking', 'ticket']) {
    await db.schema
      .alterTable(table)
      .addColumn('hall_id', 'integer', (c) => c.notNull().defaultTo(FIRST_HALL))
      .execute();
  }
  // City admins belong to no hall; everyone else to the first.
  await db.schema.alterTable('staff').addColumn('hall_id', 'integer').execute();
  await db.updateTable('staff').set({ role: 'city_admin' }).where('role', '=', 'admin').execute();
  await db.updateTable('staff').set({ hall_id: FIRST_HALL }).where('role', '<>', 'city_admin').execute();
  await db.schema.alterTable('event').addColumn('hall_id', 'integer').execute();
  await db.schema.alterTable('audit_log').addColumn('hall_id', 'integer').execute();
  await db.updateTable('audit_log').set({ hall_id: FIRST_HALL }).execute();
  await db.updateTable('event').set({ hall_id: FIRST_HALL }).execute();

  await db.schema.createIndex('service_hall_letter_uq').on('service').columns(['hall_id', 'letter']).unique().execute();
  await db.schema.createIndex('counter_hall_number_uq').on('counter').columns(['hall_id', 'number']).unique().execute();
  // MySQL names the table of an index it drops; SQLite and PostgreSQL do not take one.
  const dropCallNumbers = db.schema.dropIndex('ticket_call_number_uq');
  await (dialectOf(db) === 'mysql' ? dropCallNumbers.on('ticket') : dropCallNumbers).execute();
  await db.schema.createIndex('ticket_call_number_uq').on('ticket').columns(['hall_id', 'date', 'call_number']).unique().execute();
  // Date first: a hall's day (hall and date given) and the city's day (every hall at once, the
  // overview and the hall list) both read a narrow range.
  await db.schema.createIndex('booking_day_hall_idx').on('booking').columns(['date', 'hall_id', 'status']).execute();
  await db.schema.createIndex('ticket_day_hall_idx').on('ticket').columns(['date', 'hall_id', 'status']).execute();

  // A hall's own calendar exceptions; the city-wide calendar stays in calendar_override.
  await db.schema
    .createTable('hall_calendar_override')
    .addColumn('hall_id', 'integer', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'varchar(100)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(40)', (c) => c.notNull())
    .addPrimaryKeyConstraint('hall_calendar_override_pk', ['hall_id', 'date'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('the halls migration is forward-only');
}
