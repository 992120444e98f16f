// Who served whom, and when counters were paused: the staff report of one hall over a range of
// days (JSON and CSV).
import { stringify } from 'csv-stringify/sync';
import type { StaffReportResponse } from '../../contracts/admin.js';
import type { Lang } from '../../contracts/errors.js';
import { addDays, hallDayStart } from '../../domain/schedule.js';
import { counterFigures, staffFigures } from '../../domain/staff-figures.js';
import { listCounters, pausesBetween } from '../repositories/counter.repository.js';
import { listStaff } from '../repositories/staff.repository.js';
import { ticketsBetween } from '../repositories/ticket.repository.js';
import { type HallContext, nowOf } from './context.js';
import { checkRange } from './report.service.js';

export async function staffReport(ctx: HallContext, from: string, to: string): Promise<StaffReportResponse> {
  checkRange(from, to);
  const { hall } = ctx;
  const start = hallDayStart(from, hall.timeZone);
  const end = hallDayStart(addDays(to, 1), hall.timeZone);
  const [tickets, counters, pauses, staff] = await Promise.all([
    ticketsBetween(ctx.db, hall.id, from, to),
    listCounters(ctx.db, hall.id),
    pausesBetween(ctx.db, hall.id, start.toISOString(), end.toISOString()),
    listStaff(ctx.db, null),
  ]);
  const people = new Map(staff.map((s) => [s.id, s]));
  const byCounter = counterFigures(
    counters.map((c) => c.id),
    tickets,
    pauses.map((p) => ({ counterId: p.counterId, reason: p.reason, from: p.startedAt, to: p.endedAt })),
    start,
    end,
    nowOf(ctx).instant,
  );
  return {
    from,
    to,
    hallCode: hall.code,
    staff: staffFigures(tickets).map(({ staffId, ...figures }) => ({
      username: people.get(staffId)?.username ?? `#${staffId}`,
      displayName: people.get(staffId)?.displayName ?? '',
      ...figures,
    })),
    counters: counters.map((c, i) => {
      const { counterId: _, ...figures } = byCounter[i] as (typeof byCounter)[number];
      return { number: c.number, name: c.name, state: c.state, ...figures };
    }),
  };
}

const STAFF_COLUMNS = [
  ['工作人员', 'staff'],
  ['用户名', 'username'],
  ['叫号', 'called'],
  ['办结', 'served'],
  ['过号', 'no-show'],
  ['平均办理(分钟)', 'average service (min)'],
  ['P90办理(分钟)', 'p90 service (min)'],
] as const;

const COUNTER_COLUMNS = [
  ['窗口', 'counter'],
  ['名称', 'name'],
  ['办结', 'served'],
  ['暂停(分钟)', 'paused (min)'],
  ['休息', 'break'],
  ['会议', 'meeting'],
  ['业务咨询', 'consulting'],
  ['其他', 'other'],
] as const;

/** Two tables in one file (staff, then counters, a blank line between), UTF-8 with BOM and CRLF for Excel. */
export async function staffReportCsv(ctx: HallContext, from: string, to: string, lang: Lang): Promise<string> {
  const r = await staffReport(ctx, from, to);
  const head = (columns: readonly (readonly [string, string])[]) => columns.map(([zh, en]) => (lang === 'en' ? en : zh));
  const orEmpty = (x: number | null) => x ?? '';
  const rows = [
    head(STAFF_COLUMNS),
    ...r.staff.map((s) => [s.displayName, s.username, s.called, s.served, s.noShow, orEmpty(s.averageServiceMinutes), orEmpty(s.p90ServiceMinutes)]),
    [],
    head(COUNTER_COLUMNS),
    ...r.counters.map((c) => [
      c.number,
      c.name,
      c.served,
      c.pausedMinutes,
      c.pausedByReason.break,
      c.pausedByReason.meeting,
      c.pausedByReason.consulting,
      c.pausedByReason.other,
    ]),
  ];
  return `\uFEFF${stringify(rows, { record_delimiter: 'windows' })}`;
}
