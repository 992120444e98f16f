// 候补 for the citizen: join the line of a full day or slot (ID card + phone, and a 短信验证码 when
// BOOKING_VERIFY=sms), see the position and any offer, leave, accept from 我的预约.
import type { Lang } from '../../contracts/errors.js';
import type { JoinWaitlistBody, OfferView, WaitlistEntry as EntryView } from '../../contracts/waitlist.js';
import { MAX_ACTIVE_BOOKINGS, bookingConflict } from '../../domain/booking-rules.js';
import { hallInstant, hallTime, isValidDate, slotRefusal } from '../../domain/schedule.js';
import { parseTicketNumber } from '../../domain/ticket-number.js';
import { MAX_WAITLIST_ENTRIES, isOpenEntry, joinRefusal, offersOpen, positionOf } from '../../domain/waitlist.js';
import { type BookingRecord, bookingsOfPersonSince } from '../repositories/booking.repository.js';
import { slotCounts } from '../repositories/inventory.repository.js';
import { ensurePerson, lockPerson } from '../repositories/person.repository.js';
import { findServicesByIds } from '../repositories/service.repository.js';
import type { Service } from '../repositories/service.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import {
  type WaitlistEntry,
  type WaitlistHold,
  changeEntryStatus,
  endHold,
  entriesOfPerson,
  findEntry,
  holdsOfEntries,
  insertEntry,
  lineOf,
  storeEntryContact,
} from '../repositories/waitlist.repository.js';
import { AppError } from './app-error.js';
import { activeService, dayOverride, hallOfService } from './catalog.service.js';
import { type ServiceContext, hallName, nowOf, serviceName, nowIn } from './context.js';
import { credentials } from './credentials.js';
import { checkCode, spendCode } from './verification.service.js';
import { acceptOffer, entryContactContext, liveHold, placeFreed, releaseHold } from './waitlist-offer.service.js';
import { MissingRow, transact } from './transact.js';

function presentOffer(h: WaitlistHold, hall: Hall) {
  return {
    token: h.token,
    slotStart: h.slotStart,
    slotEnd: h.slotEnd,
    expiresAt: h.expiresAt,
    expiresAtLocal: hallTime(new Date(h.expiresAt), hall.timeZone).time,
    status: h.status,
    ...(h.bookingNumber ? { bookingNumber: h.bookingNumber } : {}),
  };
}

function presentEntry(e: WaitlistEntry, service: Service, hall: Hall, lang: Lang, position: number | undefined, hold: WaitlistHold | undefined): EntryView {
  return {
    id: e.id,
    hallCode: hall.code,
    hallName: hallName(hall, lang),
    serviceId: e.serviceId,
    serviceName: serviceName(service, lang),
    date: e.date,
    slotStart: e.slotStart,
    status: e.status,
    ...(position !== undefined ? { position } : {}),
    ...(hold && e.status !== 'waiting' ? { offer: presentOffer(hold, hall) } : {}),
    ...(e.bookingNumber ? { bookingNumber: e.bookingNumber } : {}),
    createdAt: e.createdAt,
  };
}

/** Entries as their owner sees them: position while waiting, the offer while offered. */
async function present(ctx: ServiceContext, entries: WaitlistEntry[], lang: Lang): Promise<EntryView[]> {
  const services = new Map((await findServicesByIds(ctx.db, [...new Set(entries.map((e) => e.serviceId))])).map((s) => [s.id, s]));
  const halls = new Map((await ctx.halls.all()).map((h) => [h.id, h]));
  const holds = await holdsOfEntries(ctx.db, entries.map((e) => e.id));
  const lines = new Map<string, WaitlistEntry[]>();
  for (const e of entries.filter((x) => x.status === 'waiting')) {
    const key = `${e.serviceId}|${e.date}`;
    if (!lines.has(key)) lines.set(key, await lineOf(ctx.db, e.serviceId, e.date));
  }
  return entries.flatMap((e) => {
    const service = services.get(e.serviceId);
    const hall = halls.get(e.hallId);
    if (!service || !hall) return [];
    const line = lines.get(`${e.serviceId}|${e.date}`);
    return [presentEntry(e, service, hall, lang, line ? positionOf(line, e) : undefined, holds.get(e.id))];
  });
}

/** The slots a join waits for: the one asked for, or every slot of the day still ahead. */
function wantedSlots(service: Service, hall: Hall, date: string, slot: string | undefined, nowMs: number): string[] {
  const all = slot ? [slot] : service.schedule.slots.map((s) => s.start);
  return all.filter((s) => offersOpen(hallInstant(date, s, hall.timeZone).getTime(), nowMs));
}

export async function joinWaitlist(ctx: ServiceContext, input: JoinWaitlistBody, lang: Lang): Promise<{ entry: EntryView }> {
  const service = await activeService(ctx, input.serviceId);
  const { hall } = await hallOfService(ctx, service);
  const now = nowIn(ctx, hall);
  const who = credentials(ctx, input, now.local.date);
  if (!isValidDate(input.date)) throw new AppError('VALIDATION', { reason: `date ${input.date}`, field: 'date' });
  const override = await dayOverride(ctx.db, hall.id, input.date);
  const asked = input.slot ? [input.slot] : service.schedule.slots.map((s) => s.start);
  // The day must be one a citizen could book, apart from being full.
  const refusals = asked.map((s) => slotRefusal(service.schedule, input.date, s, now.local, Number.POSITIVE_INFINITY, override));
  const bookable = asked.filter((_, i) => refusals[i] === null);
  if (bookable.length === 0) {
    const reason = refusals.find((r) => r !== 'past') ?? 'past';
    throw new AppError('SLOT_NOT_BOOKABLE', { reason, field: input.slot ? 'slot' : 'date' });
  }
  const slots = wantedSlots(service, hall, input.date, input.slot, now.instant.getTime()).filter((s) => bookable.includes(s));
  if (slots.length === 0) throw new AppError('WAITLIST_CLOSED', { field: input.slot ? 'slot' : 'date' });
  // Only a full day (or slot) has a line: with a place free the citizen books it.
  const counts = new Map((await slotCounts(ctx.db, [service.id], input.date, input.date)).map((c) => [c.slotStart, c]));
  const free = bookable.filter((s) => {
    const c = counts.get(s);
    const capacity = c?.capacity ?? service.schedule.slots.find((x) => x.start === s)?.capacity ?? 0;
    return (c?.reserved ?? 0) < capacity;
  });
  if (free.length > 0) throw new AppError('WAITLIST_NOT_FULL', { free: free.length });

  const codeId = await checkCode(ctx, who.phoneHash, 'book', input.smsCode);
  const notify = input.notify !== false;
  const id = await transact(ctx.db, async (trx) => {
    // The person's row first: their entries and bookings cannot change until we commit.
    const personId = await lockPerson(trx, who.idHash, now.iso);
    if (personId === null) throw new MissingRow(() => ensurePerson(ctx.db, { ...who, at: now.iso }));
    await spendCode(trx, codeId, now.iso);
    // The per-person booking rules apply at join as at booking.
    const theirs = await bookingsOfPersonSince(trx, who, now.local.date);
    const sameService = (b: BookingRecord) => parseTicketNumber(b.number)?.letter === service.letter;
    const conflict = bookingConflict(theirs, { serviceId: service.id, date: input.date }, now.local, MAX_ACTIVE_BOOKINGS, sameService);
    if (conflict) throw new AppError(conflict, conflict === 'BOOKING_LIMIT' ? { limit: MAX_ACTIVE_BOOKINGS } : {});
    const refusal = joinRefusal(await entriesOfPerson(trx, who.idHash, who.phoneHash), { serviceId: service.id, date: input.date });
    if (refusal) throw new AppError(refusal, refusal === 'WAITLIST_LIMIT' ? { limit: MAX_WAITLIST_ENTRIES } : {});
    const entryId = await insertEntry(trx, {
      hallId: hall.id,
      serviceId: service.id,
      date: input.date,
      slotStart: input.slot ?? null,
      idHash: who.idHash,
      idMasked: who.idMasked,
      phoneHash: who.phoneHash,
      phoneMasked: who.phoneMasked,
      notify,
      lang,
      createdAt: now.iso,
    });
    if (notify && ctx.messaging) await storeEntryContact(trx, entryId, ctx.messaging.contacts.seal(who.phone, entryContactContext(entryId)));
    // A place freed between the check above and now: offered at once (to whoever is first).
    for (const slot of slots) await placeFreed(ctx, trx, { hallId: hall.id, serviceId: service.id, date: input.date, slot });
    return entryId;
  });
  const entry = (await findEntry(ctx.db, id)) as WaitlistEntry;
  const [view] = await present(ctx, [entry], lang);
  return { entry: view as EntryView };
}

export async function waitlistOf(ctx: ServiceContext, input: { idCard: string; phone: string }, lang: Lang): Promise<{ entries: EntryView[] }> {
  const who = credentials(ctx, input, nowOf(ctx).local.date);
  return { entries: await present(ctx, await entriesOfPerson(ctx.db, who.idHash, who.phoneHash), lang) };
}

/** An entry by id, only for its owner: someone else's looks like none. */
async function ownEntry(ctx: ServiceContext, id: number, input: { idCard: string; phone: string }): Promise<WaitlistEntry> {
  const who = credentials(ctx, input, nowOf(ctx).local.date);
  const entry = await findEntry(ctx.db, id);
  if (!entry || entry.idHash !== who.idHash || entry.phoneHash !== who.phoneHash) throw new AppError('NOT_FOUND');
  return entry;
}

/** Leaves a line; a place held for the entry goes to the next in line. */
export async function leaveWaitlist(ctx: ServiceContext, id: number, input: { idCard: string; phone: string }, lang: Lang): Promise<{ entry: EntryView }> {
  const entry = await ownEntry(ctx, id, input);
  if (!isOpenEntry(entry)) throw new AppError('WAITLIST_ENDED', { status: entry.status });
  const hold = (await holdsOfEntries(ctx.db, [entry.id])).get(entry.id);
  const at = nowOf(ctx).iso;
  await transact(ctx.db, async (trx) => {
    if (await changeEntryStatus(trx, entry.id, 'waiting', 'left', at)) return;
    // Offered: the hold is given back and passed on, unless it was accepted or expired meanwhile.
    if (!hold || !(await endHold(trx, hold.id, 'released', at))) throw new AppError('WAITLIST_ENDED');
    if (!(await changeEntryStatus(trx, entry.id, 'offered', 'left', at))) throw new AppError('WAITLIST_ENDED');
    await releaseHold(ctx, trx, hold);
  });
  const [view] = await present(ctx, [(await findEntry(ctx.db, id)) as WaitlistEntry], lang);
  return { entry: view as EntryView };
}

/** 我的预约: accepts the entry's current offer. */
export async function acceptAsOwner(ctx: ServiceContext, id: number, input: { idCard: string; phone: string }, lang: Lang) {
  const entry = await ownEntry(ctx, id, input);
  const hold = (await holdsOfEntries(ctx.db, [entry.id])).get(entry.id);
  if (!hold) throw new AppError('OFFER_GONE', { status: entry.status });
  return acceptOffer(ctx, hold.token, lang);
}

/** The /w/<token> page: the offer, its deadline and the (masked) ID it is for. */
export async function offerView(ctx: ServiceContext, token: string, lang: Lang): Promise<OfferView> {
  const hold = await liveHold(ctx, token);
  const entry = await findEntry(ctx.db, hold.entryId);
  const [service] = await findServicesByIds(ctx.db, [hold.serviceId]);
  const hall = await ctx.halls.byId(hold.hallId);
  if (!entry || !service || !hall) throw new AppError('NOT_FOUND');
  // A hold past its time reads expired at once, even before housekeeping has passed it on.
  const expired = hold.status === 'held' && hold.expiresAt <= nowOf(ctx).iso;
  const offer = presentOffer(expired ? { ...hold, status: 'expired' } : hold, hall);
  return { hallCode: hall.code, hallName: hallName(hall, lang), serviceName: serviceName(service, lang), date: hold.date, idCardMasked: entry.idMasked, offer };
}
