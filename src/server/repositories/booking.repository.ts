// 预定表. Rows are never deleted: status and timestamps change. Rows become BookingRecords here;
// nothing above this layer sees a column name.
import type { AgentRelation } from '../../domain/proxy-booking.js';
import type { Selectable } from 'kysely';
import type { BookingStatus } from '../../domain/booking-rules.js';
import type { BookingTable } from '../db/schema.js';
import type { Sealed } from '../services/contact-cipher.js';
import { type Db, affected, insertReturningId } from './portable.js';

/** A booking as stored; it satisfies the domain's BookingFacts, so the rules take it as it is. */
export interface BookingRecord {
  id: number;
  hallId: number;
  number: string;
  serviceId: number;
  date: string;
  slotStart: string;
  slotEnd: string;
  personId: number;
  idHash: string;
  idMasked: string;
  phoneHash: string;
  phoneMasked: string;
  /** As stored: a booking whose slot ended unchecked reads `booked` until the day closes (see effectiveStatus). */
  status: BookingStatus;
  idempotencyHash: string | null;
  /** Keyed hash of every field of the request that carried the Idempotency-Key (null without one). */
  requestFingerprint: string | null;
  createdAt: string;
  updatedAt: string;
  checkedInAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  /** The citizen wants text messages about it. */
  notify: boolean;
  /** The language it was made in (its messages'). */
  lang: 'zh' | 'en';
  /** The page /t/<token> (null: written by a release before tokens). */
  publicToken: string | null;
  /** 改约: how many moves made this booking (absent: none). */
  reschedules?: number;
  /** 改约: the number this booking was moved to (it is then cancelled, reason `rescheduled`). */
  rescheduledTo?: string | null;
  /** 改约: the number this booking was moved from. */
  rescheduledFrom?: string | null;
  /** 代办: who booked it for the person (absent or null: the person themself). */
  agent?: BookingAgent | null;
  /** The person's age in whole years on the booked day, from the ID card at booking (absent or null: not known). */
  ageOnDay?: number | null;
}

export interface BookingAgent {
  idHash: string;
  idMasked: string;
  relation: AgentRelation;
}

/** A new booking, with its phone sealed for messages (null: none kept). */
export type NewBooking = Omit<BookingRecord, 'id'> & { phoneSealed: Sealed | null };

function toBooking(r: Selectable<BookingTable>): BookingRecord {
  return {
    id: r.id,
    hallId: Number(r.hall_id),
    number: r.number,
    serviceId: r.service_id,
    date: r.date,
    slotStart: r.slot_start,
    slotEnd: r.slot_end,
    personId: r.person_id,
    idHash: r.id_hash,
    idMasked: r.id_masked,
    phoneHash: r.phone_hash,
    phoneMasked: r.phone_masked,
    status: r.status,
    idempotencyHash: r.idempotency_hash,
    requestFingerprint: r.request_fingerprint,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    checkedInAt: r.checked_in_at,
    cancelledAt: r.cancelled_at,
    cancelReason: r.cancel_reason,
    notify: Number(r.notify) === 1,
    lang: r.lang === 'en' ? 'en' : 'zh',
    publicToken: r.public_token ?? null,
    reschedules: Number(r.reschedules ?? 0),
    rescheduledTo: r.rescheduled_to ?? null,
    rescheduledFrom: r.rescheduled_from ?? null,
    agent: r.agent_id_hash && r.agent_relation ? { idHash: r.agent_id_hash, idMasked: r.agent_id_masked ?? '', relation: r.agent_relation } : null,
    ageOnDay: r.age_on_day === null || r.age_on_day === undefined ? null : Number(r.age_on_day),
  };
}

export async function insertBooking(db: Db, b: NewBooking): Promise<number> {
  return insertReturningId(db, 'booking', {
    hall_id: b.hallId,
    number: b.number,
    service_id: b.serviceId,
    date: b.date,
    slot_start: b.slotStart,
    slot_end: b.slotEnd,
    person_id: b.personId,
    id_hash: b.idHash,
    id_masked: b.idMasked,
    phone_hash: b.phoneHash,
    phone_masked: b.phoneMasked,
    status: b.status,
    idempotency_hash: b.idempotencyHash,
    request_fingerprint: b.requestFingerprint,
    created_at: b.createdAt,
    updated_at: b.updatedAt,
    checked_in_at: b.checkedInAt,
    cancelled_at: b.cancelledAt,
    phone_cipher: b.phoneSealed?.cipher ?? null,
    phone_key_id: b.phoneSealed?.keyId ?? null,
    notify: b.notify ? 1 : 0,
    lang: b.lang,
    cancel_reason: b.cancelReason,
    public_token: b.publicToken,
    reschedules: b.reschedules ?? 0,
    rescheduled_from: b.rescheduledFrom ?? null,
    agent_id_hash: b.agent?.idHash ?? null,
    agent_id_masked: b.agent?.idMasked ?? null,
    agent_relation: b.agent?.relation ?? null,
    age_on_day: b.ageOnDay ?? null,
  });
}

export async function findBookingById(db: Db, id: number): Promise<BookingRecord | undefined> {
  const r = await db.selectFrom('booking').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toBooking(r) : undefined;
}

export async function findBookingByNumber(db: Db, number: string): Promise<BookingRecord | undefined> {
  const r = await db.selectFrom('booking').selectAll().where('number', '=', number).executeTakeFirst();
  return r ? toBooking(r) : undefined;
}

export async function findBookingByPublicToken(db: Db, token: string): Promise<BookingRecord | undefined> {
  const r = await db.selectFrom('booking').selectAll().where('public_token', '=', token).executeTakeFirst();
  return r ? toBooking(r) : undefined;
}

export async function findBookingsByNumbers(db: Db, numbers: string[]): Promise<BookingRecord[]> {
  if (numbers.length === 0) return [];
  return (await db.selectFrom('booking').selectAll().where('number', 'in', numbers).execute()).map(toBooking);
}

export async function findBookingByIdempotency(db: Db, idempotencyHash: string): Promise<BookingRecord | undefined> {
  const r = await db.selectFrom('booking').selectAll().where('idempotency_hash', '=', idempotencyHash).executeTakeFirst();
  return r ? toBooking(r) : undefined;
}

/**
 * The bookings made with this ID card and this phone from a date on (the rows a per-person rule
 * counts). Never those made with the same ID and another phone: knowing someone's ID number must
 * neither reveal their bookings nor let anyone use up their limits.
 */
export async function bookingsOfPersonSince(db: Db, who: { idHash: string; phoneHash: string }, fromDate: string): Promise<BookingRecord[]> {
  const rows = await db
    .selectFrom('booking')
    .selectAll()
    .where('id_hash', '=', who.idHash)
    .where('phone_hash', '=', who.phoneHash)
    .where('date', '>=', fromDate)
    .execute();
  return rows.map(toBooking);
}

/** 预约记录: bookings made with this ID card and this phone (as the person, or as the agent of a 代办), newest first. */
export async function bookingsByCredentials(db: Db, idHash: string, phoneHash: string): Promise<BookingRecord[]> {
  const rows = await db
    .selectFrom('booking')
    .selectAll()
    .where((eb) => eb.or([eb('id_hash', '=', idHash), eb('agent_id_hash', '=', idHash)]))
    .where('phone_hash', '=', phoneHash)
    .orderBy('date', 'desc')
    .orderBy('slot_start', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  return rows.map(toBooking);
}

/** Moves a booking from one status to another; false if it was not in `from` any more. */
export async function changeBookingStatus(
  db: Db,
  id: number,
  from: BookingStatus,
  to: BookingStatus,
  fields: {
    at: string;
    checkedInAt?: string;
    cancelledAt?: string;
    cancelReason?: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('booking')
    .set({
      status: to,
      updated_at: fields.at,
      ...(fields.checkedInAt ? { checked_in_at: fields.checkedInAt } : {}),
      ...(fields.cancelledAt ? { cancelled_at: fields.cancelledAt } : {}),
      ...(fields.cancelReason ? { cancel_reason: fields.cancelReason } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return affected(result) === 1;
}

/**
 * 改约: ends a booked booking as moved (cancelled, reason `rescheduled`); false if it was not booked
 * any more (a cancel or another move got there first). The row stays locked until commit.
 */
export async function markRescheduled(db: Db, id: number, at: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('booking')
    .set({ status: 'cancelled', updated_at: at, cancelled_at: at, cancel_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  return affected(result) === 1;
}

/** 改约: the moved booking names the booking that replaced it. */
export async function linkRescheduled(db: Db, id: number, to: string): Promise<void> {
  await db.updateTable('booking').set({ rescheduled_to: to }).where('id', '=', id).execute();
}

/** Bookings per (service, date, slot) that hold a place: everything not cancelled. */
export async function placesHeld(db: Db): Promise<{ serviceId: number; date: string; slotStart: string; count: number }[]> {
  const rows = await db
    .selectFrom('booking')
    .select(['service_id', 'date', 'slot_start'])
    .select((eb) => eb.fn.countAll().as('count'))
    .where('status', '!=', 'cancelled')
    .groupBy(['service_id', 'date', 'slot_start'])
    .execute();
  return rows.map((r) => ({ serviceId: r.service_id, date: r.date, slotStart: r.slot_start, count: Number(r.count) }));
}

/** Bookings never checked in whose slot has ended become `missed` (end of day, and for reports). */
export async function markMissed(db: Db, hallId: number, today: string, nowTime: string, at: string): Promise<number> {
  const result = await db
    .updateTable('booking')
    .set({ status: 'missed', updated_at: at })
    .where('hall_id', '=', hallId)
    .where('status', '=', 'booked')
    .where((eb) => eb.or([eb('date', '<', today), eb.and([eb('date', '=', today), eb('slot_end', '<=', nowTime)])]))
    .executeTakeFirst();
  return affected(result);
}

/** Bookings that still hold a place on a date in a hall, or in every hall (what closing that day would cancel). */
export async function heldBookingsOn(db: Db, hallId: number | null, date: string): Promise<BookingRecord[]> {
  const rows = await db
    .selectFrom('booking')
    .selectAll()
    .where('date', '=', date)
    .where('status', '=', 'booked')
    .$if(hallId !== null, (q) => q.where('hall_id', '=', hallId as number))
    .execute();
  return rows.map(toBooking);
}

/** Every booking of a date range in a hall (or every hall), for reports. */
export async function bookingsBetween(db: Db, hallId: number | null, from: string, to: string): Promise<BookingRecord[]> {
  const rows = await db
    .selectFrom('booking')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<=', to)
    .$if(hallId !== null, (q) => q.where('hall_id', '=', hallId as number))
    .execute();
  return rows.map(toBooking);
}

/** Bookings per date that were not cancelled (booked, checked in, served or missed), for the calendar. */
export async function bookingCountsBetween(db: Db, hallId: number | null, from: string, to: string): Promise<{ date: string; count: number }[]> {
  const rows = await db
    .selectFrom('booking')
    .select('date')
    .select((eb) => eb.fn.countAll().as('count'))
    .$if(hallId !== null, (q) => q.where('hall_id', '=', hallId as number))
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('status', '!=', 'cancelled')
    .groupBy('date')
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ date: r.date, count: Number(r.count) }));
}

/** Bookings not cancelled per (hall, date) in a range, keyed `hallId|date` (the hall list's 已预约人数). */
export async function bookingTotalsOn(db: Db, from: string, to: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('booking')
    .select(['hall_id', 'date'])
    .select((eb) => eb.fn.countAll().as('count'))
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('status', '!=', 'cancelled')
    .groupBy(['hall_id', 'date'])
    .execute();
  return new Map(rows.map((r) => [`${r.hall_id}|${r.date}`, Number(r.count)]));
}

/** 预约取号: today's bookings the holder of this ID card may check in — their own, and those they booked for others (代办). */
export async function bookingsToCheckInOn(db: Db, idHash: string, date: string): Promise<BookingRecord[]> {
  const rows = await db
    .selectFrom('booking')
    .selectAll()
    .where((eb) => eb.or([eb('id_hash', '=', idHash), eb('agent_id_hash', '=', idHash)]))
    .where('date', '=', date)
    .orderBy('slot_start')
    .orderBy('id')
    .execute();
  return rows.map(toBooking);
}

/** 代办: how many bookings an agent holds for others from `today` on, not yet checked in or ended. */
export async function upcomingAsAgent(db: Db, agentIdHash: string, today: string): Promise<number> {
  const row = await db
    .selectFrom('booking')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agent_id_hash', '=', agentIdHash)
    .where('status', '=', 'booked')
    .where('date', '>=', today)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
