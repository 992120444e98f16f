// Issue 13, 改约: a booking moved to another slot ends cancelled (reason `rescheduled`) and names
// the booking that replaced it; the new booking names the one it came from and how many moves lie
// behind it (at most 2 per chain). Rows written before this release were never moved: 0 and nulls.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('booking')
    .addColumn('reschedules', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('booking').addColumn('rescheduled_to', 'varchar(40)').execute();
  await db.schema.alterTable('booking').addColumn('rescheduled_from', 'varchar(40)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('booking').dropColumn('rescheduled_from').execute();
  await db.schema.alterTable('booking').dropColumn('rescheduled_to').execute();
  await db.schema.alterTable('booking').dropColumn('reschedules').execute();
}
