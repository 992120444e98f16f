// Setting up services: names, letter, slot plan and capacities, hours, weekdays, quotas, windows,
// queue order. A change never silently overbooks or cancels anyone: capacity cannot go below
// what is already booked, and a slot with bookings cannot be removed.
import type { AdminService, ServiceInput } from '../../contracts/admin.js';
import { scheduleProblems } from '../../domain/schedule.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { applySlotPlan, applyWalkInQuota, bookedInSlot } from '../repositories/inventory.repository.js';
import { isUniqueViolation } from '../repositories/portable.js';
import { letterIssuedByOther } from '../repositories/ticket.repository.js';
import {
  type Service,
  type ServiceFields,
  findService,
  insertService,
  listServices,
  setServiceActive,
  updateService,
} from '../repositories/service.repository.js';
import { AppError } from './app-error.js';
import { type ServiceContext, nowOf } from './context.js';
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

export async function listAdminServices(ctx: ServiceContext): Promise<AdminService[]> {
  return (await listServices(ctx.db, { includeInactive: true })).map(present);
}

async function checkLetter(db: Parameters<typeof letterIssuedByOther>[0], letter: string, serviceId: number | null): Promise<void> {
  if (await letterIssuedByOther(db, letter, serviceId)) throw new AppError('SERVICE_LETTER_TAKEN', { letter, field: 'letter' });
}

function letterTaken(error: unknown, letter: string): unknown {
  return isUniqueViolation(error) ? new AppError('SERVICE_LETTER_TAKEN', { letter, field: 'letter' }) : error;
}

export async function createService(ctx: ServiceContext, actor: string, input: ServiceInput): Promise<AdminService> {
  const now = nowOf(ctx);
  const existing = await listServices(ctx.db, { includeInactive: true });
  const data = fields(input, Math.max(0, ...existing.map((s) => s.sortOrder)) + 1);
  await checkLetter(ctx.db, data.letter, null);
  try {
    const id = await transact(ctx.db, async (trx) => {
      const newId = await insertService(trx, data, now.iso);
      await appendAudit(trx, { at: now.iso, actor, action: 'service.create', target: `service ${data.letter}`, details: { ...data } });
      return newId;
    });
    return present((await findService(ctx.db, id)) as Service);
  } catch (error) {
    throw letterTaken(error, input.letter);
  }
}

export async function updateServiceSettings(ctx: ServiceContext, actor: string, id: number, input: ServiceInput): Promise<AdminService> {
  const now = nowOf(ctx);
  const before = await findService(ctx.db, id);
  if (!before) throw new AppError('SERVICE_NOT_FOUND', { serviceId: id });
  const data = fields(input, before.sortOrder);
  if (data.letter !== before.letter) await checkLetter(ctx.db, data.letter, id);
  try {
    await transact(ctx.db, async (trx) => {
      const kept = new Set(data.schedule.slots.map((s) => s.start));
      for (const old of before.schedule.slots.filter((s) => !kept.has(s.start))) {
        const [held] = await bookedInSlot(trx, id, old.start, now.local.date);
        if (held) throw new AppError('SLOT_HAS_BOOKINGS', { date: held.date, slot: old.start, reserved: held.reserved });
      }
      for (const slot of data.schedule.slots) {
        const p = { serviceId: id, slotStart: slot.start, slotEnd: slot.end, capacity: slot.capacity, fromDate: now.local.date };
        const [over] = await applySlotPlan(trx, p);
        if (over) throw new AppError('CAPACITY_BELOW_BOOKED', { date: over.date, slot: slot.start, reserved: over.reserved, field: 'capacity' });
      }
      if (!(await applyWalkInQuota(trx, id, data.schedule.walkInQuota, now.local.date))) throw new AppError('QUOTA_BELOW_ISSUED');
      await updateService(trx, id, data, now.iso);
      await appendAudit(trx, {
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
  return present((await findService(ctx.db, id)) as Service);
}

export async function setServiceActivity(ctx: ServiceContext, actor: string, id: number, active: boolean): Promise<AdminService> {
  const now = nowOf(ctx);
  const service = await findService(ctx.db, id);
  if (!service) throw new AppError('SERVICE_NOT_FOUND', { serviceId: id });
  await transact(ctx.db, async (trx) => {
    await setServiceActive(trx, id, active, now.iso);
    await appendAudit(trx, { at: now.iso, actor, action: active ? 'service.activate' : 'service.deactivate', target: `service ${service.letter}`, details: {} });
  });
  return present((await findService(ctx.db, id)) as Service);
}
