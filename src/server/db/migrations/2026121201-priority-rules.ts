// Issue 15, 优先 per hall: a hall's own priority rule (absent: the PRIORITY_* defaults, every group
// honoured), so a one-hall deployment behaves as before. One row per hall; each group is a 0/1 column.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('priority_rule')
    .addColumn('hall_id', 'integer', (c) => c.primaryKey())
    .addColumn('elderly', 'integer', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull())
    .addColumn('pregnant', 'integer', (c) => c.notNull())
    .addColumn('military', 'integer', (c) => c.notNull())
    .addColumn('age', 'integer', (c) => c.notNull())
    .addColumn('max_passes', 'integer', (c) => c.notNull())
    .addColumn('max_extra_minutes', 'integer', (c) => c.notNull())
    .addColumn('reserve', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('priority_rule').execute();
}
