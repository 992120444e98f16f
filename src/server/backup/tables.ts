// The tables a backup holds, in the order a restore can insert them (every row's parents come
// first), with the key that orders their rows. A test compares this list with the tables the
// migrations create, so a new table cannot be left out of backups by accident.

export interface BackupTable {
  name: string;
  /** Primary key columns: rows are read in this order, a page at a time. */
  key: string[];
  /** The key is a generated id (serial / auto-increment) whose sequence a restore moves past the rows. */
  generatedId: boolean;
}

const id = (name: string): BackupTable => ({ name, key: ['id'], generatedId: true });
const keyed = (name: string, ...key: string[]): BackupTable => ({ name, key, generatedId: false });

export const BACKUP_TABLES: readonly BackupTable[] = [
  id('hall'),
  keyed('service_catalog', 'letter'),
  id('service'),
  id('counter'),
  id('person'),
  id('booking'),
  id('ticket'),
  keyed('slot_inventory', 'service_id', 'date', 'slot_start'),
  keyed('walk_in_inventory', 'service_id', 'date'),
  keyed('number_counter', 'service_id', 'date', 'time'),
  id('staff'),
  keyed('staff_session', 'token_hash'),
  id('device'),
  keyed('calendar_override', 'date'),
  keyed('hall_calendar_override', 'hall_id', 'date'),
  id('audit_log'),
  id('event'),
  id('notification'),
  id('counter_pause'),
  keyed('no_show_rule', 'hall_id'),
  id('no_show_lift'),
  id('waitlist_entry'),
  id('waitlist_hold'),
  id('webhook_endpoint'),
  keyed('webhook_cursor', 'name'),
  id('webhook_delivery'),
  id('rating'),
  id('rating_case'),
  id('rating_case_note'),
  keyed('priority_rule', 'hall_id'),
];

/**
 * Not backed up: rate-limit counters are a minute's worth of throttling, worthless after a
 * restore; verification codes live five minutes. The migration bookkeeping is rebuilt by running the backup's migrations.
 */
export const SKIPPED_TABLES: readonly string[] = ['rate_limit', 'phone_verification'];
export const MIGRATION_TABLES: readonly string[] = ['kysely_migration', 'kysely_migration_lock'];

/**
 * Tables whose rows a fresh store gets from its migrations (the four seed services and their
 * counters): they do not make a store "in use".
 */
export const SEEDED_TABLES: readonly string[] = ['hall', 'service_catalog', 'service', 'counter'];

export function backupTable(name: string): BackupTable | undefined {
  return BACKUP_TABLES.find((t) => t.name === name);
}
