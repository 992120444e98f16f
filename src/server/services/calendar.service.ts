// The hall calendar: closing a day that has bookings first says how many, and only with the
// manager's confirmation cancels them (reason "hall closed"), returning their places.
import type { CalendarDay, CalendarResponse } from '../../contracts/admin.js';
import { type ImportedDay, parseCalendarList } from '../../domain/calendar-import.js';
import { type DayOverride, isValidDate, slotHasStarted } from '../../domain/schedule.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { type BookingRecord, bookingCountsBetween, changeBookingStatus, heldBookingsOn } from '../repositories/booking.repository.js';
import { type CalendarScope, hallsWithOwnDay, listCalendar, removeOverride, upsertOverride } from '../repositories/calendar.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import { ensureSlotRow, lockSlotsOn, releasePlace } from '../repositories/inventory.repository.js';
import type { Db } from '../repositories/portable.js';
import { findServicesByIds, listServices } from '../repositories/service.repository.js';
import { AppError } from './app-error.js';
import { type Now, type ServiceContext, inHall, nowOf } from './context.js';
import { queueHallClosed } from './notify.service.js';
import { transact } from './transact.js';

export const HALL_CLOSED_REASON = 'hall_closed';

/**
 * Whose calendar a change is to: the city's (every hall inherits it; null) or one hall's own
 * exceptions, which take precedence over the city's on their dates.
 */
export type CalendarOwner = Hall | null;

const scopeOf = (owner: CalendarOwner): CalendarScope => owner?.id ?? null;
const nowFor = (ctx: ServiceContext, owner: CalendarOwner): Now => nowOf(owner ? inHall(ctx, owner) : ctx);

/** The exceptions in a range, and how many bookings each date has (so closing a day is an informed choice). */
export async function listCalendarDays(ctx: ServiceContext, owner: CalendarOwner, from: string, to: string): Promise<CalendarResponse> {
  for (const [field, d] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!isValidDate(d)) throw new AppError('VALIDATION', { reason: `${field} ${d}`, field });
  }
  return {
    days: await listCalendar(ctx.db, scopeOf(owner), from, to),
    bookings: await bookingCountsBetween(ctx.db, scopeOf(owner), from, to),
  };
}

/**
 * Bookings a closure of `date` would cancel: all still booked, except today's slots already begun.
 * A city-wide closure passes over halls with their own word on that date.
 */
async function affectedByClosure(db: Db, owner: CalendarOwner, date: string, now: Now): Promise<BookingRecord[]> {
  const held = await heldBookingsOn(db, scopeOf(owner), date);
  const ownDay = owner ? new Set<number>() : await hallsWithOwnDay(db, date);
  return held.filter((b) => !ownDay.has(b.hallId) && !slotHasStarted(b.date, b.slotStart, now.local));
}

async function cancelForClosure(
  ctx: ServiceContext,
  trx: Db,
  halls: ReadonlyMap<number, Hall>,
  owner: CalendarOwner,
  date: string,
  note: string,
  now: Now,
): Promise<number> {
  let cancelled = 0;
  const affected = await affectedByClosure(trx, owner, date, now);
  const services = new Map((await findServicesByIds(trx, [...new Set(affected.map((b) => b.serviceId))])).map((s) => [s.id, s]));
  for (const b of affected) {
    const changed = await changeBookingStatus(trx, b.id, 'booked', 'cancelled', {
      at: now.iso,
      cancelledAt: now.iso,
      cancelReason: HALL_CLOSED_REASON,
    });
    if (!changed) continue;
    await releasePlace(trx, {
      serviceId: b.serviceId,
      date: b.date,
      slotStart: b.slotStart,
    });
    await appendEvent(trx, {
      type: 'booking.cancelled',
      hallId: b.hallId,
      serviceId: b.serviceId,
      date: b.date,
      at: now.iso,
      number: b.number,
    });
    const service = services.get(b.serviceId);
    const hall = halls.get(b.hallId);
    if (service && hall) await queueHallClosed(trx, ctx, b, service, hall, note, now);
    cancelled++;
  }
  return cancelled;
}

/** Makes sure every slot of every active service has its counted row on these dates. */
async function countEverySlot(db: Db, owner: CalendarOwner, dates: string[]): Promise<void> {
  for (const service of await listServices(db, scopeOf(owner))) {
    for (const date of dates) {
      for (const slot of service.schedule.slots) {
        await ensureSlotRow(db, { serviceId: service.id, date, slotStart: slot.start }, slot.end, slot.capacity);
      }
    }
  }
}

/** Sets several days at once; closing days with bookings needs `confirm`. */
async function setDays(ctx: ServiceContext, owner: CalendarOwner, actor: string, days: ImportedDay[], confirm: boolean): Promise<number> {
  const now = nowFor(ctx, owner);
  const closing = days.filter((x) => x.kind === 'closed' && x.date >= now.local.date).map((d) => d.date);
  // Every booking takes its slot's row; holding all rows of the day makes bookings in flight
  // either finish first (and be counted here) or wait and then see the day closed.
  await countEverySlot(ctx.db, owner, closing);
  // Read before the transaction: the hall directory reads outside it (one SQLite connection would wait on itself).
  const halls = new Map((await ctx.halls.all()).map((h) => [h.id, h]));
  const cancelled = await transact(ctx.db, async (trx) => {
    const affected: { date: string; count: number }[] = [];
    for (const date of closing) {
      await lockSlotsOn(trx, scopeOf(owner), date);
      const count = (await affectedByClosure(trx, owner, date, now)).length;
      if (count > 0) affected.push({ date, count });
    }
    if (affected.length > 0 && !confirm) {
      const bookings = affected.reduce((n, a) => n + a.count, 0);
      throw new AppError('CONFIRMATION_REQUIRED', { date: affected.map((a) => a.date).join(', '), bookings, days: affected });
    }
    let n = 0;
    for (const d of days) {
      await upsertOverride(trx, scopeOf(owner), {
        ...d,
        at: now.iso,
        by: actor,
      });
      if (d.kind === 'closed' && d.date >= now.local.date) n += await cancelForClosure(ctx, trx, halls, owner, d.date, d.note, now);
      await appendAudit(trx, {
        hallId: owner?.id ?? null,
        at: now.iso,
        actor,
        action: `calendar.${d.kind}`,
        target: d.date,
        details: { note: d.note },
      });
    }
    if (n > 0) {
      const target = days.map((d) => d.date).join(',');
      await appendAudit(trx, {
        hallId: owner?.id ?? null,
        at: now.iso,
        actor,
        action: 'calendar.cancel_bookings',
        target,
        details: { cancelled: n },
      });
    }
    return n;
  });
  if (cancelled > 0) ctx.events?.committed();
  return cancelled;
}

export async function setCalendarDay(
  ctx: ServiceContext,
  owner: CalendarOwner,
  actor: string,
  date: string,
  input: { kind: DayOverride; note?: string; confirm?: boolean },
): Promise<{ day: CalendarDay; cancelledBookings: number }> {
  if (!isValidDate(date)) throw new AppError('VALIDATION', { reason: `date ${date}`, field: 'date' });
  const cancelledBookings = await setDays(ctx, owner, actor, [{ date, kind: input.kind, note: input.note?.trim() ?? '' }], input.confirm ?? false);
  const [day] = await listCalendar(ctx.db, scopeOf(owner), date, date);
  return { day: day as CalendarDay, cancelledBookings };
}

export async function importCalendar(
  ctx: ServiceContext,
  owner: CalendarOwner,
  actor: string,
  input: { text: string; confirm?: boolean },
): Promise<{ days: CalendarDay[]; cancelledBookings: number }> {
  const { days, problems } = parseCalendarList(input.text);
  if (problems.length > 0) {
    const first = problems[0] as (typeof problems)[number];
    throw new AppError('VALIDATION', { reason: `line ${first.line}: ${first.text} (${first.reason})`, problems });
  }
  if (days.length === 0)
    throw new AppError('VALIDATION', {
      reason: 'no dates found',
      field: 'text',
    });
  const cancelledBookings = await setDays(ctx, owner, actor, days, input.confirm ?? false);
  const sorted = days.map((d) => d.date).sort();
  return {
    days: await listCalendar(ctx.db, scopeOf(owner), sorted[0] as string, sorted.at(-1) as string),
    cancelledBookings,
  };
}

export async function removeCalendarDay(ctx: ServiceContext, owner: CalendarOwner, actor: string, date: string): Promise<void> {
  const now = nowFor(ctx, owner);
  await transact(ctx.db, async (trx) => {
    if (!(await removeOverride(trx, scopeOf(owner), date))) throw new AppError('NOT_FOUND');
    await appendAudit(trx, {
      hallId: owner?.id ?? null,
      at: now.iso,
      actor,
      action: 'calendar.remove',
      target: date,
      details: {},
    });
  });
}
