// Shared rate-limit buckets: one row per (key, window), counted up in a single statement so that
// parallel requests from any worker or instance never lose or double a hit.
import { MysqlAdapter, sql } from 'kysely';
import type { Db } from './portable.js';

/**
 * Adds one hit to `bucket` (creating it with `expiresAtMs`) and returns the bucket's count
 * including this hit. The increment and the read are one statement: RETURNING on SQLite and
 * PostgreSQL; on MySQL the new count travels back as LAST_INSERT_ID(expr) in the OK packet
 * (MySQL has no RETURNING, and a separate SELECT could see other requests' hits).
 */
export async function incrementBucket(db: Db, bucket: string, expiresAtMs: number): Promise<number> {
  if (db.getExecutor().adapter instanceof MysqlAdapter) {
    const result = await db
      .insertInto('rate_limit')
      .values({ bucket, hits: sql<number>`last_insert_id(1)`, expires_at: expiresAtMs })
      .onDuplicateKeyUpdate({ hits: sql<number>`last_insert_id(hits + 1)` })
      .executeTakeFirstOrThrow();
    const hits = Number(result.insertId ?? 0n);
    if (hits < 1) throw new Error('rate_limit: the database did not report the new count');
    return hits;
  }
  const row = await db
    .insertInto('rate_limit')
    .values({ bucket, hits: 1, expires_at: expiresAtMs })
    .onConflict((oc) => oc.column('bucket').doUpdateSet({ hits: (eb) => eb('rate_limit.hits', '+', 1) }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  return Number(row.hits);
}

/** Drops one bucket (its count starts again from zero). */
export async function deleteBucket(db: Db, bucket: string): Promise<void> {
  await db.deleteFrom('rate_limit').where('bucket', '=', bucket).execute();
}

/** Drops buckets whose window ended before `nowMs`; returns how many went. */
export async function deleteExpiredBuckets(db: Db, nowMs: number): Promise<number> {
  const result = await db.deleteFrom('rate_limit').where('expires_at', '<', nowMs).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0n);
}

/** The count of a bucket, or 0 when it does not exist (for tests and diagnostics). */
export async function bucketHits(db: Db, bucket: string): Promise<number> {
  const row = await db.selectFrom('rate_limit').select('hits').where('bucket', '=', bucket).executeTakeFirst();
  return Number(row?.hits ?? 0);
}
