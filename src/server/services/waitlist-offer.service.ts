// 候补 offers: a freed place goes to the first in line as a hold (counted in the slot's `reserved`,
// so every booking path sees it taken), with a message and a link; accepting makes it a booking
// with a normal number under the normal per-person rules; expiry (by time, in any process) passes
// it on. `placeFreed` is the one hook every place-freeing path calls inside its own transaction.
import { newBooking, savedBooking } from './new-booking.js';
import type { Lang } from '../../contracts/errors.js';
import type { Booking } from '../../contracts/bookings.js';
import { bookingConflict, MAX_ACTIVE_BOOKINGS } from '../../domain/booking-rules.js';
import { findSlot, hallInstant, hallTime, isOpenDay } from '../../domain/schedule.js';
import { formatTicketNumber, parseTicketNumber } from '../../domain/ticket-number.js';
import { holdExpiresAt, nextInLine, offersOpen } from '../../domain/waitlist.js';
import { type BookingRecord, bookingsOfPersonSince, insertBooking } from '../repositories/booking.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import { releasePlace, takePlace } from '../repositories/inventory.repository.js';
import { queueNotification } from '../repositories/notification.repository.js';
import { ensureCounter, nextOrder } from '../repositories/number-counter.repository.js';
import { ensurePerson, lockPerson } from '../repositories/person.repository.js';
import type { Db } from '../repositories/portable.js';
import { findService } from '../repositories/service.repository.js';
import {
  type WaitlistHold,
  changeEntryStatus,
  closeEntriesBefore,
  dueHolds,
  endHold,
  entryContact,
  findEntry,
  findHoldByToken,
  hallFacts,
  insertHold,
  lineOf,
  setHoldBooking,
  waitingDays,
} from '../repositories/waitlist.repository.js';
import { AppError } from './app-error.js';
import { dayOverride } from './catalog.service.js';
import { type ServiceContext, nowIn } from './context.js';
import { queueBookingMade, whatToBring } from './notify.service.js';
import { presentBooking } from './present.js';
import { newPublicToken } from './public-token.js';
import { MissingRow, transact } from './transact.js';

export interface FreedPlace {
  hallId: number;
  serviceId: number;
  date: string;
  /** The slot's start, HH:mm. */
  slot: string;
}

/** The associated data an entry's phone is sealed with (it opens on no other row). */
export function entryContactContext(entryId: number): string {
  return `waitlist:${entryId}`;
}

export function offerPath(token: string): string {
  return `/w/${token}`;
}

const MAX_OFFERS_PER_CALL = 50;

/**
 * A place of this slot may be free (a cancel, a raised capacity, an expired hold, a join): while
 * offers are open and someone waits for it, each free place becomes a hold for the next in line.
 * Runs inside the caller's transaction; returns how many offers it made.
 */
export async function placeFreed(ctx: ServiceContext, trx: Db, p: FreedPlace): Promise<number> {
  const hall = await hallFacts(trx, p.hallId);
  const service = await findService(trx, p.serviceId);
  const plan = service ? findSlot(service.schedule, p.slot) : undefined;
  if (!hall || !service || !plan) return 0;
  const now = ctx.clock();
  const startMs = hallInstant(p.date, p.slot, hall.timeZone).getTime();
  if (!offersOpen(startMs, now.getTime())) return 0;
  // A day the hall closed has no places to offer (its bookings were cancelled with it).
  if (!isOpenDay(service.schedule, p.date, await dayOverride(trx, p.hallId, p.date))) return 0;
  const key = { serviceId: p.serviceId, date: p.date, slotStart: p.slot };
  const tried = new Set<number>();
  let made = 0;
  while (tried.size < MAX_OFFERS_PER_CALL) {
    const entry = nextInLine(await lineOf(trx, p.serviceId, p.date), p.slot, tried);
    if (!entry) break;
    tried.add(entry.id);
    // The place is taken exactly as a booking takes one: one conditional UPDATE of the count.
    if ((await takePlace(trx, key)) !== 'taken') break;
    // Another transaction offered this entry (a whole-day entry) a place first: give ours back.
    if (!(await changeEntryStatus(trx, entry.id, 'waiting', 'offered', now.toISOString()))) {
      await releasePlace(trx, key);
      continue;
    }
    const n = entry.offers + 1;
    const expiresAt = new Date(holdExpiresAt(now.getTime(), ctx.holdMinutes ?? 30, startMs));
    const token = newPublicToken();
    await insertHold(trx, {
      entryId: entry.id,
      n,
      hallId: p.hallId,
      serviceId: p.serviceId,
      date: p.date,
      slotStart: p.slot,
      slotEnd: plan.end,
      token,
      expiresAt: expiresAt.toISOString(),
      createdAt: now.toISOString(),
    });
    if (ctx.messaging && entry.notify) {
      const en = entry.lang === 'en';
      await queueNotification(trx, {
        hallId: p.hallId,
        kind: 'waitlist.offer',
        cause: `waitlist.offer:${entry.id}:${n}`,
        bookingId: null,
        ticketId: null,
        lang: entry.lang,
        params: {
          service: en ? service.nameEn : service.nameZh,
          date: p.date,
          slot: `${p.slot}-${plan.end}`,
          hall: en ? hall.nameEn : hall.nameZh,
          until: hallTime(expiresAt, hall.timeZone).time,
          link: `${ctx.messaging.publicUrl}${offerPath(token)}`,
        },
        dueAt: now.toISOString(),
        createdAt: now.toISOString(),
      });
    }
    made++;
  }
  return made;
}

/** An admin raised a slot's capacity: the days where people wait get their offers now. */
export async function offerRaisedPlaces(ctx: ServiceContext, trx: Db, p: { hallId: number; serviceId: number; slot: string; fromDate: string }): Promise<number> {
  let made = 0;
  for (const date of await waitingDays(trx, p.serviceId, p.slot, p.fromDate)) {
    made += await placeFreed(ctx, trx, { hallId: p.hallId, serviceId: p.serviceId, date, slot: p.slot });
  }
  return made;
}

/** Gives a held place back (the entry left, or its hold expired) and passes it to the next in line. */
export async function releaseHold(ctx: ServiceContext, trx: Db, hold: WaitlistHold): Promise<void> {
  await releasePlace(trx, { serviceId: hold.serviceId, date: hold.date, slotStart: hold.slotStart });
  await placeFreed(ctx, trx, { hallId: hold.hallId, serviceId: hold.serviceId, date: hold.date, slot: hold.slotStart });
}

/**
 * Housekeeping, in every process that runs it: holds whose time ran out end and pass their place
 * on (each in its own transaction, claimed by a conditional UPDATE, so two processes never pass one
 * place twice), and lines of days that have come close. Returns how many holds expired.
 */
export async function expireHolds(ctx: ServiceContext, limit = 100): Promise<number> {
  const nowIso = ctx.clock().toISOString();
  let expired = 0;
  for (const hold of await dueHolds(ctx.db, nowIso, limit)) {
    const done = await transact(ctx.db, async (trx) => {
      if (!(await endHold(trx, hold.id, 'expired', nowIso))) return false;
      await changeEntryStatus(trx, hold.entryId, 'offered', 'lapsed', nowIso);
      await releaseHold(ctx, trx, hold);
      return true;
    });
    if (done) expired++;
  }
  // A day that is over (on the HALL_TZ calendar) has no line any more.
  await closeEntriesBefore(ctx.db, hallTime(ctx.clock(), ctx.hallTz).date, nowIso);
  return expired;
}

/** A hold still valid by its token (the link page and 我的预约 both come here). */
export async function liveHold(ctx: ServiceContext, token: string): Promise<WaitlistHold> {
  const hold = await findHoldByToken(ctx.db, token);
  if (!hold) throw new AppError('NOT_FOUND');
  return hold;
}

/**
 * Accepts an offer: the hold becomes a booking with a normal number, made under the same per-person
 * rules as any booking. The place is already counted (the hold's), so none is taken again; a refusal
 * (another booking that day, too many upcoming) leaves the hold as it was until it expires.
 */
export async function acceptOffer(ctx: ServiceContext, token: string, lang: Lang): Promise<{ booking: Booking }> {
  const hold = await liveHold(ctx, token);
  const entry = await findEntry(ctx.db, hold.entryId);
  const service = await findService(ctx.db, hold.serviceId);
  const hall = await ctx.halls.byId(hold.hallId);
  if (!entry || !service || !hall) throw new AppError('NOT_FOUND');
  const now = nowIn(ctx, hall);
  if (hold.status !== 'held' || hold.expiresAt <= now.iso) throw new AppError('OFFER_GONE', { status: hold.status === 'held' ? 'expired' : hold.status });
  if (!isOpenDay(service.schedule, hold.date, await dayOverride(ctx.db, hall.id, hold.date))) {
    throw new AppError('SLOT_NOT_BOOKABLE', { reason: 'closed', field: 'slot' });
  }
  const bring = await whatToBring(ctx, service, entry.notify);
  const phone = openEntryPhone(ctx, entry.id, await entryContact(ctx.db, entry.id));
  const who = { idHash: entry.idHash, phoneHash: entry.phoneHash };
  const counterKey = { serviceId: service.id, date: hold.date, time: hold.slotStart };
  const row = await transact(ctx.db, async (trx) => {
    const personId = await lockPerson(trx, entry.idHash, now.iso);
    if (personId === null) throw new MissingRow(() => ensurePerson(ctx.db, { idHash: entry.idHash, idMasked: entry.idMasked, at: now.iso }));
    if (!(await endHold(trx, hold.id, 'accepted', now.iso))) throw new AppError('OFFER_GONE', { status: 'ended' });
    const theirs = await bookingsOfPersonSince(trx, who, now.local.date);
    const sameService = (b: BookingRecord) => parseTicketNumber(b.number)?.letter === service.letter;
    const conflict = bookingConflict(theirs, { serviceId: service.id, date: hold.date }, now.local, MAX_ACTIVE_BOOKINGS, sameService);
    if (conflict) throw new AppError(conflict, conflict === 'BOOKING_LIMIT' ? { limit: MAX_ACTIVE_BOOKINGS } : {});
    const order = await nextOrder(trx, counterKey);
    if (order === null) throw new MissingRow(() => ensureCounter(ctx.db, counterKey));
    const number = formatTicketNumber({ prefix: hall.numberPrefix, letter: service.letter, date: hold.date, time: hold.slotStart, order });
    const notify = entry.notify && phone !== null;
    const booking = newBooking(ctx, {
      hallId: hall.id,
      number,
      serviceId: service.id,
      date: hold.date,
      slotStart: hold.slotStart,
      slotEnd: hold.slotEnd,
      personId,
      person: entry,
      phone,
      notify,
      lang: entry.lang,
      at: now.iso,
    });
    const saved = savedBooking(booking, await insertBooking(trx, booking));
    await setHoldBooking(trx, hold.id, number);
    await changeEntryStatus(trx, entry.id, 'offered', 'booked', now.iso, { bookingNumber: number });
    await queueBookingMade(trx, ctx, saved, service, hall, bring, now);
    await appendEvent(trx, { type: 'booking.created', hallId: hall.id, serviceId: service.id, date: hold.date, at: now.iso, number });
    return saved;
  });
  ctx.events?.committed();
  return {
    booking: {
      ...presentBooking(row, service, hall, now.local, lang),
      statusToken: ctx.pii.statusToken(row.number),
      notify: row.notify,
      ...(row.publicToken ? { publicToken: row.publicToken } : {}),
    },
  };
}

/** The entry's phone, opened to be sealed again for its booking (null: none kept or not readable). */
function openEntryPhone(ctx: ServiceContext, entryId: number, sealed: Awaited<ReturnType<typeof entryContact>>): string | null {
  if (!sealed || !ctx.messaging) return null;
  try {
    return ctx.messaging.contacts.open(sealed, entryContactContext(entryId));
  } catch {
    return null;
  }
}
