// Setting up services: names, letter, slot plan and capacities, hours, weekdays, quotas, windows,
// queue order. A change never silently overbooks or cancels anyone: capacity cannot go below
// what is already booked, and a slot with bookings cannot be removed.
import type { AdminService, ServiceInput } from '../../contracts/admin.js';
import { scheduleProblems } from '../../domain/schedule.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { offerRaisedPlaces } from './waitlist-offer.service.js';
import { applySlotPlan, applyWalkInQuota, bookedInSlot } from '../repositories/inventory.repository.js';
import { isUniqueViolation } from '../repositories/portable.js';
import { letterIssuedByOther } from '../repositories/ticket.repository.js';
import {
  type Service,
  type ServiceFields,
  findCatalogEntry,
  findService,
  insertService,
  listServices,
  saveCatalogEntry,
  setServiceActive,
  updateService,
} from '../repositories/service.repository.js';
import type { Db } from '../repositories/portable.js';
import { AppError } from './app-error.js';
import { type HallContext, nowOf } from './context.js';
import { transact } from './transact.js';

function present(s: Service): AdminService {
  return { id: s.id, letter: s.letter, nameZh: s.nameZh, nameEn: s.nameEn, active: s.active, sortOrder: s.sortOrder, schedule: s.schedule, queueOrder: s.queueOrder };
}

function fields(input: ServiceInput, sortOrder: number): ServiceFields {
  const problems = scheduleProblems(input.schedule);
  if (problems.length > 0) throw new AppError('SCHEDULE_INVALID', { reason: problems.join('; '), problems });
  const slots = [...input.schedule.slots].sort((a, b) => a.start.localeCompare(b.start));
  return {
    letter: input.letter,
    nameZh: input.nameZh.trim(),
    nameEn: input.nameEn.trim(),
    schedule: { ...input.schedule, slots, openWeekdays: [...new Set(input.schedule.openWeekdays)].sort() },
    queueOrder: input.queueOrder,
    sortOrder: input.sortOrder ?? sortOrder,
  };
}

export async function listAdminServices(ctx: HallContext): Promise<AdminService[]> {
  return (await listServices(ctx.db, ctx.hall.id, { includeInactive: true })).map(present);
}

async function checkLetter(ctx: HallContext, letter: string, serviceId: number | null): Promise<void> {
  if (await letterIssuedByOther(ctx.db, ctx.hall, letter, serviceId)) throw new AppError('SERVICE_LETTER_TAKEN', { letter, field: 'letter' });
}

/** A service of this hall (another hall's is no service here). */
async function serviceHere(ctx: HallContext, id: number): Promise<Service> {
  const service = await findService(ctx.db, id);
  if (!service || service.hallId !== ctx.hall.id) throw new AppError('SERVICE_NOT_FOUND', { serviceId: id });
  return service;
}

/**
 * A letter means the same service in every hall: its names are the catalogue's. A city admin's
 * names become the catalogue's (a new letter is added to it); a hall admin offers only letters the
 * catalogue has, under the catalogue's names.
 */
async function namesFromCatalog(trx: Db, data: ServiceFields, cityAdmin: boolean, at: string): Promise<ServiceFields> {
  const entry = await findCatalogEntry(trx, data.letter);
  if (cityAdmin) {
    if (!entry || entry.nameZh !== data.nameZh || entry.nameEn !== data.nameEn) {
      const base = entry ?? {
        letter: data.letter,
        bringZh: '',
        bringEn: '',
        sortOrder: data.sortOrder,
      };
      await saveCatalogEntry(trx, { ...base, nameZh: data.nameZh, nameEn: data.nameEn }, at);
    }
    return data;
  }
  if (!entry)
    throw new AppError('NOT_IN_CATALOG', {
      letter: data.letter,
      field: 'letter',
    });
  return { ...data, nameZh: entry.nameZh, nameEn: entry.nameEn };
}

function letterTaken(error: unknown, letter: string): unknown {
  return isUniqueViolation(error) ? new AppError('SERVICE_LETTER_TAKEN', { letter, field: 'letter' }) : error;
}

export async function createService(ctx: HallContext, actor: string, input: ServiceInput, cityAdmin: boolean): Promise<AdminService> {
  const now = nowOf(ctx);
  const existing = await listServices(ctx.db, ctx.hall.id, {
    includeInactive: true,
  });
  const asked = fields(input, Math.max(0, ...existing.map((s) => s.sortOrder)) + 1);
  await checkLetter(ctx, asked.letter, null);
  try {
    const id = await transact(ctx.db, async (trx) => {
      const data = await namesFromCatalog(trx, asked, cityAdmin, now.iso);
      const newId = await insertService(trx, ctx.hall.id, data, now.iso);
      await appendAudit(trx, {
        hallId: ctx.hall.id,
        at: now.iso,
        actor,
        action: 'service.create',
        target: `service ${data.letter}`,
        details: { ...data },
      });
      return newId;
    });
    ctx.reads.invalidate();
    return present((await findService(ctx.db, id)) as Service);
  } catch (error) {
    throw letterTaken(error, input.letter);
  }
}

export async function updateServiceSettings(
  ctx: HallContext,
  actor: string,
  id: number,
  input: ServiceInput,
  cityAdmin: boolean,
): Promise<AdminService> {
  const now = nowOf(ctx);
  const before = await serviceHere(ctx, id);
  const asked = fields(input, before.sortOrder);
  if (asked.letter !== before.letter) await checkLetter(ctx, asked.letter, id);
  try {
    await transact(ctx.db, async (trx) => {
      const data = await namesFromCatalog(trx, asked, cityAdmin, now.iso);
      const kept = new Set(data.schedule.slots.map((s) => s.start));
      for (const old of before.schedule.slots.filter((s) => !kept.has(s.start))) {
        const [held] = await bookedInSlot(trx, id, old.start, now.local.date);
        if (held) throw new AppError('SLOT_HAS_BOOKINGS', { date: held.date, slot: old.start, reserved: held.reserved });
      }
      for (const slot of data.schedule.slots) {
        const p = { serviceId: id, slotStart: slot.start, slotEnd: slot.end, capacity: slot.capacity, fromDate: now.local.date };
        const [over] = await applySlotPlan(trx, p);
        if (over) throw new AppError('CAPACITY_BELOW_BOOKED', { date: over.date, slot: slot.start, reserved: over.reserved, field: 'capacity' });
        await offerRaisedPlaces(ctx, trx, { hallId: ctx.hall.id, serviceId: id, slot: slot.start, fromDate: now.local.date });
      }
      if (!(await applyWalkInQuota(trx, id, data.schedule.walkInQuota, now.local.date))) throw new AppError('QUOTA_BELOW_ISSUED');
      await updateService(trx, id, data, now.iso);
      await appendAudit(trx, {
        hallId: ctx.hall.id,
        at: now.iso,
        actor,
        action: 'service.update',
        target: `service ${before.letter}`,
        details: { before: present(before), after: data },
      });
    });
  } catch (error) {
    throw letterTaken(error, input.letter);
  }
  ctx.reads.invalidate();
  return present((await findService(ctx.db, id)) as Service);
}

export async function setServiceActivity(ctx: HallContext, actor: string, id: number, active: boolean): Promise<AdminService> {
  const now = nowOf(ctx);
  const service = await serviceHere(ctx, id);
  await transact(ctx.db, async (trx) => {
    await setServiceActive(trx, id, active, now.iso);
    await appendAudit(trx, {
      hallId: ctx.hall.id,
      at: now.iso,
      actor,
      action: active ? 'service.activate' : 'service.deactivate',
      target: `service ${service.letter}`,
      details: {},
    });
  });
  ctx.reads.invalidate();
  return present((await findService(ctx.db, id)) as Service);
}
