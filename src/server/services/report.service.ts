// Today's dashboard and the reports over a date range (JSON and Excel-friendly CSV).
import { stringify } from 'csv-stringify/sync';
import type { DayFigures, ReportResponse, TodayResponse } from '../../contracts/admin.js';
import type { Lang } from '../../contracts/errors.js';
import { byHour, dayFigures } from '../../domain/day-figures.js';
import { addDays, hallTime, isValidDate } from '../../domain/schedule.js';
import { bookingsBetween } from '../repositories/booking.repository.js';
import { listServices } from '../repositories/service.repository.js';
import { ticketsBetween } from '../repositories/ticket.repository.js';
import { AppError } from './app-error.js';
import { type ServiceContext, nowOf, serviceName } from './context.js';

const MAX_DAYS = 400;

function groupByDayAndService<T extends { date: string; serviceId: number }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = `${item.date}|${item.serviceId}`;
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return groups;
}

function checkRange(from: string, to: string): void {
  if (!isValidDate(from)) throw new AppError('VALIDATION', { reason: `from ${from}`, field: 'from' });
  if (!isValidDate(to)) throw new AppError('VALIDATION', { reason: `to ${to}`, field: 'to' });
  if (to < from) throw new AppError('VALIDATION', { reason: 'to is before from', field: 'to' });
  if (to > addDays(from, MAX_DAYS)) throw new AppError('VALIDATION', { reason: `at most ${MAX_DAYS} days`, field: 'to' });
}

export async function report(ctx: ServiceContext, from: string, to: string, lang: Lang): Promise<ReportResponse> {
  checkRange(from, to);
  const now = nowOf(ctx).local;
  const services = await listServices(ctx.db, { includeInactive: true });
  const bookings = groupByDayAndService(await bookingsBetween(ctx.db, from, to));
  const ticketRecords = await ticketsBetween(ctx.db, from, to);
  const tickets = groupByDayAndService(ticketRecords);
  // 现场取号 per service counts where the number was issued, not where a transfer took it.
  const issued = groupByDayAndService(ticketRecords.map((t) => ({ ...t, serviceId: t.issuedServiceId })));
  const rows: DayFigures[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    for (const s of services) {
      const b = bookings.get(`${date}|${s.id}`) ?? [];
      const t = tickets.get(`${date}|${s.id}`) ?? [];
      const i = issued.get(`${date}|${s.id}`) ?? [];
      if (!s.active && b.length === 0 && t.length === 0 && i.length === 0) continue;
      rows.push({ date, serviceId: s.id, serviceLetter: s.letter, serviceName: serviceName(s, lang), ...dayFigures(b, t, now, i) });
    }
  }
  return { from, to, rows };
}

export async function today(ctx: ServiceContext, lang: Lang): Promise<TodayResponse> {
  const now = nowOf(ctx);
  const { rows } = await report(ctx, now.local.date, now.local.date, lang);
  const tickets = await ticketsBetween(ctx.db, now.local.date, now.local.date);
  const hourOf = (iso: string) => Math.floor(hallTime(new Date(iso), ctx.hallTz).minutes / 60);
  return { date: now.local.date, now: now.local.time, services: rows, byHour: byHour(tickets, hourOf) };
}

const CSV_COLUMNS: [keyof DayFigures, string, string][] = [
  ['date', '日期', 'date'],
  ['serviceLetter', '业务代码', 'service code'],
  ['serviceName', '业务', 'service'],
  ['booked', '预约', 'booked'],
  ['checkedIn', '已取号', 'checked in'],
  ['missed', '过期未到', 'missed'],
  ['cancelled', '取消', 'cancelled'],
  ['cancelledHallClosed', '闭馆取消', 'cancelled (hall closed)'],
  ['walkIns', '现场取号', 'walk-ins'],
  ['served', '已办结', 'served'],
  ['noShow', '过号', 'no-show'],
  ['averageWaitMinutes', '平均等候(分钟)', 'average wait (min)'],
  ['averageServiceMinutes', '平均办理(分钟)', 'average service (min)'],
];

/** UTF-8 with a byte-order mark and CRLF, so that Excel opens the Chinese text correctly. */
export async function reportCsv(ctx: ServiceContext, from: string, to: string, lang: Lang): Promise<string> {
  const { rows } = await report(ctx, from, to, lang);
  const header = CSV_COLUMNS.map(([, zh, en]) => (lang === 'en' ? en : zh));
  const body = rows.map((r) => CSV_COLUMNS.map(([key]) => r[key] ?? ''));
  return `\uFEFF${stringify([header, ...body], { record_delimiter: 'windows' })}`;
}
