// Issue 10: a passed (过号) ticket can come back once — at the kiosk or by staff — and goes back
// into its queue behind REQUEUE_BEHIND waiting tickets. The ticket remembers when it came back
// and the number it follows.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket').addColumn('requeued_at', 'varchar(30)').execute();
  await db.schema.alterTable('ticket').addColumn('requeue_after', 'varchar(24)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket').dropColumn('requeue_after').execute();
  await db.schema.alterTable('ticket').dropColumn('requeued_at').execute();
}
