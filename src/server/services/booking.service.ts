// 预约: book, look up and cancel. Capacity and numbers are taken inside one transaction.
import { ageOnDayOf } from '../../domain/priority.js';
import { newBooking, savedBooking } from './new-booking.js';
import type { Booking, BookingStatusesResponse, CancelResponse, CreateBookingBody, CreateBookingResponse } from '../../contracts/bookings.js';
import type { Lang } from '../../contracts/errors.js';
import { MAX_ACTIVE_BOOKINGS, bookingConflict, cancelRefusal, effectiveStatus } from '../../domain/booking-rules.js';
import { MAX_AGENT_BOOKINGS, agentRefusal } from '../../domain/proxy-booking.js';
import { type HallTime, findSlot, isValidDate, slotRefusal } from '../../domain/schedule.js';
import { formatTicketNumber, parseTicketNumber } from '../../domain/ticket-number.js';
import {
  type BookingRecord,
  bookingsByCredentials,
  bookingsOfPersonSince,
  changeBookingStatus,
  findBookingByIdempotency,
  findBookingByNumber,
  findBookingsByNumbers,
  insertBooking,
  upcomingAsAgent,
} from '../repositories/booking.repository.js';
import { overrideOnLocked } from '../repositories/calendar.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import { ensureCounter, nextOrder } from '../repositories/number-counter.repository.js';
import { ensureSlotRow, slotIsFull, takePlace } from '../repositories/inventory.repository.js';
import { ensurePerson, lockOrCreatePersons } from '../repositories/person.repository.js';
import { type Db, isUniqueViolation } from '../repositories/portable.js';
import { findTicketsByBookingIds } from '../repositories/ticket.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import { type Service, findService, findServicesByIds } from '../repositories/service.repository.js';
import { AppError } from './app-error.js';
import { eraseBookingContact, setBookingNotify, storeContact } from '../repositories/contact.repository.js';
import { checkCode, spendCode } from './verification.service.js';
import { dropReminders, queueBookingCancelled, queueBookingMade, queueReminders, sealPhone, whatToBring } from './notify.service.js';
import { activeService, dayOverride, hallOfService, remainingOn } from './catalog.service.js';
import { type ServiceContext, hallTimeOf, nowOf, nowIn } from './context.js';
import { type CheckedPerson, type Credentials, checkedPerson, credentials, hashed } from './credentials.js';
import { releaseBookedPlace } from './place-release.js';
import { presentBooking } from './present.js';
import { refuseIfBlocked } from './no-show.service.js';
import { MissingRow, RetryTransaction, makeMissingRow, transact } from './transact.js';

/** A booking as its owner sees it, with the token that lets their device refresh its status later. */
export function ownersView(ctx: ServiceContext, row: BookingRecord, service: Service, hall: Hall, now: HallTime, lang: Lang, callNumber?: string): Booking {
  // Added to the presented booking, not spread into a new one: this V8 copies a spread followed by
  // more properties the slow way (~2 µs here against ~0.05 µs).
  return Object.assign(
    presentBooking(row, service, hall, now, lang, callNumber),
    { statusToken: ctx.pii.statusToken(row.number), notify: row.notify },
    row.publicToken ? { publicToken: row.publicToken } : {},
  );
}

/** The agent's ID card (代办), checked as any; a refusal names the agent's field, not the person's. */
function checkedAgent(idCard: string, today: string): CheckedPerson {
  try {
    return checkedPerson({ idCard }, today);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, { ...error.details, field: 'agent.idCard' });
    throw error;
  }
}

/**
 * Locks the person's row (and the agent's, for a 代办) in one statement; the person's id. Missing
 * rows are made in the transaction on SQLite, outside it elsewhere (see lockOrCreatePersons).
 */
async function lockPeopleOf(ctx: ServiceContext, trx: Db, who: Credentials, agent: Credentials | null, at: string): Promise<number> {
  const people = agent ? [who, agent] : [who];
  const ids = await lockOrCreatePersons(trx, people, at);
  const personId = ids?.get(who.idHash);
  if (!ids || personId === undefined) {
    throw new MissingRow(async () => {
      for (const p of people) await ensurePerson(ctx.db, { ...p, at });
    });
  }
  return personId;
}

/** Thrown inside the booking transaction when the same Idempotency-Key committed a booking first. */
class AlreadyBooked extends Error {
  constructor(readonly row: BookingRecord) {
    super('already booked under this idempotency key');
  }
}

async function replay(
  ctx: ServiceContext,
  row: BookingRecord,
  fingerprint: string,
  service: Service,
  hall: Hall,
  now: HallTime,
  lang: Lang,
): Promise<CreateBookingResponse> {
  // A different request under a used key (another phone, name, slot …) is refused, never answered
  // with the first request's booking.
  if (row.requestFingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_MISMATCH');
  return {
    booking: ownersView(ctx, row, service, hall, now, lang),
    remaining: await remainingOn(ctx.db, service, row.date, now),
    replayed: true,
  };
}

export async function createBooking(
  ctx: ServiceContext,
  input: CreateBookingBody,
  opts: { idempotencyKey?: string; lang: Lang },
): Promise<CreateBookingResponse> {
  const service = await activeService(ctx, input.serviceId);
  const { hall } = await hallOfService(ctx, service);
  const now = nowIn(ctx, hall);
  // Checked here; their keyed hashes are made once a full slot is ruled out (below).
  const person = checkedPerson(input, now.local.date);
  // 代办: the agent's own ID card; they are not the person they book for.
  const agentPerson = input.agent ? checkedAgent(input.agent.idCard, now.local.date) : null;
  if (agentPerson && agentRefusal(agentPerson.idCard, person.idCard, 0) === 'AGENT_IS_PRINCIPAL') {
    throw new AppError('VALIDATION', { field: 'agent.idCard', reason: 'the agent’s ID card is the person’s own; book without 代办' });
  }
  if (!isValidDate(input.date))
    throw new AppError('VALIDATION', {
      reason: `date ${input.date}`,
      field: 'date',
    });
  // The weekly plan decides most days; the calendar is read first only when the plan says closed
  // (a make-up working day may open it). A closure is checked inside the transaction below.
  let refusal = slotRefusal(service.schedule, input.date, input.slot, now.local, Number.POSITIVE_INFINITY);
  if (refusal === 'closed') {
    refusal = slotRefusal(
      service.schedule,
      input.date,
      input.slot,
      now.local,
      Number.POSITIVE_INFINITY,
      await dayOverride(ctx.db, hall.id, input.date),
    );
  }
  if (refusal) throw new AppError('SLOT_NOT_BOOKABLE', { reason: refusal, field: 'slot' });
  const slot = findSlot(service.schedule, input.slot);
  if (!slot) throw new AppError('SLOT_NOT_BOOKABLE', { reason: 'no_such_slot', field: 'slot' });

  const slotKey = { serviceId: service.id, date: input.date, slotStart: slot.start };
  // Cheap refusal, asked first of the per-person rules (a flash crowd is mostly these): a slot
  // already full needs no write transaction (and no fsync), no keyed hash of the ID card and phone,
  // nor the 爽约 lookup or a 短信验证码. A retry under an Idempotency-Key is asked after its earlier
  // booking is looked for (it is answered that booking even when the slot has filled since).
  // The place is still taken by the conditional UPDATE below, so a slot that fills meanwhile can
  // never be oversold, and one freed a moment ago reads as free here.
  const fullSlot = () => slotIsFull(ctx.db, slotKey, slot.capacity);
  if (!opts.idempotencyKey && (await fullSlot())) throw new AppError('SLOT_FULL');
  const who = hashed(ctx, person);
  const agent = agentPerson && input.agent ? { ...hashed(ctx, agentPerson), relation: input.agent.relation } : null;

  const idempotencyHash = opts.idempotencyKey ? ctx.pii.idempotencyKey(opts.idempotencyKey, who.idHash) : null;
  const name = input.name?.trim() ?? '';
  // What a replay under the same Idempotency-Key must match; without a key there is nothing to match.
  const fingerprint = idempotencyHash
    ? ctx.pii.request([input.serviceId, input.date, input.slot, who.idHash, who.phoneHash, name, agent?.idHash ?? '', agent?.relation ?? ''])
    : '';
  if (idempotencyHash) {
    const earlier = await findBookingByIdempotency(ctx.db, idempotencyHash);
    if (earlier) return replay(ctx, earlier, fingerprint, service, hall, now.local, opts.lang);
    if (await fullSlot()) throw new AppError('SLOT_FULL');
  }
  // 爽约: a person blocked in this hall is refused before anything is written.
  await refuseIfBlocked(ctx, hall, who, now);
  // 短信验证码 (when on): checked before any write; used once inside the booking's transaction.
  const codeId = await checkCode(ctx, who.phoneHash, 'book', input.smsCode);
  const bring = await whatToBring(ctx, service, input.notify !== false);
  const counterKey = { serviceId: service.id, date: input.date, time: slot.start };
  let row: BookingRecord;
  let remaining = 0;
  try {
    row = await transact(ctx.db, async (trx) => {
      // The person's row is locked first: their other bookings cannot change until we commit. A 代办
      // locks the agent's row in the same statement: two bookings by one agent count each other.
      const personId = await lockPeopleOf(ctx, trx, who, agent, now.iso);
      if (agent) {
        if (agentRefusal(agent.idHash, who.idHash, await upcomingAsAgent(trx, agent.idHash, now.local.date)) === 'AGENT_LIMIT') {
          throw new AppError('AGENT_LIMIT', { limit: MAX_AGENT_BOOKINGS });
        }
      }
      await spendCode(trx, codeId, now.iso);
      // A retry with the same key that raced us: it held the person's row and committed first.
      if (idempotencyHash) {
        const earlier = await findBookingByIdempotency(trx, idempotencyHash);
        if (earlier) throw new AlreadyBooked(earlier);
      }
      const theirs = await bookingsOfPersonSince(trx, who, now.local.date);
      // One per service per day and at most a few upcoming, counted across every hall of the city.
      const sameService = (b: BookingRecord) => parseTicketNumber(b.number)?.letter === service.letter;
      const conflict = bookingConflict(theirs, { serviceId: service.id, date: input.date }, now.local, MAX_ACTIVE_BOOKINGS, sameService);
      if (conflict) throw new AppError(conflict, conflict === 'BOOKING_LIMIT' ? { limit: MAX_ACTIVE_BOOKINGS } : {});

      let place = await takePlace(trx, slotKey);
      if (place === 'missing') {
        await makeMissingRow(trx, ctx.db, (db) => ensureSlotRow(db, slotKey, slot.end, slot.capacity));
        place = await takePlace(trx, slotKey);
      }
      if (place === 'missing' || place === 'again') throw new RetryTransaction();
      if (place === 'full') throw new AppError('SLOT_FULL');
      // With the slot's row held, a closure of the day either committed already or waits for us.
      const dayNow = await overrideOnLocked(trx, hall.id, input.date);
      if (slotRefusal(service.schedule, input.date, slot.start, now.local, 1, dayNow) === 'closed') {
        throw new AppError('SLOT_NOT_BOOKABLE', { reason: 'closed', field: 'slot' });
      }

      let order = await nextOrder(trx, counterKey);
      if (order === null) {
        await makeMissingRow(trx, ctx.db, (db) => ensureCounter(db, counterKey));
        order = await nextOrder(trx, counterKey);
      }
      if (order === null) throw new RetryTransaction();
      const number = formatTicketNumber({
        prefix: hall.numberPrefix,
        letter: service.letter,
        date: input.date,
        time: slot.start,
        order,
      });
      const notify = input.notify !== false;
      const booking = newBooking(
        ctx,
        {
          hallId: hall.id,
          number,
          serviceId: service.id,
          date: input.date,
          slotStart: slot.start,
          slotEnd: slot.end,
          personId,
          person: who,
          phone: who.phone,
          notify,
          lang: opts.lang,
          at: now.iso,
          agent: agent ? { idHash: agent.idHash, idMasked: agent.idMasked, relation: agent.relation } : null,
          ageOnDay: ageOnDayOf(who.idCard, input.date),
        },
        { idempotencyHash, requestFingerprint: idempotencyHash ? fingerprint : null },
      );
      const id = await insertBooking(trx, booking);
      const saved = savedBooking(booking, id);
      await queueBookingMade(trx, ctx, saved, service, hall, bring, now);
      await appendEvent(trx, {
        type: 'booking.created',
        hallId: hall.id,
        serviceId: service.id,
        date: input.date,
        at: now.iso,
        number: booking.number,
      });
      remaining = await remainingOn(trx, service, input.date, now.local, dayNow ?? null);
      return saved;
    });
  } catch (error) {
    // Two retries with one Idempotency-Key raced: the loser returns the winner's booking.
    if (error instanceof AlreadyBooked) return replay(ctx, error.row, fingerprint, service, hall, now.local, opts.lang);
    if (idempotencyHash && isUniqueViolation(error)) {
      const earlier = await findBookingByIdempotency(ctx.db, idempotencyHash);
      if (earlier) return replay(ctx, earlier, fingerprint, service, hall, now.local, opts.lang);
    }
    throw error;
  }
  ctx.events?.committed();
  return {
    booking: ownersView(ctx, row, service, hall, now.local, opts.lang),
    remaining,
    replayed: false,
  };
}

export async function lookupBookings(
  ctx: ServiceContext,
  input: { idCard: string; phone: string },
  lang: Lang,
): Promise<{ bookings: Booking[] }> {
  const now = nowOf(ctx);
  const who = credentials(ctx, input, now.local.date);
  const rows = await bookingsByCredentials(ctx.db, who.idHash, who.phoneHash);
  // 我的预约 spans every hall of the city: each booking with its own hall and that hall's clock.
  const services = new Map((await findServicesByIds(ctx.db, [...new Set(rows.map((r) => r.serviceId))])).map((s) => [s.id, s]));
  const halls = new Map((await ctx.halls.all()).map((h) => [h.id, h]));
  const checkedIn = rows.filter((r) => r.checkedInAt !== null).map((r) => r.id);
  const callNumbers = new Map((await findTicketsByBookingIds(ctx.db, checkedIn)).map((t) => [t.bookingId, t.callNumber]));
  return {
    bookings: rows.flatMap((r) => {
      const service = services.get(r.serviceId);
      const hall = halls.get(r.hallId);
      return service && hall ? [ownersView(ctx, r, service, hall, hallTimeOf(ctx, hall), lang, callNumbers.get(r.id))] : [];
    }),
  };
}

/** A booking by its number, only for its owner (ID card and phone): someone else's looks like none. */
export async function ownBooking(ctx: ServiceContext, number: string, input: { idCard: string; phone: string }) {
  const who = credentials(ctx, input, nowOf(ctx).local.date);
  const row = await findBookingByNumber(ctx.db, number);
  const mine = row && row.phoneHash === who.phoneHash && (row.idHash === who.idHash || row.agent?.idHash === who.idHash);
  if (!row || !mine) throw new AppError('NOT_FOUND');
  const service = await findService(ctx.db, row.serviceId);
  const hall = await ctx.halls.byId(row.hallId);
  if (!service || !hall) throw new AppError('NOT_FOUND');
  // 代办: the agent acts for the person, so the person's rules and records apply (改约 moves the person's booking).
  const acting = row.idHash === who.idHash ? who : { ...who, idHash: row.idHash, idMasked: row.idMasked };
  return { who: acting, row, service, hall, now: nowIn(ctx, hall) };
}

export async function cancelBooking(
  ctx: ServiceContext,
  number: string,
  input: { idCard: string; phone: string; forgetPhone?: boolean; smsCode?: string },
  lang: Lang,
): Promise<CancelResponse> {
  const { who, row, service, hall, now } = await ownBooking(ctx, number, input);
  const refusal = cancelRefusal(row, now.local);
  if (refusal) throw new AppError(refusal);
  const codeId = await checkCode(ctx, who.phoneHash, 'cancel', input.smsCode);
  await transact(ctx.db, async (trx) => {
    await spendCode(trx, codeId, now.iso);
    const changed = await changeBookingStatus(trx, row.id, 'booked', 'cancelled', {
      at: now.iso,
      cancelledAt: now.iso,
      cancelReason: 'citizen',
    });
    if (!changed) throw new AppError('NOT_CANCELLABLE');
    await releaseBookedPlace(trx, ctx, row, 'cancelled', now);
    await appendEvent(trx, {
      type: 'booking.cancelled',
      hallId: row.hallId,
      serviceId: row.serviceId,
      date: row.date,
      at: now.iso,
      number: row.number,
    });
    // Asked to forget the number: it is erased now, and so no message about the cancel can be sent.
    if (input.forgetPhone) {
      await eraseBookingContact(trx, row.id);
      await dropReminders(trx, row, now);
    } else await queueBookingCancelled(trx, ctx, row, service, hall, now);
  });
  ctx.events?.committed();
  const updated: BookingRecord = { ...row, status: 'cancelled', cancelledAt: now.iso, cancelReason: 'citizen', updatedAt: now.iso };
  return {
    booking: presentBooking(updated, service, hall, now.local, lang),
    remaining: await remainingOn(ctx.db, service, row.date, now.local),
  };
}

/**
 * The statuses of bookings a device remembers, each asked for with its status token (given to
 * the person who made or looked up the booking). The device keeps no ID card or phone number, so
 * this is how it learns of a booking cancelled elsewhere (or checked in, served, missed). Only the
 * status answers: no personal data, and a number with a wrong token is left out as if unknown.
 */
export async function bookingStatuses(ctx: ServiceContext, items: { number: string; token: string }[]): Promise<BookingStatusesResponse> {
  const wanted = items.filter((i) => ctx.pii.statusTokenMatches(i.number, i.token)).map((i) => i.number);
  const rows = await findBookingsByNumbers(ctx.db, [...new Set(wanted)]);
  const halls = new Map((await ctx.halls.all()).map((h) => [h.id, h]));
  return {
    bookings: rows.map((r) => ({
      number: r.number,
      status: effectiveStatus(r, hallTimeOf(ctx, halls.get(r.hallId))),
      ...(r.cancelReason ? { cancelReason: r.cancelReason } : {}),
      ...(r.rescheduledTo ? { rescheduledTo: r.rescheduledTo } : {}),
    })),
  };
}

/** 我的预约: the citizen switches text messages about one of their bookings on or off. */
export async function setBookingMessages(
  ctx: ServiceContext,
  number: string,
  input: { idCard: string; phone: string; notify: boolean },
  lang: Lang,
): Promise<{ booking: Booking }> {
  const { who, row, service, hall, now } = await ownBooking(ctx, number, input);
  await transact(ctx.db, async (trx) => {
    await setBookingNotify(trx, row.id, input.notify, now.iso);
    // Switched back on: the number is sealed again from what the citizen just proved they have.
    const sealed = input.notify ? sealPhone(ctx, who.phone, row.number) : null;
    if (sealed) await storeContact(trx, row.id, sealed);
    // Reminders still ahead (made with messages off, none were queued; queued ones stay as they are).
    if (input.notify && row.status === 'booked') await queueReminders(trx, ctx, { ...row, notify: true }, service, hall, now);
  });
  return { booking: ownersView(ctx, { ...row, notify: input.notify, updatedAt: now.iso }, service, hall, now.local, lang) };
}
