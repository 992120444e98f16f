// The city's halls as citizens see them: the list with today's places, one hall's details, and
// 一键换厅 — other halls with a place sooner for the same service. Reads only, a few queries for
// any number of halls (never one query per hall).
import { DEFAULT_RETENTION_DAYS } from './notify.service.js';
import type { Lang } from '../../contracts/errors.js';
import type { HallDetailResponse, HallInfo, HallSuggestion, HallsResponse, SuggestionsResponse } from '../../contracts/halls.js';
import { type DayOverride, addDays, hallTime } from '../../domain/schedule.js';
import { bookingTotalsOn } from '../repositories/booking.repository.js';
import { allOverridesBetween } from '../repositories/calendar.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import { slotCounts } from '../repositories/inventory.repository.js';
import { type Service, listServices } from '../repositories/service.repository.js';
import { dayOf, indexSlots } from './catalog.service.js';
import { type HallContext, type ServiceContext, hallName, nowOf } from './context.js';
import { verificationOn } from './verification.service.js';

export function hallInfo(h: Hall, lang: Lang): HallInfo {
  // English falls back to the Chinese wording where a hall has none (an address is better in Chinese than blank).
  const en = (english: string, chinese: string) => (lang === 'en' && english !== '' ? english : chinese);
  return {
    code: h.code,
    name: hallName(h, lang),
    nameZh: h.nameZh,
    nameEn: h.nameEn,
    district: en(h.districtEn, h.districtZh),
    address: en(h.addressEn, h.addressZh),
    phone: h.phone,
    hours: en(h.hoursEn, h.hoursZh),
    timeZone: h.timeZone,
  };
}

export function hallDetail(ctx: HallContext, lang: Lang): HallDetailResponse {
  const now = nowOf(ctx).local;
  return { hall: hallInfo(ctx.hall, lang), today: now.date, now: now.time };
}

/** The override a hall has on a date: its own, else the city's. */
function overrideIn(calendars: Awaited<ReturnType<typeof allOverridesBetween>>, hallId: number, date: string): DayOverride | undefined {
  return calendars.halls.get(hallId)?.get(date) ?? calendars.city.get(date);
}

/** What many halls' days need at once: the services' counted slots and every calendar, over a range. */
async function daysOf(ctx: ServiceContext, services: Service[], from: string, to: string) {
  const counts = indexSlots(await slotCounts(ctx.db, services.map((s) => s.id), from, to));
  return { counts, calendars: await allOverridesBetween(ctx.db, from, to) };
}

/** Every active hall with today's 已预约人数 and 余号数量 over its services. */
export async function hallsToday(ctx: ServiceContext, lang: Lang): Promise<HallsResponse> {
  const halls = await ctx.halls.active();
  const services = await listServices(ctx.db, null);
  const todayOf = new Map(halls.map((h) => [h.id, hallTime(ctx.clock(), h.timeZone)]));
  const dates = [...new Set([...todayOf.values()].map((t) => t.date))].sort();
  const from = dates[0] ?? '';
  const to = dates.at(-1) ?? '';
  const { counts, calendars } = await daysOf(ctx, services, from, to);
  const booked = await bookingTotalsOn(ctx.db, from, to);
  const byHall = new Map<number, Service[]>();
  for (const s of services) {
    const own = byHall.get(s.hallId);
    if (own) own.push(s);
    else byHall.set(s.hallId, [s]);
  }
  return {
    halls: halls.map((h) => {
      const now = todayOf.get(h.id) as ReturnType<typeof hallTime>;
      const own = byHall.get(h.id) ?? [];
      const remaining = own.reduce((n, s) => n + dayOf(s, now.date, counts, now, overrideIn(calendars, h.id, now.date)).remaining, 0);
      return {
        ...hallInfo(h, lang),
        today: now.date,
        booked: booked.get(`${h.id}|${now.date}`) ?? 0,
        remaining,
        services: own.map((s) => s.letter),
      };
    }),
    verifyPhone: verificationOn(ctx),
    contactRetentionDays: ctx.messaging?.retentionDays ?? DEFAULT_RETENTION_DAYS,
  };
}

/** The first bookable slot of a service from today on, within its booking window. */
function firstBookable(
  service: Service,
  counts: ReturnType<typeof indexSlots>,
  now: ReturnType<typeof hallTime>,
  overrideOn: (date: string) => DayOverride | undefined,
) {
  for (let i = 0; i <= service.schedule.bookingWindowDays; i++) {
    const date = addDays(now.date, i);
    const day = dayOf(service, date, counts, now, overrideOn(date));
    const slot = day.slots.find((x) => x.bookable);
    if (slot) return { date, slot: slot.start, remaining: slot.remaining };
  }
  return null;
}

const MAX_SUGGESTIONS = 5;

/** 一键换厅: other halls that have the same service (letter) bookable sooner than this hall. */
export async function suggestions(ctx: HallContext, letter: string, lang: Lang): Promise<SuggestionsResponse> {
  const halls = new Map((await ctx.halls.active()).map((h) => [h.id, h]));
  const offering = (await listServices(ctx.db, null)).filter((s) => s.letter === letter && halls.has(s.hallId));
  if (offering.length === 0) return { letter, here: null, elsewhere: [] };
  const nowAt = (s: Service) => hallTime(ctx.clock(), (halls.get(s.hallId) as Hall).timeZone);
  const from = offering.map((s) => nowAt(s).date).sort()[0] as string;
  const to = addDays(from, Math.max(...offering.map((s) => s.schedule.bookingWindowDays)) + 1);
  const { counts, calendars } = await daysOf(ctx, offering, from, to);
  const first = (s: Service) => firstBookable(s, counts, nowAt(s), (date) => overrideIn(calendars, s.hallId, date));
  const mine = offering.find((s) => s.hallId === ctx.hall.id);
  const here = mine ? first(mine) : null;
  const sooner = (x: { date: string; slot: string }) => !here || `${x.date} ${x.slot}` < `${here.date} ${here.slot}`;
  const elsewhere: HallSuggestion[] = [];
  for (const s of offering) {
    if (s.hallId === ctx.hall.id) continue;
    const f = first(s);
    if (f && sooner(f))
      elsewhere.push({
        hall: hallInfo(halls.get(s.hallId) as Hall, lang),
        serviceId: s.id,
        date: f.date,
        slot: f.slot,
        remaining: f.remaining,
      });
  }
  elsewhere.sort((a, b) => `${a.date} ${a.slot}`.localeCompare(`${b.date} ${b.slot}`) || a.hall.code.localeCompare(b.hall.code));
  return {
    letter,
    here: here ? { date: here.date, slot: here.slot } : null,
    elsewhere: elsewhere.slice(0, MAX_SUGGESTIONS),
  };
}
