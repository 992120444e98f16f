// Making and changing halls (city admins), and the city overview: every hall's today on one
// screen. A new hall offers the catalogue's services it is given (default: all of them) on the
// standard plan, with one counter per service, ready to take bookings at once.
import type { CityOverviewResponse, HallInput } from '../../contracts/admin-halls.js';
import type { Lang } from '../../contracts/errors.js';
import { isHallCode, numberPrefixFor } from '../../domain/hall.js';
import { DEFAULT_SCHEDULE, hallTime, isValidTimeZone } from '../../domain/schedule.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { insertCounter } from '../repositories/counter.repository.js';
import { type Hall, type HallFields, countHalls, insertHall, listHalls, updateHall } from '../repositories/hall.repository.js';
import { hallFiguresOn } from '../repositories/hall-figures.repository.js';
import { isUniqueViolation } from '../repositories/portable.js';
import { insertService, listCatalog } from '../repositories/service.repository.js';
import { AppError } from './app-error.js';
import { type ServiceContext, hallName, nowOf } from './context.js';
import { transact } from './transact.js';

function fieldsOf(input: HallInput, sortOrder: number, fallbackTz: string): HallFields {
  const code = input.code.trim().toUpperCase();
  if (!isHallCode(code))
    throw new AppError('VALIDATION', {
      reason: 'code: 2-8 capitals or digits, starting with a capital (e.g. CD)',
      field: 'code',
    });
  const timeZone = input.timeZone?.trim() || fallbackTz;
  if (!isValidTimeZone(timeZone))
    throw new AppError('VALIDATION', {
      reason: `timeZone ${timeZone}`,
      field: 'timeZone',
    });
  const t = (v: string | undefined) => v?.trim() ?? '';
  return {
    code,
    nameZh: input.nameZh.trim(),
    nameEn: t(input.nameEn) || input.nameZh.trim(),
    districtZh: t(input.districtZh),
    districtEn: t(input.districtEn),
    addressZh: t(input.addressZh),
    addressEn: t(input.addressEn),
    phone: t(input.phone),
    timeZone,
    hoursZh: t(input.hoursZh),
    hoursEn: t(input.hoursEn),
    sortOrder: input.sortOrder ?? sortOrder,
  };
}

/** Another hall has the code already (the store's unique index said so), or the error as it was. */
function codeTakenOr(error: unknown, code: string): unknown {
  return isUniqueViolation(error) ? new AppError('HALL_CODE_TAKEN', { code, field: 'code' }) : error;
}

/** A new hall with the catalogue services it offers (letters; default every one) and a counter per service. */
export async function createHall(ctx: ServiceContext, actor: string, input: HallInput & { letters?: string[] }): Promise<Hall> {
  const now = nowOf(ctx);
  const halls = await listHalls(ctx.db);
  const fields = fieldsOf(input, Math.max(0, ...halls.map((h) => h.sortOrder)) + 1, ctx.hallTz);
  const catalog = await listCatalog(ctx.db);
  const letters = input.letters ?? catalog.map((e) => e.letter);
  const missing = letters.find((l) => !catalog.some((e) => e.letter === l));
  if (missing) throw new AppError('NOT_IN_CATALOG', { letter: missing, field: 'letters' });
  try {
    await transact(ctx.db, async (trx) => {
      const first = (await countHalls(trx)) === 0;
      const hallId = await insertHall(trx, { ...fields, numberPrefix: numberPrefixFor(fields.code, first) }, now.iso);
      let n = 0;
      for (const entry of catalog.filter((e) => letters.includes(e.letter))) {
        n += 1;
        const serviceId = await insertService(
          trx,
          hallId,
          {
            letter: entry.letter,
            nameZh: entry.nameZh,
            nameEn: entry.nameEn,
            schedule: DEFAULT_SCHEDULE,
            queueOrder: 'priority',
            sortOrder: entry.sortOrder,
          },
          now.iso,
        );
        await insertCounter(trx, {
          hallId,
          number: n,
          name: `${n} 号窗口`,
          serviceIds: [serviceId],
          at: now.iso,
        });
      }
      await appendAudit(trx, {
        hallId,
        at: now.iso,
        actor,
        action: 'hall.create',
        target: fields.code,
        details: { ...fields, letters },
      });
    });
  } catch (error) {
    throw codeTakenOr(error, fields.code);
  }
  ctx.halls.invalidate();
  ctx.reads.invalidate();
  return (await ctx.halls.byCode(fields.code)) as Hall;
}

/** Changes a hall's details. Its code may change; its number prefix never does (numbers already given stay valid). */
export async function changeHall(ctx: ServiceContext, actor: string, hall: Hall, input: HallInput & { active?: boolean }): Promise<Hall> {
  const now = nowOf(ctx);
  const fields = fieldsOf(input, hall.sortOrder, hall.timeZone);
  try {
    await transact(ctx.db, async (trx) => {
      await updateHall(trx, hall.id, { ...fields, active: input.active ?? hall.active }, now.iso);
      await appendAudit(trx, {
        hallId: hall.id,
        at: now.iso,
        actor,
        action: 'hall.update',
        target: hall.code,
        details: { ...fields, active: input.active ?? hall.active },
      });
    });
  } catch (error) {
    throw codeTakenOr(error, fields.code);
  }
  ctx.halls.invalidate();
  ctx.reads.invalidate();
  return (await ctx.halls.byId(hall.id)) as Hall;
}

/** Every hall's today on one screen: booked, checked in, waiting, the longest wait, counters at work. */
export async function cityOverview(ctx: ServiceContext, halls: Hall[], lang: Lang): Promise<CityOverviewResponse> {
  const instant = ctx.clock();
  const dates = [...new Set(halls.map((h) => hallTime(instant, h.timeZone).date))];
  const figures = await hallFiguresOn(ctx.db, dates, new Date(instant.getTime() - 30 * 60_000).toISOString());
  const rows = halls.map((h) => {
    const date = hallTime(instant, h.timeZone).date;
    const f = figures.get(`${h.id}|${date}`);
    const longest = f?.oldestWaitingSince ? Math.max(0, Math.floor((instant.getTime() - Date.parse(f.oldestWaitingSince)) / 60_000)) : 0;
    return {
      code: h.code,
      name: hallName(h, lang),
      district: lang === 'en' ? h.districtEn : h.districtZh,
      active: h.active,
      date,
      booked: f?.booked ?? 0,
      checkedIn: f?.checkedIn ?? 0,
      walkIns: f?.walkIns ?? 0,
      waiting: f?.waiting ?? 0,
      served: f?.served ?? 0,
      longestWaitMinutes: longest,
      countersOpen: f?.countersOpen ?? 0,
    };
  });
  const sum = (k: 'booked' | 'checkedIn' | 'walkIns' | 'waiting' | 'served' | 'countersOpen') => rows.reduce((n, r) => n + r[k], 0);
  return {
    at: instant.toISOString(),
    halls: rows,
    total: {
      booked: sum('booked'),
      checkedIn: sum('checkedIn'),
      walkIns: sum('walkIns'),
      waiting: sum('waiting'),
      served: sum('served'),
      longestWaitMinutes: Math.max(0, ...rows.map((r) => r.longestWaitMinutes)),
      countersOpen: sum('countersOpen'),
    },
  };
}
