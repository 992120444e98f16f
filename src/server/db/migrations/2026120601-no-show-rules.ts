// Issue 13, 爽约: a hall's own no-show rule (absent: the NO_SHOW_* defaults), and the blocks an
// admin lifted. Misses themselves are not stored twice: they are the bookings (missed, or
// cancelled late), read when needed. A lift forgives the misses before it, so it is one row.
import type { Kysely } from 'kysely';
import { idColumn } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('no_show_rule')
    .addColumn('hall_id', 'integer', (c) => c.primaryKey())
    .addColumn('miss_limit', 'integer', (c) => c.notNull())
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('block_days', 'integer', (c) => c.notNull())
    .addColumn('late_cancel', 'integer', (c) => c.notNull())
    .addColumn('late_cancel_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
    .execute();
  const [idType, idDef] = idColumn(db);
  await db.schema
    .createTable('no_show_lift')
    .addColumn('id', idType, idDef)
    .addColumn('hall_id', 'integer', (c) => c.notNull())
    .addColumn('id_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('lifted_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('lifted_local', 'varchar(16)', (c) => c.notNull())
    .addColumn('actor', 'varchar(100)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('no_show_lift_person').on('no_show_lift').columns(['hall_id', 'id_hash']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('no_show_lift').execute();
  await db.schema.dropTable('no_show_rule').execute();
}
