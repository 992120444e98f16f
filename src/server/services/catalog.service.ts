// 业务 with their counts: 已预约人数 / 余号数量 per day and per slot.
import type { AvailabilityResponse, DayAvailability, ServiceSummary, ServicesResponse } from '../../contracts/services.js';
import type { Lang } from '../../contracts/errors.js';
import {
  type DayOverride,
  type HallTime,
  addDays,
  isInBookingWindow,
  isOpenDay,
  isValidDate,
  slotRefusal,
  walkInHours,
} from '../../domain/schedule.js';
import { overrideDaysBetween, overridesBetween } from '../repositories/calendar.repository.js';
import { type SlotCount, slotCounts, walkInCounts } from '../repositories/inventory.repository.js';
import type { Db } from '../repositories/portable.js';
import { releasedOn } from '../repositories/release.repository.js';
import { releaseUnusedPlaces } from './release.service.js';
import { type Service, findService, listServices } from '../repositories/service.repository.js';
import { AppError } from './app-error.js';
import { type HallContext, type ServiceContext, inHall, nowOf, serviceName } from './context.js';
import { DEFAULT_PRIORITY_RESERVE } from '../../domain/priority.js';
import { priorityOf } from './priority.service.js';

function checkDate(date: string, field: string): void {
  if (!isValidDate(date)) throw new AppError('VALIDATION', { reason: `${field} ${date}`, field });
}

/** Counted slot rows by (service, date, start), for answers over many services and days. */
export type SlotIndex = Map<string, SlotCount>;
export function indexSlots(counts: SlotCount[]): SlotIndex {
  return new Map(counts.map((c) => [`${c.serviceId}|${c.date}|${c.slotStart}`, c]));
}

/** `note`: the calendar's note on the day, when the caller has it (a closed day then says why). */
export function dayOf(
  service: Service,
  date: string,
  counts: SlotIndex,
  now: HallTime,
  override?: DayOverride,
  note?: string,
): DayAvailability {
  const open = isOpenDay(service.schedule, date, override);
  const slots = service.schedule.slots.map((plan) => {
    const row = counts.get(`${service.id}|${date}|${plan.start}`);
    const capacity = open ? (row?.capacity ?? plan.capacity) : 0;
    const reserved = row?.reserved ?? 0;
    const remaining = Math.max(0, capacity - reserved);
    const refusal = slotRefusal(service.schedule, date, plan.start, now, remaining, override);
    return {
      start: plan.start,
      end: plan.end,
      capacity,
      reserved,
      remaining,
      bookable: refusal === null,
      ...(refusal && refusal !== 'no_such_slot' ? { reason: refusal } : {}),
    };
  });
  const capacity = slots.reduce((s, x) => s + x.capacity, 0);
  const reserved = slots.reduce((s, x) => s + x.reserved, 0);
  // 余号数量 counts only the places a citizen can still take: a slot that has started is gone.
  const remaining = slots.filter((x) => x.reason !== 'past').reduce((s, x) => s + x.remaining, 0);
  const closedBy = open ? undefined : override === 'closed' ? 'calendar' : 'schedule';
  return {
    date,
    open,
    ...(closedBy ? { closedBy } : {}),
    ...(closedBy === 'calendar' && note ? { closedNote: note } : {}),
    inWindow: isInBookingWindow(service.schedule, date, now),
    capacity,
    reserved,
    remaining,
    slots,
  };
}

/** The services of one hall on a date, with their counts. */
export async function summaries(
  db: Db,
  hallId: number,
  services: Service[],
  date: string,
  now: HallTime,
  lang: Lang,
  priorityReserve: number = DEFAULT_PRIORITY_RESERVE,
): Promise<ServiceSummary[]> {
  const counts = indexSlots(
    await slotCounts(
      db,
      services.map((s) => s.id),
      date,
      date,
    ),
  );
  const walkIns = await walkInCounts(db, date);
  const released = await releasedOn(db, date);
  const override = (await overridesBetween(db, hallId, date, date)).get(date);
  return services.map((service) => {
    const day = dayOf(service, date, counts, now, override);
    const walkIn = walkIns.get(service.id);
    const quota = day.open ? (walkIn?.quota ?? service.schedule.walkInQuota) : 0;
    const issued = walkIn?.issued ?? 0;
    const hours = walkInHours(service.schedule, date, now, override);
    return {
      id: service.id,
      letter: service.letter,
      name: serviceName(service, lang),
      nameZh: service.nameZh,
      nameEn: service.nameEn,
      date,
      open: day.open,
      capacity: day.capacity,
      reserved: day.reserved,
      remaining: day.remaining,
      walkIn: {
        quota,
        issued,
        remaining: Math.max(0, quota - issued),
        released: day.open ? Math.max(0, released.get(service.id) ?? 0) : 0,
        priorityLeft: day.open ? Math.max(0, (walkIn?.priorityReserve ?? priorityReserve) - (walkIn?.priorityIssued ?? 0)) : 0,
        hours: hours.state,
        ...(hours.state === 'later' ? { opensAt: hours.opensAt } : {}),
      },
    };
  });
}

export async function listServiceSummaries(ctx: HallContext, date: string | undefined, lang: Lang): Promise<ServicesResponse> {
  const clock = nowOf(ctx);
  const now = clock.local;
  const day = date ?? now.date;
  checkDate(day, 'date');
  const services = await listServices(ctx.db, ctx.hall.id);
  // Today's places of bookings nobody came for join the walk-in quota (due slots, once each).
  if (day === now.date) await releaseUnusedPlaces(ctx, services, clock);
  const rule = await priorityOf(ctx, ctx.hall.id);
  return {
    hall: ctx.hall.code,
    date: day,
    today: now.date,
    now: now.time,
    services: await summaries(ctx.db, ctx.hall.id, services, day, now, lang, rule.reserve),
    priorityAge: rule.age,
    priorityGroups: [...rule.groups],
  };
}

/** The hall a service belongs to, as a context for the use case (its clock, calendar and numbers). */
export async function hallOfService(ctx: ServiceContext, service: Service): Promise<HallContext> {
  const hall = await ctx.halls.byId(service.hallId);
  if (!hall?.active) throw new AppError('SERVICE_NOT_FOUND', { serviceId: service.id });
  return inHall(ctx, hall);
}

/** An active service by id (as read at most a second ago: fresh-reads.ts), else SERVICE_NOT_FOUND. */
export async function activeService(ctx: ServiceContext, id: number): Promise<Service> {
  const service = await ctx.reads.get(`service:${id}`, () => findService(ctx.db, id));
  if (!service?.active) throw new AppError('SERVICE_NOT_FOUND', { serviceId: id });
  return service;
}

export async function serviceAvailability(
  ctx: ServiceContext,
  serviceId: number,
  query: { from?: string; days?: number },
  lang: Lang,
): Promise<AvailabilityResponse> {
  const service = await activeService(ctx, serviceId);
  const hallCtx = await hallOfService(ctx, service);
  const now = nowOf(hallCtx).local;
  const from = query.from ?? now.date;
  checkDate(from, 'from');
  const days = query.days ?? service.schedule.bookingWindowDays + 1;
  const to = addDays(from, days - 1);
  const counts = indexSlots(await slotCounts(ctx.db, [service.id], from, to));
  const overrides = await overrideDaysBetween(ctx.db, service.hallId, from, to);
  const [summary] = await summaries(ctx.db, service.hallId, [service], now.date, now, lang, (await priorityOf(ctx, service.hallId)).reserve);
  return {
    hall: hallCtx.hall.code,
    service: summary as ServiceSummary,
    today: now.date,
    now: now.time,
    window: { from: now.date, to: addDays(now.date, service.schedule.bookingWindowDays) },
    checkInBeforeMinutes: service.schedule.checkInBeforeMinutes,
    days: Array.from({ length: days }, (_, i) => {
      const date = addDays(from, i);
      const day = overrides.get(date);
      return dayOf(service, date, counts, now, day?.kind, day?.note);
    }),
  };
}

/** Remaining places of a service on a date, as shown to citizens (override: when already known). */
export async function remainingOn(db: Db, service: Service, date: string, now: HallTime, override?: DayOverride | null): Promise<number> {
  const counts = indexSlots(await slotCounts(db, [service.id], date, date));
  const day = override === undefined ? await dayOverride(db, service.hallId, date) : (override ?? undefined);
  return dayOf(service, date, counts, now, day).remaining;
}

/** The hall calendar's word on a date: closed, open, or nothing (the weekly plan decides). */
export async function dayOverride(db: Db, hallId: number, date: string): Promise<DayOverride | undefined> {
  return (await overridesBetween(db, hallId, date, date)).get(date);
}

/** The hall's active service with this letter, if any. */
export async function activeServiceByLetter(db: Db, hallId: number, letter: string): Promise<Service | undefined> {
  return (await listServices(db, hallId)).find((s) => s.letter === letter);
}
