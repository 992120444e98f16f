// RECORD_RETENTION_DAYS (default 1095, 3 years; 0 = off): bookings and tickets of days older than
// that lose their personal fields (ID and phone hashes, masked forms, sealed phone, page tokens),
// and so do the person rows and 短信验证码 left without a purpose. Their status, service and day
// stay, so the reports count the same. The primary's minute housekeeping runs it (runtime.ts)
// beside CONTACT_RETENTION_DAYS; `vreserve check` reports records kept past it.
import { addDays } from '../../domain/schedule.js';
import { countRecordsBefore, eraseRecordsBefore, eraseVerificationsBefore } from '../repositories/person-data.repository.js';
import { type ServiceContext, nowOf } from './context.js';

/** The first day whose records keep their personal fields. */
export function recordCutoff(ctx: ServiceContext, retentionDays: number): string {
  return addDays(nowOf(ctx).local.date, -retentionDays);
}

/**
 * Erases what passed retention. `recentDays` limits the look to the last few days that passed it
 * (the minute-by-minute housekeeping); without it every older day is looked at, and the codes too.
 */
export async function eraseExpiredRecords(ctx: ServiceContext, retentionDays: number, recentDays?: number): Promise<number> {
  const cutoff = recordCutoff(ctx, retentionDays);
  const now = nowOf(ctx);
  const erased = await eraseRecordsBefore(ctx.db, cutoff, now.iso, recentDays ? addDays(cutoff, -recentDays) : undefined);
  if (!recentDays) {
    const before = new Date(now.instant.getTime() - retentionDays * 86_400_000).toISOString();
    await eraseVerificationsBefore(ctx.db, before);
  }
  return erased;
}

export function recordsPastRetention(ctx: ServiceContext, retentionDays: number): Promise<number> {
  return countRecordsBefore(ctx.db, recordCutoff(ctx, retentionDays));
}
