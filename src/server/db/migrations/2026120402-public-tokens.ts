// Issue 12: every booking and every walk-in ticket gets an unguessable public token (16 random
// bytes, base64url) for its page /t/<token> and the QR codes that carry it. A check-in ticket
// carries its booking's token, so the QR on the confirmation keeps working after check-in.
//
// Rows written before this release get tokens here, a batch at a time. Old instances that keep
// running during a rolling upgrade write rows without one (the columns are nullable); those rows
// simply have no page, as before.
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { dropIndexOn } from './portable.js';

const BATCH = 500;

const newToken = () => randomBytes(16).toString('base64url');

/** Gives every row of `table` that has none a fresh token, `BATCH` rows per UPDATE. */
async function fillTokens(db: Kysely<any>, table: 'booking' | 'ticket'): Promise<void> {
  for (;;) {
    const rows: { id: number }[] = await db
      .selectFrom(table)
      .select('id')
      .where('public_token', 'is', null)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return;
    const ids = rows.map((r) => Number(r.id));
    const cases = sql.join(ids.map((id) => sql`WHEN ${id} THEN ${newToken()}`), sql` `);
    await sql`UPDATE ${sql.table(table)} SET public_token = CASE id ${cases} END WHERE id IN (${sql.join(ids)})`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('booking').addColumn('public_token', 'varchar(32)').execute();
  await db.schema.alterTable('ticket').addColumn('public_token', 'varchar(32)').execute();
  await fillTokens(db, 'booking');
  // A check-in ticket shares its booking's token (one ticket per booking: it carries the number).
  await sql`UPDATE ticket SET public_token = (SELECT b.public_token FROM booking b WHERE b.id = ticket.booking_id)
    WHERE kind = 'booking' AND booking_id IS NOT NULL`.execute(db);
  await fillTokens(db, 'ticket');
  await db.schema.createIndex('booking_public_token_uq').on('booking').column('public_token').unique().execute();
  await db.schema.createIndex('ticket_public_token_uq').on('ticket').column('public_token').unique().execute();
}


export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexOn(db, 'ticket_public_token_uq', 'ticket');
  await dropIndexOn(db, 'booking_public_token_uq', 'booking');
  await db.schema.alterTable('ticket').dropColumn('public_token').execute();
  await db.schema.alterTable('booking').dropColumn('public_token').execute();
}
