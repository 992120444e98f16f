// Issue 15: 老年人 at a check-in by scanned code. The kiosk reads no ID card then, so the booking keeps
// the person's age in whole years on the booked day, worked out from the card when it was booked;
// the card and its birth date are still not kept. Null for bookings made before. Only an addition.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('booking').addColumn('age_on_day', 'smallint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('booking').dropColumn('age_on_day').execute();
}
