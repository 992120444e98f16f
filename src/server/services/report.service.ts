// Today's dashboard and the reports over a date range (JSON and Excel-friendly CSV).
import { groupBy } from '../../domain/group-by.js';
import { stringify } from 'csv-stringify/sync';
import type { DayFigures, ReportResponse, TodayResponse } from '../../contracts/admin.js';
import type { Lang } from '../../contracts/errors.js';
import { byHour, dayFigures } from '../../domain/day-figures.js';
import { maxWaitMinutesOf, waitFigures } from '../../domain/wait-alert.js';
import { type HallTime, addDays, hallTime, isValidDate } from '../../domain/schedule.js';
import { type BookingRecord, bookingsBetween } from '../repositories/booking.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import { type Service, listServices } from '../repositories/service.repository.js';
import { ticketsBetween } from '../repositories/ticket.repository.js';
import { releasedBetween } from '../repositories/release.repository.js';
import { lateCancels, ruleOf } from './no-show.service.js';
import { releaseUnusedPlaces } from './release.service.js';
import { AppError } from './app-error.js';
import { type HallContext, type ServiceContext, hallName, inHall, nowOf, serviceName } from './context.js';

const MAX_DAYS = 400;

export function checkRange(from: string, to: string): void {
  if (!isValidDate(from)) throw new AppError('VALIDATION', { reason: `from ${from}`, field: 'from' });
  if (!isValidDate(to)) throw new AppError('VALIDATION', { reason: `to ${to}`, field: 'to' });
  if (to < from) throw new AppError('VALIDATION', { reason: 'to is before from', field: 'to' });
  if (to > addDays(from, MAX_DAYS)) throw new AppError('VALIDATION', { reason: `at most ${MAX_DAYS} days`, field: 'to' });
}

/** Which halls a report covers: one hall, or every hall (each on its own rows, or summed per service). */
export type ReportScope = { hall: Hall } | { halls: Hall[]; sum: boolean };

export async function report(ctx: ServiceContext, scope: ReportScope, from: string, to: string, lang: Lang): Promise<ReportResponse> {
  checkRange(from, to);
  const halls = 'hall' in scope ? [scope.hall] : scope.halls;
  const hallId = 'hall' in scope ? scope.hall.id : null;
  const summed = 'sum' in scope && scope.sum;
  const services = await listServices(ctx.db, hallId, {
    includeInactive: true,
  });
  const hallOf = new Map(halls.map((h) => [h.id, h]));
  // Summed rows put every hall's service of one letter together: a letter is one service city-wide.
  const keyOf = new Map(services.map((s) => [s.id, summed ? s.letter : String(s.id)]));
  const regroup = <T extends { date: string; serviceId: number }>(items: T[]) =>
    groupBy(items, (x) => `${x.date}|${keyOf.get(x.serviceId) ?? ''}`);
  const bookings = regroup(await bookingsBetween(ctx.db, hallId, from, to));
  const ticketRecords = await ticketsBetween(ctx.db, hallId, from, to);
  const tickets = regroup(ticketRecords);
  // 现场取号 per service counts where the number was issued, not where a transfer took it.
  const issued = regroup(ticketRecords.map((t) => ({ ...t, serviceId: t.issuedServiceId })));
  const released = regroup(
    await releasedBetween(
      ctx.db,
      services.map((s) => s.id),
      from,
      to,
    ),
  );
  const rules = new Map<number, Awaited<ReturnType<typeof ruleOf>>['rule']>();
  for (const h of halls) rules.set(h.id, (await ruleOf(ctx, h.id)).rule);
  // 爽约 figures: each booking by its own hall's rule and clock.
  const lateOf = (rows: BookingRecord[]) =>
    halls.reduce((n, h) => {
      const rule = rules.get(h.id);
      return rule ? n + lateCancels(rows.filter((r) => r.hallId === h.id), rule, h.timeZone) : n;
    }, 0);
  // One line per service (or per letter, summed), with its hall's clock and whether it is offered, read once.
  const lines: { key: string; service: Service; hall: Hall | null; active: boolean; now: HallTime }[] = [];
  for (const s of services) {
    const hall = hallOf.get(s.hallId);
    if (!hall) continue;
    const key = keyOf.get(s.id) as string;
    if (summed && lines.some((l) => l.key === key)) continue;
    const active = summed ? services.some((x) => x.letter === s.letter && x.active) : s.active;
    lines.push({ key, service: s, hall: summed ? null : hall, active, now: nowOf(inHall(ctx, summed ? (halls[0] as Hall) : hall)).local });
  }
  const nowIso = ctx.clock().toISOString();
  const rows: DayFigures[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const { key, service: s, hall, active, now } of lines) {
      const b = bookings.get(`${date}|${key}`) ?? [];
      const t = tickets.get(`${date}|${key}`) ?? [];
      const i = issued.get(`${date}|${key}`) ?? [];
      if (!active && b.length === 0 && t.length === 0 && i.length === 0) continue;
      rows.push({
        date,
        hallCode: hall?.code ?? '*',
        hallName: hall ? hallName(hall, lang) : lang === 'en' ? 'All halls' : '全部大厅',
        serviceId: summed ? 0 : s.id,
        serviceLetter: s.letter,
        serviceName: serviceName(s, lang),
        ...dayFigures(b, t, now, i),
        ...waitFigures(t, maxWaitMinutesOf(s.schedule), nowIso),
        lateCancelled: lateOf(b),
        released: (released.get(`${date}|${key}`) ?? []).reduce((n, r) => n + r.places, 0),
      });
    }
  }
  return { from, to, rows };
}

export async function today(ctx: HallContext, lang: Lang): Promise<TodayResponse> {
  const now = nowOf(ctx);
  await releaseUnusedPlaces(ctx, await listServices(ctx.db, ctx.hall.id), now);
  const { rows } = await report(ctx, { hall: ctx.hall }, now.local.date, now.local.date, lang);
  const tickets = await ticketsBetween(ctx.db, ctx.hall.id, now.local.date, now.local.date);
  const hourOf = (iso: string) => Math.floor(hallTime(new Date(iso), ctx.hall.timeZone).minutes / 60);
  return {
    date: now.local.date,
    now: now.local.time,
    services: rows,
    byHour: byHour(tickets, hourOf),
  };
}

const CSV_COLUMNS: [keyof DayFigures, string, string][] = [
  ['date', '日期', 'date'],
  ['hallCode', '大厅代码', 'hall code'],
  ['hallName', '大厅', 'hall'],
  ['serviceLetter', '业务代码', 'service code'],
  ['serviceName', '业务', 'service'],
  ['booked', '预约', 'booked'],
  ['checkedIn', '已取号', 'checked in'],
  ['missed', '过期未到', 'missed'],
  ['cancelled', '取消', 'cancelled'],
  ['cancelledHallClosed', '闭馆取消', 'cancelled (hall closed)'],
  ['lateCancelled', '临近开始取消', 'late cancels'],
  ['released', '释放给现场', 'released to walk-ins'],
  ['walkIns', '现场取号', 'walk-ins'],
  ['served', '已办结', 'served'],
  ['noShow', '过号', 'no-show'],
  ['averageWaitMinutes', '平均等候(分钟)', 'average wait (min)'],
  ['averageServiceMinutes', '平均办理(分钟)', 'average service (min)'],
  ['overMaxWait', '超时等候', 'waited too long'],
  ['p50WaitMinutes', '等候中位数(分钟)', 'median wait (min)'],
  ['p90WaitMinutes', 'P90等候(分钟)', 'p90 wait (min)'],
  ['p50ServiceMinutes', '办理中位数(分钟)', 'median service (min)'],
  ['p90ServiceMinutes', 'P90办理(分钟)', 'p90 service (min)'],
  ['priorityTickets', '优先', 'priority tickets'],
  ['priorityAverageWaitMinutes', '优先平均等候(分钟)', 'priority average wait (min)'],
];

/** UTF-8 with a byte-order mark and CRLF, so that Excel opens the Chinese text correctly. */
export async function reportCsv(ctx: ServiceContext, scope: ReportScope, from: string, to: string, lang: Lang): Promise<string> {
  const { rows } = await report(ctx, scope, from, to, lang);
  // One hall's report keeps the single-hall columns; a report over several halls names the hall on each row.
  const columns = 'hall' in scope ? CSV_COLUMNS.filter(([key]) => key !== 'hallCode' && key !== 'hallName') : CSV_COLUMNS;
  const header = columns.map(([, zh, en]) => (lang === 'en' ? en : zh));
  const body = rows.map((r) => columns.map(([key]) => r[key] ?? ''));
  return `\uFEFF${stringify([header, ...body], { record_delimiter: 'windows' })}`;
}
