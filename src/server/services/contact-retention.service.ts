// Phone numbers are kept only to send messages, and only for CONTACT_RETENTION_DAYS after the
// booking's day (on the city clock, HALL_TZ): then they are erased. `vreserve check` reports any left.
import { addDays } from '../../domain/schedule.js';
import { countContactsBefore, eraseContactsBefore } from '../repositories/contact.repository.js';
import { type ServiceContext, nowOf } from './context.js';

/** The first booking day whose phone may still be kept. */
export function retentionCutoff(ctx: ServiceContext, retentionDays: number): string {
  return addDays(nowOf(ctx).local.date, -retentionDays);
}

/**
 * Erases what passed retention. `recentDays` limits the look to the last few days that passed it
 * (the minute-by-minute housekeeping); without it every older day is looked at (at start).
 */
export function eraseExpiredContacts(ctx: ServiceContext, retentionDays: number, recentDays?: number): Promise<number> {
  const cutoff = retentionCutoff(ctx, retentionDays);
  return eraseContactsBefore(ctx.db, cutoff, recentDays ? addDays(cutoff, -recentDays) : undefined);
}

export function contactsPastRetention(ctx: ServiceContext, retentionDays: number): Promise<number> {
  return countContactsBefore(ctx.db, retentionCutoff(ctx, retentionDays));
}
