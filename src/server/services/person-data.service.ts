// A person's data on request (PIPL arts. 45 and 47). An admin shows what is kept about an ID card
// (masked) and erases it; a citizen erases the phone of their own past bookings in 我的预约.
// Erasing never changes a status, service, hall or day: the reports count the same afterwards.
// A booking still ahead (booked, or checked in today) is never erased: it holds a place the hall
// expects someone to take, so the admin is told to cancel it first (PERSON_HAS_ACTIVE_BOOKINGS).
import type { Lang } from '../../contracts/errors.js';
import type { ForgetContactsResponse, KeptBookingView, PersonDataResponse, PersonForgetResponse } from '../../contracts/person-data.js';
import { effectiveStatus, isActive } from '../../domain/booking-rules.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { lockPerson } from '../repositories/person.repository.js';
import {
  type KeptBooking,
  bookingsOfIdAndPhone,
  bookingsOfIdCard,
  eraseBookingPhones,
  eraseAgentOf,
  eraseBookings,
  erasePersonIfUnused,
  eraseSpentVerifications,
  notificationsOfBookings,
  personKept,
  ticketsOfBookings,
  verificationsOfPhone,
} from '../repositories/person-data.repository.js';
import { findServicesByIds } from '../repositories/service.repository.js';
import { AppError } from './app-error.js';
import { type ServiceContext, hallName, hallTimeOf, nowOf, serviceName } from './context.js';
import { credentials } from './credentials.js';
import type { Hall } from './hall-directory.js';
import { transact } from './transact.js';
import { checkCode, spendCode } from './verification.service.js';

/** Whose data an admin may reach: one hall's bookings (a hall admin), or every hall's (null: a city admin). */
export interface PersonScope {
  hallId: number | null;
  actor: string;
}

/** Each hall's clock, read before any transaction (the hall directory must not be read inside one). */
async function hallClocks(ctx: ServiceContext): Promise<Map<number, Hall>> {
  return new Map((await ctx.halls.all()).map((h) => [h.id, h]));
}

function activeOf(ctx: ServiceContext, halls: Map<number, Hall>, b: KeptBooking): boolean {
  return isActive(b, hallTimeOf(ctx, halls.get(b.hallId)));
}

export async function showPerson(
  ctx: ServiceContext,
  input: { idCard: string; phone?: string },
  scope: PersonScope,
  lang: Lang,
): Promise<PersonDataResponse> {
  const now = nowOf(ctx);
  const who = credentials(ctx, input, now.local.date);
  const halls = await hallClocks(ctx);
  const bookings = await bookingsOfIdCard(ctx.db, who.idHash, scope.hallId);
  const ids = bookings.map((b) => b.id);
  const tickets = await ticketsOfBookings(ctx.db, ids);
  const messages = await notificationsOfBookings(ctx.db, ids);
  const services = new Map((await findServicesByIds(ctx.db, [...new Set(bookings.map((b) => b.serviceId))])).map((s) => [s.id, s]));
  const views: KeptBookingView[] = bookings.map((b) => {
    const hall = halls.get(b.hallId);
    const service = services.get(b.serviceId);
    return {
      number: b.number,
      hallCode: hall?.code ?? '',
      hallName: hall ? hallName(hall, lang) : '',
      serviceLetter: service?.letter ?? '',
      serviceName: service ? serviceName(service, lang) : '',
      date: b.date,
      slotStart: b.slotStart,
      slotEnd: b.slotEnd,
      status: effectiveStatus(b, hallTimeOf(ctx, hall)),
      active: activeOf(ctx, halls, b),
      idCardMasked: b.idMasked,
      phoneMasked: b.phoneMasked,
      phoneKept: b.phoneKept,
      createdAt: b.createdAt,
      tickets: tickets.filter((t) => t.bookingId === b.id).map((t) => ({ number: t.number, callNumber: t.callNumber, status: t.status })),
      messages: messages.filter((m) => m.bookingId === b.id).map(({ bookingId: _, ...m }) => m),
    };
  });
  const person = await personKept(ctx.db, who.idHash);
  const verificationCodes = who.phoneHash ? await verificationsOfPhone(ctx.db, who.phoneHash) : [];
  await appendAudit(ctx.db, {
    hallId: scope.hallId,
    at: now.iso,
    actor: scope.actor,
    action: 'person.show',
    target: 'person',
    details: { bookings: views.length, verificationCodes: verificationCodes.length },
  });
  return {
    idCardMasked: who.idMasked,
    phoneMasked: who.phoneMasked || null,
    personKept: person !== undefined,
    bookings: views,
    verificationCodes,
  };
}

export async function forgetPerson(ctx: ServiceContext, input: { idCard: string; phone?: string }, scope: PersonScope): Promise<PersonForgetResponse> {
  const now = nowOf(ctx);
  const who = credentials(ctx, input, now.local.date);
  const halls = await hallClocks(ctx);
  const result = await transact(ctx.db, async (trx) => {
    // The person's row first (a write): a booking of theirs racing this waits until we commit.
    await lockPerson(trx, who.idHash, now.iso);
    const bookings = await bookingsOfIdCard(trx, who.idHash, scope.hallId);
    const active = bookings.filter((b) => activeOf(ctx, halls, b));
    if (active.length > 0) throw new AppError('PERSON_HAS_ACTIVE_BOOKINGS', { bookings: active.length, numbers: active.map((b) => b.number) });
    const erased = await eraseBookings(
      trx,
      bookings.map((b) => b.id),
      now.iso,
    );
    // Where they booked for others (代办), their ID card goes too; those bookings remain the other person's.
    await eraseAgentOf(trx, who.idHash, now.iso);
    const verificationCodes = who.phoneHash ? await eraseSpentVerifications(trx, who.phoneHash, now.iso) : 0;
    const person = await erasePersonIfUnused(trx, who.idHash);
    // Neither the ID card nor the phone (nor their masked forms) goes into the log: what was erased is enough.
    await appendAudit(trx, {
      hallId: scope.hallId,
      at: now.iso,
      actor: scope.actor,
      action: 'person.forget',
      target: 'person',
      details: { bookings: erased, numbers: bookings.map((b) => b.number), verificationCodes, person },
    });
    return { bookings: erased, verificationCodes, person };
  });
  return result;
}

/**
 * 我的预约: the citizen erases the phone number of their bookings that are over (past, cancelled,
 * served, missed). Bookings still ahead keep it (the hall may need to reach them); cancel first.
 */
export async function forgetPastContacts(
  ctx: ServiceContext,
  input: { idCard: string; phone: string; smsCode?: string },
): Promise<ForgetContactsResponse> {
  const now = nowOf(ctx);
  const who = credentials(ctx, input, now.local.date);
  const halls = await hallClocks(ctx);
  const codeId = await checkCode(ctx, who.phoneHash, 'cancel', input.smsCode);
  return transact(ctx.db, async (trx) => {
    await lockPerson(trx, who.idHash, now.iso);
    await spendCode(trx, codeId, now.iso);
    const bookings = await bookingsOfIdAndPhone(trx, who.idHash, who.phoneHash);
    const past = bookings.filter((b) => !activeOf(ctx, halls, b));
    const erased = await eraseBookingPhones(
      trx,
      past.map((b) => b.id),
      now.iso,
    );
    return { erased, kept: bookings.length - past.length };
  });
}
