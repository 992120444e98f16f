// 改约: a booking moves to another slot of the same service (in its hall or another hall offering
// it). One transaction ends the old booking (cancelled, reason `rescheduled`, naming the new
// number), takes the new place and gives the old one back: whatever races it (a cancel, another
// move, bookings for the last place), the citizen ends with exactly one of the two.
import { ageOnDayOf } from '../../domain/priority.js';
import { newBooking, savedBooking } from './new-booking.js';
import type { Lang } from '../../contracts/errors.js';
import type { RescheduleBody, RescheduleResponse } from '../../contracts/bookings.js';
import { MAX_ACTIVE_BOOKINGS } from '../../domain/booking-rules.js';
import { MAX_RESCHEDULES, RESCHEDULED_REASON, isSameSlot, rescheduleConflict, rescheduleRefusal } from '../../domain/reschedule.js';
import { type HallTime, type SlotPlan, findSlot, isValidDate, slotRefusal } from '../../domain/schedule.js';
import { formatTicketNumber, parseTicketNumber } from '../../domain/ticket-number.js';
import {
  type BookingRecord,
  bookingsOfPersonSince,
  findBookingByNumber,
  insertBooking,
  linkRescheduled,
  markRescheduled,
} from '../repositories/booking.repository.js';
import { overrideOnLocked } from '../repositories/calendar.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import { refuseIfBlocked } from './no-show.service.js';
import { type SlotKey, ensureSlotRow, slotIsFull, takePlace } from '../repositories/inventory.repository.js';
import { ensureCounter, nextOrder } from '../repositories/number-counter.repository.js';
import { ensurePerson, lockPerson } from '../repositories/person.repository.js';
import type { Db } from '../repositories/portable.js';
import { type Service, findService } from '../repositories/service.repository.js';
import { AppError } from './app-error.js';
import { ownBooking, ownersView } from './booking.service.js';
import { activeServiceByLetter, dayOverride, remainingOn } from './catalog.service.js';
import { type Now, type ServiceContext, nowIn } from './context.js';
import { dropReminders, queueBookingMade, whatToBring } from './notify.service.js';
import { releaseBookedPlace } from './place-release.js';
import { checkCode, spendCode } from './verification.service.js';
import { presentBooking } from './present.js';
import { MissingRow, RetryTransaction, transact } from './transact.js';

interface Target {
  hall: Hall;
  service: Service;
  slot: SlotPlan;
  date: string;
  now: Now;
}

/** The hall and service the booking moves to: its own hall, or another hall with the same catalogue letter. */
async function targetOf(ctx: ServiceContext, from: { hall: Hall; service: Service }, input: RescheduleBody): Promise<Target> {
  const hall = input.hallCode === undefined ? from.hall : await ctx.halls.byCode(input.hallCode);
  if (!hall?.active) throw new AppError('HALL_NOT_FOUND', { hall: input.hallCode ?? '', field: 'hallCode' });
  const service = await activeServiceByLetter(ctx.db, hall.id, from.service.letter);
  if (!service) throw new AppError('SERVICE_NOT_FOUND', { serviceId: from.service.id, field: 'hallCode' });
  const now = nowIn(ctx, hall);
  if (!isValidDate(input.date)) throw new AppError('VALIDATION', { reason: `date ${input.date}`, field: 'date' });
  // As for a new booking: the weekly plan first, the calendar only when the plan says closed.
  let refusal = slotRefusal(service.schedule, input.date, input.slot, now.local, Number.POSITIVE_INFINITY);
  if (refusal === 'closed') {
    const day = await dayOverride(ctx.db, hall.id, input.date);
    refusal = slotRefusal(service.schedule, input.date, input.slot, now.local, Number.POSITIVE_INFINITY, day);
  }
  if (refusal) throw new AppError('SLOT_NOT_BOOKABLE', { reason: refusal, field: 'slot' });
  const slot = findSlot(service.schedule, input.slot);
  if (!slot) throw new AppError('SLOT_NOT_BOOKABLE', { reason: 'no_such_slot', field: 'slot' });
  return { hall, service, slot, date: input.date, now };
}

/** Slot rows are always locked in one order, so two moves in opposite directions cannot wait on each other. */
const keyOrder = (k: SlotKey) => `${String(k.serviceId).padStart(10, '0')}|${k.date}|${k.slotStart}`;

/** Takes the new place inside the transaction; refuses a full slot or a day closed meanwhile. */
async function takeNewPlace(ctx: ServiceContext, trx: Db, t: Target, key: SlotKey, local: HallTime) {
  const place = await takePlace(trx, key);
  if (place === 'missing') throw new MissingRow(() => ensureSlotRow(ctx.db, key, t.slot.end, t.slot.capacity));
  if (place === 'again') throw new RetryTransaction();
  if (place === 'full') throw new AppError('SLOT_FULL');
  // With the slot's row held, a closure of the day either committed already or waits for us.
  const dayNow = await overrideOnLocked(trx, t.hall.id, t.date);
  if (slotRefusal(t.service.schedule, t.date, t.slot.start, local, 1, dayNow) === 'closed') {
    throw new AppError('SLOT_NOT_BOOKABLE', { reason: 'closed', field: 'slot' });
  }
  return dayNow ?? null;
}

/**
 * The same move asked again (an answer lost on a phone's network, a double tap): the booking was
 * already moved to exactly that hall, date and slot, so the answer is the move made, not a refusal.
 */
async function earlierMove(
  ctx: ServiceContext,
  from: { row: BookingRecord; service: Service; hall: Hall; now: Now },
  input: RescheduleBody,
  lang: Lang,
): Promise<RescheduleResponse | null> {
  const { row, service, hall, now } = from;
  if (!row.rescheduledTo) return null;
  const moved = await findBookingByNumber(ctx.db, row.rescheduledTo);
  if (!moved || moved.date !== input.date || moved.slotStart !== input.slot) return null;
  const movedHall = moved.hallId === hall.id ? hall : await ctx.halls.byId(moved.hallId);
  if (!movedHall || movedHall.code !== (input.hallCode ?? hall.code)) return null;
  const movedService = moved.serviceId === service.id ? service : await findService(ctx.db, moved.serviceId);
  if (!movedService) return null;
  const local = nowIn(ctx, movedHall).local;
  return {
    booking: ownersView(ctx, moved, movedService, movedHall, local, lang),
    previous: presentBooking(row, service, hall, now.local, lang),
    remaining: await remainingOn(ctx.db, movedService, moved.date, local),
  };
}

export async function rescheduleBooking(ctx: ServiceContext, number: string, input: RescheduleBody, lang: Lang): Promise<RescheduleResponse> {
  const { who, row, service, hall, now } = await ownBooking(ctx, number, input);
  const again = await earlierMove(ctx, { row, service, hall, now }, input, lang);
  if (again) return again;
  const refusal = rescheduleRefusal({ ...row, reschedules: row.reschedules ?? 0 }, now.local);
  if (refusal) throw new AppError(refusal, refusal === 'RESCHEDULE_LIMIT' ? { limit: MAX_RESCHEDULES } : {});
  const t = await targetOf(ctx, { hall, service }, input);
  // A person blocked for 爽约 in another hall cannot move a booking into it (in its own hall the
  // booking they already hold just changes its time).
  if (t.hall.id !== hall.id) await refuseIfBlocked(ctx, t.hall, who, t.now);
  const newKey: SlotKey = { serviceId: t.service.id, date: t.date, slotStart: t.slot.start };
  if (isSameSlot(row, newKey)) throw new AppError('RESCHEDULE_SAME_SLOT', { field: 'slot' });
  const codeId = await checkCode(ctx, who.phoneHash, 'reschedule', input.smsCode);
  // Cheap refusal, as for a new booking: the conditional UPDATE below still decides.
  if (await slotIsFull(ctx.db, newKey, t.slot.capacity)) throw new AppError('SLOT_FULL');
  const bring = await whatToBring(ctx, t.service, row.notify);
  const oldKey: SlotKey = { serviceId: row.serviceId, date: row.date, slotStart: row.slotStart };
  const counterKey = { serviceId: t.service.id, date: t.date, time: t.slot.start };

  let remaining = 0;
  const created = await transact(ctx.db, async (trx): Promise<BookingRecord> => {
    // The person's row first (as a new booking does): their other bookings cannot change meanwhile.
    const personId = await lockPerson(trx, who.idHash, now.iso);
    if (personId === null) throw new MissingRow(() => ensurePerson(ctx.db, { ...who, at: now.iso }));
    await spendCode(trx, codeId, now.iso);
    // Claims the old booking: a cancel or another move that committed first leaves nothing to move,
    // and one still running waits for us and then finds it no longer booked.
    if (!(await markRescheduled(trx, row.id, now.iso, RESCHEDULED_REASON))) throw new AppError('NOT_RESCHEDULABLE');
    const theirs = await bookingsOfPersonSince(trx, who, t.now.local.date);
    const sameService = (b: BookingRecord) => parseTicketNumber(b.number)?.letter === t.service.letter;
    const conflict = rescheduleConflict(theirs, row.id, { serviceId: t.service.id, date: t.date }, t.now.local, sameService);
    if (conflict) throw new AppError(conflict, conflict === 'BOOKING_LIMIT' ? { limit: MAX_ACTIVE_BOOKINGS } : {});

    let dayNow: Awaited<ReturnType<typeof takeNewPlace>>;
    if (keyOrder(oldKey) < keyOrder(newKey)) {
      await releaseBookedPlace(trx, ctx, row, 'rescheduled', now);
      dayNow = await takeNewPlace(ctx, trx, t, newKey, t.now.local);
    } else {
      dayNow = await takeNewPlace(ctx, trx, t, newKey, t.now.local);
      await releaseBookedPlace(trx, ctx, row, 'rescheduled', now);
    }

    const order = await nextOrder(trx, counterKey);
    if (order === null) throw new MissingRow(() => ensureCounter(ctx.db, counterKey));
    const newNumber = formatTicketNumber({ prefix: t.hall.numberPrefix, letter: t.service.letter, date: t.date, time: t.slot.start, order });
    const booking = newBooking(
      ctx,
      {
        hallId: t.hall.id,
        number: newNumber,
        serviceId: t.service.id,
        date: t.date,
        slotStart: t.slot.start,
        slotEnd: t.slot.end,
        personId,
        person: row,
        phone: who.phone,
        notify: row.notify,
        lang,
        at: now.iso,
        agent: row.agent ?? null,
        // The person's own card gives the age on the new day; an agent's card does not, so it is kept.
        ageOnDay: who.idHash === row.idHash ? ageOnDayOf(who.idCard, t.date) : (row.ageOnDay ?? null),
      },
      { reschedules: (row.reschedules ?? 0) + 1, rescheduledFrom: row.number },
    );
    const saved = savedBooking(booking, await insertBooking(trx, booking));
    await linkRescheduled(trx, row.id, newNumber);
    // The old booking's reminders go; the new one gets its confirmation and reminders as any booking.
    await dropReminders(trx, row, now);
    await queueBookingMade(trx, ctx, saved, t.service, t.hall, bring, t.now);
    await appendEvent(trx, { type: 'booking.cancelled', hallId: row.hallId, serviceId: row.serviceId, date: row.date, at: now.iso, number: row.number });
    await appendEvent(trx, { type: 'booking.created', hallId: t.hall.id, serviceId: t.service.id, date: t.date, at: now.iso, number: newNumber });
    remaining = await remainingOn(trx, t.service, t.date, t.now.local, dayNow);
    saved.rescheduledTo = null;
    return saved;
  });
  ctx.events?.committed();
  const previous: BookingRecord = {
    ...row,
    status: 'cancelled',
    cancelledAt: now.iso,
    cancelReason: RESCHEDULED_REASON,
    rescheduledTo: created.number,
    updatedAt: now.iso,
  };
  return {
    booking: ownersView(ctx, created, t.service, t.hall, t.now.local, lang),
    previous: presentBooking(previous, service, hall, now.local, lang),
    remaining,
  };
}
