// Issue 10: a ticket remembers the service that issued it. A transfer moves a ticket to another
// service's queue; the walk-in counts per service (reports, the walk-in quota check) belong to the
// service whose quota the number came from. Existing tickets: a check-in ticket's booking names
// its service; a walk-in's first service is `transferred_from` when it was moved once (tickets
// moved twice before this migration keep the service of their last move).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket').addColumn('issued_service_id', 'integer').execute();
  await sql`UPDATE ticket SET issued_service_id = COALESCE(
    (SELECT booking.service_id FROM booking WHERE booking.id = ticket.booking_id),
    transferred_from,
    service_id
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket').dropColumn('issued_service_id').execute();
}
