// Four counters (窗口) to start with, one per seed service; staff can change them at the console.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  const services = await db.selectFrom('service').select(['id', 'sort_order']).orderBy('sort_order').orderBy('id').execute();
  for (const [i, s] of services.slice(0, 4).entries()) {
    await db
      .insertInto('counter')
      .values({ number: i + 1, name: `${i + 1} 号窗口`, service_ids: JSON.stringify([s.id]), active: 1, created_at: now, updated_at: now })
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('counter').where('number', 'in', [1, 2, 3, 4]).execute();
}
