// Issue 15: 优先 tickets. A ticket carries its priority group (never the birth date or the ID card
// it came from), how many priority tickets were called ahead of it in a row and when the first
// was; the day's walk-in row counts the 绿色通道 numbers issued beyond the quota. Only additions.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket').addColumn('priority', 'varchar(12)').execute();
  await db.schema.alterTable('ticket').addColumn('priority_passes', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('ticket').addColumn('priority_passed_at', 'varchar(30)').execute();
  await db.schema.alterTable('walk_in_inventory').addColumn('priority_reserve', 'integer', (c) => c.notNull().defaultTo(5)).execute();
  await db.schema.alterTable('walk_in_inventory').addColumn('priority_issued', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['priority_issued', 'priority_reserve']) await db.schema.alterTable('walk_in_inventory').dropColumn(column).execute();
  for (const column of ['priority_passed_at', 'priority_passes', 'priority']) await db.schema.alterTable('ticket').dropColumn(column).execute();
}
