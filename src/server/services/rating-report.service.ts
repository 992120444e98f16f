// 满意度 figures: the satisfaction rate (基本满意 and above / all), counts per level, 整改率 and 回访率,
// by service, counter, staff member and day in one hall, and by hall for the city; JSON and CSV.
// A case counts with its rating: both belong to the ticket's day.
import { groupBy } from '../../domain/group-by.js';
import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../../contracts/errors.js';
import type { CitySatisfactionResponse, RatingFigures, RatingListResponse, RatingReportResponse } from '../../contracts/rating.js';
import { RATING_LEVELS, countRatings } from '../../domain/rating.js';
import { countCases } from '../../domain/rating-case.js';
import { listCounters } from '../repositories/counter.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import { type CaseRecord, type RatingRecord, casesBetween, casesOfRatings, latestRatings, ratingsBetween } from '../repositories/rating.repository.js';
import { listServices } from '../repositories/service.repository.js';
import { listStaff } from '../repositories/staff.repository.js';
import { type HallContext, type ServiceContext, hallName, hallTimeOf, serviceName } from './context.js';
import { checkRange } from './report.service.js';

function figures(key: string, label: string, ratings: RatingRecord[], cases: CaseRecord[], today: string): RatingFigures {
  const r = countRatings(ratings.map((x) => x.level));
  const c = countCases(cases, today);
  return {
    key,
    label,
    ratings: r.total,
    byLevel: r.byLevel,
    satisfactionRate: r.satisfactionRate,
    cases: c.cases,
    rectified: c.rectified,
    revisited: c.revisited,
    overdue: c.overdue,
    rectificationRate: c.rectificationRate,
    revisitRate: c.revisitRate,
  };
}

/** Groups ratings and their cases by a key, in the order the keys are given; groups without ratings are left out. */
function grouped<K>(
  ratings: RatingRecord[],
  cases: CaseRecord[],
  keyOf: (x: { serviceId: number; counterId: number | null; staffId: number | null; date: string }) => K,
  groups: { key: K; id: string; label: string }[],
  today: string,
): RatingFigures[] {
  const ratingsBy = groupBy(ratings, keyOf);
  const casesBy = groupBy(cases, keyOf);
  return groups
    .map((g) => figures(g.id, g.label, ratingsBy.get(g.key) ?? [], casesBy.get(g.key) ?? [], today))
    .filter((f) => f.ratings > 0);
}

export async function ratingReport(ctx: HallContext, from: string, to: string, lang: Lang): Promise<RatingReportResponse> {
  checkRange(from, to);
  const { hall } = ctx;
  const today = hallTimeOf(ctx, hall).date;
  const [ratings, cases, services, counters, staff] = await Promise.all([
    ratingsBetween(ctx.db, hall.id, from, to),
    casesBetween(ctx.db, hall.id, from, to),
    listServices(ctx.db, hall.id),
    listCounters(ctx.db, hall.id),
    listStaff(ctx.db, null),
  ]);
  const staffIds = [...new Set(ratings.map((r) => r.staffId))];
  const people = new Map(staff.map((s) => [s.id, s]));
  const days = [...new Set(ratings.map((r) => r.date))].sort();
  const unknown = lang === 'en' ? '(not recorded)' : '（未记录）';
  return {
    from,
    to,
    hallCode: hall.code,
    total: figures(hall.code, hallName(hall, lang), ratings, cases, today),
    byService: grouped(ratings, cases, (x) => x.serviceId, services.map((s) => ({ key: s.id, id: s.letter, label: serviceName(s, lang) })), today),
    byCounter: grouped(ratings, cases, (x) => x.counterId, counters.map((c) => ({ key: c.id as number | null, id: String(c.number), label: c.name })), today),
    byStaff: grouped(
      ratings,
      cases,
      (x) => x.staffId,
      staffIds.map((id) => {
        const p = id === null ? undefined : people.get(id);
        return { key: id, id: p?.username ?? (id === null ? '' : `#${id}`), label: p?.displayName || p?.username || unknown };
      }),
      today,
    ),
    byDay: grouped(ratings, cases, (x) => x.date, days.map((d) => ({ key: d, id: d, label: d })), today),
  };
}

/** Every hall's figures side by side (city admins). */
export async function citySatisfaction(ctx: ServiceContext, halls: Hall[], from: string, to: string, lang: Lang): Promise<CitySatisfactionResponse> {
  checkRange(from, to);
  const [ratings, cases] = await Promise.all([ratingsBetween(ctx.db, null, from, to), casesBetween(ctx.db, null, from, to)]);
  const today = hallTimeOf(ctx, halls[0]).date;
  const ratingsBy = groupBy(ratings, (r) => r.hallId);
  const casesBy = groupBy(cases, (c) => c.hallId);
  return {
    from,
    to,
    halls: halls.map((h) => figures(h.code, hallName(h, lang), ratingsBy.get(h.id) ?? [], casesBy.get(h.id) ?? [], hallTimeOf(ctx, h).date)),
    total: figures('', lang === 'en' ? 'All halls' : '全部大厅', ratings, cases, today),
  };
}

/** The latest ratings of a hall (newest first), with the case each 差评 opened. */
export async function ratingList(ctx: HallContext, from: string, to: string, lang: Lang, limit = 200): Promise<RatingListResponse> {
  checkRange(from, to);
  const [ratings, services, counters, staff] = await Promise.all([
    latestRatings(ctx.db, ctx.hall.id, from, to, limit),
    listServices(ctx.db, ctx.hall.id),
    listCounters(ctx.db, ctx.hall.id),
    listStaff(ctx.db, null),
  ]);
  const cases = await casesOfRatings(ctx.db, ratings.map((r) => r.id));
  const service = new Map(services.map((s) => [s.id, s]));
  const counter = new Map(counters.map((c) => [c.id, c]));
  const person = new Map(staff.map((s) => [s.id, s]));
  return {
    ratings: ratings.map((r) => {
      const s = service.get(r.serviceId);
      const p = r.staffId === null ? undefined : person.get(r.staffId);
      return {
        id: r.id,
        number: r.ticketNumber,
        date: r.date,
        serviceName: s ? serviceName(s, lang) : '',
        counterNumber: r.counterId === null ? null : (counter.get(r.counterId)?.number ?? null),
        staffName: p?.displayName || p?.username || '',
        level: r.level,
        reasons: r.reasons,
        comment: r.comment,
        channel: r.channel,
        at: r.createdAt,
        caseId: cases.get(r.id) ?? null,
      };
    }),
  };
}

const LEVEL_HEADS: Record<(typeof RATING_LEVELS)[number], [string, string]> = {
  very_satisfied: ['非常满意', 'very satisfied'],
  satisfied: ['满意', 'satisfied'],
  basic: ['基本满意', 'fairly satisfied'],
  dissatisfied: ['不满意', 'dissatisfied'],
  very_dissatisfied: ['非常不满意', 'very dissatisfied'],
};

const GROUPS = [
  ['byService', '业务', 'service'],
  ['byCounter', '窗口', 'counter'],
  ['byStaff', '工作人员', 'staff'],
  ['byDay', '日期', 'date'],
] as const;

/** Percentages as numbers with one decimal (Excel sorts them); empty without ratings or cases. */
const pct = (rate: number | null) => (rate === null ? '' : Math.round(rate * 1000) / 10);

/** One table: a row for the whole hall, then each grouping under its own heading; UTF-8 with BOM, CRLF. */
export async function ratingReportCsv(ctx: HallContext, from: string, to: string, lang: Lang): Promise<string> {
  const r = await ratingReport(ctx, from, to, lang);
  const en = lang === 'en';
  const head = [
    en ? 'group' : '分组',
    en ? 'key' : '编号',
    en ? 'name' : '名称',
    en ? 'ratings' : '评价数',
    ...RATING_LEVELS.map((l) => LEVEL_HEADS[l][en ? 1 : 0]),
    en ? 'satisfaction %' : '满意率%',
    en ? 'cases' : '差评数',
    en ? 'rectified' : '已整改',
    en ? 'revisited' : '已回访',
    en ? 'overdue' : '超期',
    en ? 'rectification %' : '整改率%',
    en ? 'revisit %' : '回访率%',
  ];
  const row = (group: string, f: RatingFigures) => [
    group,
    f.key,
    f.label,
    f.ratings,
    ...RATING_LEVELS.map((l) => f.byLevel[l] ?? 0),
    pct(f.satisfactionRate),
    f.cases,
    f.rectified,
    f.revisited,
    f.overdue,
    pct(f.rectificationRate),
    pct(f.revisitRate),
  ];
  const rows = [head, row(en ? 'hall' : '大厅', r.total)];
  for (const [key, zh, enName] of GROUPS) for (const f of r[key]) rows.push(row(en ? enName : zh, f));
  return `\uFEFF${stringify(rows, { record_delimiter: 'windows' })}`;
}
