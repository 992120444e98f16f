// Issue 15, 代办: a booking made by someone for another person keeps the agent's ID card as a keyed
// hash (to check in with it at the kiosk and to count the agent's bookings for others) and masked,
// and the relation (子女, 配偶, 其他); the ticket carries the relation so the counter asks for the
// authorisation letter. The booking's phone is the agent's. Only additions.
import type { Kysely } from 'kysely';
import { dropIndexOn } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('booking').addColumn('agent_id_hash', 'varchar(64)').execute();
  await db.schema.alterTable('booking').addColumn('agent_id_masked', 'varchar(20)').execute();
  await db.schema.alterTable('booking').addColumn('agent_relation', 'varchar(10)').execute();
  await db.schema.createIndex('booking_agent').on('booking').columns(['agent_id_hash', 'date']).execute();
  await db.schema.alterTable('ticket').addColumn('agent_relation', 'varchar(10)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('ticket').dropColumn('agent_relation').execute();
  await dropIndexOn(db, 'booking_agent', 'booking');
  for (const column of ['agent_relation', 'agent_id_masked', 'agent_id_hash']) await db.schema.alterTable('booking').dropColumn(column).execute();
}
