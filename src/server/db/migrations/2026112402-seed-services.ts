// The seed system's four services (业务表), 50 places a day each. Inserted in order so that a
// fresh store numbers them 1-4 on every database.
import type { Kysely } from 'kysely';
import { DEFAULT_SCHEDULE } from '../../../domain/schedule.js';

export const SEED_SERVICES = [
  { letter: 'Y', name_zh: '医社保办理', name_en: 'Medical and social insurance' },
  { letter: 'H', name_zh: '护照通行证办理', name_en: 'Passports and travel permits' },
  { letter: 'F', name_zh: '房产证办理', name_en: 'Property certificates' },
  { letter: 'S', name_zh: '水电煤气业务办理', name_en: 'Water, power and gas' },
];

export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  for (const [i, s] of SEED_SERVICES.entries()) {
    await db
      .insertInto('service')
      .values({
        ...s,
        active: 1,
        sort_order: i + 1,
        schedule_json: JSON.stringify(DEFAULT_SCHEDULE),
        queue_order: 'priority',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('service').where('letter', 'in', SEED_SERVICES.map((s) => s.letter)).execute();
}
