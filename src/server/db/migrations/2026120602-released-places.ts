// Issue 13, unused places back to the hall: RELEASE_AFTER_MINUTES after a slot starts, its places
// nobody checked in for join the day's walk-in quota. `slot_inventory.released` is set once (null
// until then: the conditional update that sets it is what makes a release happen exactly once,
// whichever worker gets there); `reclaimed` counts late check-ins that took such a place back.
// `walk_in_inventory.released/reclaimed` are what the kiosk and the today screen show.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('slot_inventory').addColumn('released', 'integer').execute();
  await db.schema.alterTable('slot_inventory').addColumn('reclaimed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('walk_in_inventory').addColumn('released', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('walk_in_inventory').addColumn('reclaimed', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('walk_in_inventory').dropColumn('reclaimed').execute();
  await db.schema.alterTable('walk_in_inventory').dropColumn('released').execute();
  await db.schema.alterTable('slot_inventory').dropColumn('reclaimed').execute();
  await db.schema.alterTable('slot_inventory').dropColumn('released').execute();
}
