// Issue 9: an Idempotency-Key is bound to the whole request (a keyed hash of every field), so a
// reused key with another phone or name is refused instead of replaying someone else's answer.
// The citizen's optional name was stored in clear and never used: it is erased and no longer kept.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('booking').addColumn('request_fingerprint', 'varchar(64)').execute();
  await db.schema.alterTable('person').dropColumn('name').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('person').addColumn('name', 'varchar(40)').execute();
  await db.schema.alterTable('booking').dropColumn('request_fingerprint').execute();
}
