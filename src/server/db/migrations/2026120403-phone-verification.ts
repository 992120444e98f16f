// Issue 12: 短信验证码. A code sent to a phone before a booking or a cancel counts: only its keyed
// hash is kept to check it; the phone and the code themselves are sealed (AES-256-GCM) just until
// the message is sent. Rows are counted per phone and per address for the hourly limits.
import type { Kysely } from 'kysely';
import { idColumn } from './portable.js';

export async function up(db: Kysely<any>): Promise<void> {
  const [idType, idDef] = idColumn(db);
  await db.schema
    .createTable('phone_verification')
    .addColumn('id', idType, idDef)
    .addColumn('phone_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('address_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(10)', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('secret_cipher', 'varchar(300)')
    .addColumn('secret_key_id', 'varchar(16)')
    .addColumn('lang', 'varchar(4)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('phone_verification_phone').on('phone_verification').columns(['phone_hash', 'created_at']).execute();
  await db.schema.createIndex('phone_verification_address').on('phone_verification').columns(['address_hash', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('phone_verification').execute();
}
