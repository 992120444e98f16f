// What is kept about one person, and its erasure (on request, or past RECORD_RETENTION_DAYS).
// A person is found by the keyed hash of their ID card (booking.id_hash, person.id_hash) and of
// their phone (booking.phone_hash, phone_verification.phone_hash). Erasing replaces the hashes with
// ERASED (a keyed hash is 64 hex digits, so no lookup can ever match it), the masked forms with
// stars, and drops the sealed phone, the idempotency and request hashes and the page token.
// Status, service, hall, date and times stay: the reports count them, anonymously.
import type { BookingStatus } from '../../domain/booking-rules.js';
import type { TicketStatus } from '../../domain/ticket-status.js';
import { type Db, affected } from './portable.js';

export const ERASED = 'erased';
export const ERASED_ID_MASK = '******************';
export const ERASED_PHONE_MASK = '***********';
/** How many bookings one erasing statement takes (keeps `IN (…)` lists and locks short). */
const BATCH = 500;

export interface KeptBooking {
  id: number;
  hallId: number;
  number: string;
  serviceId: number;
  date: string;
  slotStart: string;
  slotEnd: string;
  status: BookingStatus;
  idMasked: string;
  phoneMasked: string;
  phoneKept: boolean;
  createdAt: string;
}

const bookingColumns = [
  'id',
  'hall_id',
  'number',
  'service_id',
  'date',
  'slot_start',
  'slot_end',
  'status',
  'id_masked',
  'phone_masked',
  'phone_cipher',
  'created_at',
] as const;

type BookingRow = {
  id: number;
  hall_id: number;
  number: string;
  service_id: number;
  date: string;
  slot_start: string;
  slot_end: string;
  status: BookingStatus;
  id_masked: string;
  phone_masked: string;
  phone_cipher: string | null;
  created_at: string;
};

function toKept(r: BookingRow): KeptBooking {
  return {
    id: r.id,
    hallId: Number(r.hall_id),
    number: r.number,
    serviceId: r.service_id,
    date: r.date,
    slotStart: r.slot_start,
    slotEnd: r.slot_end,
    status: r.status,
    idMasked: r.id_masked,
    phoneMasked: r.phone_masked,
    phoneKept: r.phone_cipher !== null,
    createdAt: r.created_at,
  };
}

/** Every booking made with this ID card (any phone), in one hall or (null) every hall, oldest first. */
export async function bookingsOfIdCard(db: Db, idHash: string, hallId: number | null): Promise<KeptBooking[]> {
  let q = db.selectFrom('booking').select(bookingColumns).where('id_hash', '=', idHash);
  if (hallId !== null) q = q.where('hall_id', '=', hallId);
  const rows = await q.orderBy('date').orderBy('slot_start').orderBy('id').execute();
  return rows.map(toKept);
}

/** Every booking made with this ID card and this phone (what 我的预约 shows), oldest first. */
export async function bookingsOfIdAndPhone(db: Db, idHash: string, phoneHash: string): Promise<KeptBooking[]> {
  const rows = await db
    .selectFrom('booking')
    .select(bookingColumns)
    .where('id_hash', '=', idHash)
    .where('phone_hash', '=', phoneHash)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map(toKept);
}

export interface KeptTicket {
  bookingId: number;
  number: string;
  callNumber: string;
  date: string;
  status: TicketStatus;
}

export async function ticketsOfBookings(db: Db, bookingIds: number[]): Promise<KeptTicket[]> {
  if (bookingIds.length === 0) return [];
  const rows = await db
    .selectFrom('ticket')
    .select(['booking_id', 'number', 'call_number', 'date', 'status'])
    .where('booking_id', 'in', bookingIds)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ bookingId: r.booking_id as number, number: r.number, callNumber: r.call_number, date: r.date, status: r.status }));
}

export interface KeptNotification {
  bookingId: number;
  kind: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}

export async function notificationsOfBookings(db: Db, bookingIds: number[]): Promise<KeptNotification[]> {
  if (bookingIds.length === 0) return [];
  const rows = await db
    .selectFrom('notification')
    .select(['booking_id', 'kind', 'status', 'created_at', 'sent_at'])
    .where('booking_id', 'in', bookingIds)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ bookingId: r.booking_id as number, kind: r.kind, status: r.status, createdAt: r.created_at, sentAt: r.sent_at }));
}

export interface KeptVerification {
  purpose: string;
  createdAt: string;
  usedAt: string | null;
  expiresAt: string;
}

/** The 短信验证码 sent to this phone (their keyed phone hash is kept with them). */
export async function verificationsOfPhone(db: Db, phoneHash: string): Promise<KeptVerification[]> {
  const rows = await db
    .selectFrom('phone_verification')
    .select(['purpose', 'created_at', 'used_at', 'expires_at'])
    .where('phone_hash', '=', phoneHash)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ purpose: r.purpose, createdAt: r.created_at, usedAt: r.used_at, expiresAt: r.expires_at }));
}

/** Whether a person row is kept for this ID card (what serialises their bookings). */
export async function personKept(db: Db, idHash: string): Promise<{ idMasked: string; createdAt: string } | undefined> {
  const r = await db.selectFrom('person').select(['id_masked', 'created_at']).where('id_hash', '=', idHash).executeTakeFirst();
  return r ? { idMasked: r.id_masked, createdAt: r.created_at } : undefined;
}

function batches(ids: number[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) out.push(ids.slice(i, i + BATCH));
  return out;
}

/** Erases every personal field of these bookings and the page tokens of their tickets; how many bookings changed. */
export async function eraseBookings(db: Db, ids: number[], at: string): Promise<number> {
  let n = 0;
  for (const part of batches(ids)) {
    const result = await db
      .updateTable('booking')
      .set({
        id_hash: ERASED,
        id_masked: ERASED_ID_MASK,
        phone_hash: ERASED,
        phone_masked: ERASED_PHONE_MASK,
        phone_cipher: null,
        phone_key_id: null,
        idempotency_hash: null,
        request_fingerprint: null,
        public_token: null,
        agent_id_hash: null,
        agent_id_masked: null,
        age_on_day: null,
        updated_at: at,
      })
      .where('id', 'in', part)
      .executeTakeFirst();
    n += affected(result);
    await db.updateTable('ticket').set({ public_token: null }).where('booking_id', 'in', part).execute();
  }
  return n;
}

/** Erases the phone of these bookings (its sealed form, keyed hash and masked form); how many changed. */
export async function eraseBookingPhones(db: Db, ids: number[], at: string): Promise<number> {
  let n = 0;
  for (const part of batches(ids)) {
    const result = await db
      .updateTable('booking')
      .set({ phone_hash: ERASED, phone_masked: ERASED_PHONE_MASK, phone_cipher: null, phone_key_id: null, request_fingerprint: null, updated_at: at })
      .where('id', 'in', part)
      .executeTakeFirst();
    n += affected(result);
  }
  return n;
}

/**
 * Erases the person row of this ID card once none of its bookings keeps the hash: it then holds
 * `erased:<row id>` (unique, as the column must be). True when it was erased.
 */
export async function erasePersonIfUnused(db: Db, idHash: string): Promise<boolean> {
  const row = await db.selectFrom('person').select('id').where('id_hash', '=', idHash).executeTakeFirst();
  if (!row) return false;
  return erasePersonRows(db, [row.id]).then((n) => n === 1);
}

/** Of these person rows, erases those no unerased booking refers to; how many were erased. */
async function erasePersonRows(db: Db, personIds: number[]): Promise<number> {
  let n = 0;
  for (const id of personIds) {
    const result = await db
      .updateTable('person')
      .set({ id_hash: `${ERASED}:${id}`, id_masked: ERASED_ID_MASK })
      .where('id', '=', id)
      .where('id_hash', 'not like', `${ERASED}:%`)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('booking').select('booking.id').whereRef('booking.person_id', '=', 'person.id').where('booking.id_hash', '<>', ERASED))),
      )
      .executeTakeFirst();
    n += affected(result);
  }
  return n;
}

/** Erases the codes sent to this phone that can no longer be used (expired or used); how many. */
export async function eraseSpentVerifications(db: Db, phoneHash: string, now: string): Promise<number> {
  const result = await db
    .updateTable('phone_verification')
    .set({ phone_hash: ERASED, address_hash: ERASED, secret_cipher: null, secret_key_id: null })
    .where('phone_hash', '=', phoneHash)
    .where((eb) => eb.or([eb('expires_at', '<', now), eb('used_at', 'is not', null)]))
    .executeTakeFirst();
  return affected(result);
}

/**
 * RECORD_RETENTION_DAYS: erases the personal fields of bookings of days before `date` (from `from`
 * on, when given), the page tokens of tickets of those days, and the person rows left without a
 * booking that names them. How many bookings were erased.
 */
export async function eraseRecordsBefore(db: Db, date: string, at: string, from?: string): Promise<number> {
  let total = 0;
  for (;;) {
    let q = db.selectFrom('booking').select(['id', 'person_id']).where('date', '<', date).where('id_hash', '<>', ERASED);
    if (from) q = q.where('date', '>=', from);
    const rows = await q.orderBy('id').limit(BATCH).execute();
    if (rows.length === 0) break;
    total += await eraseBookings(
      db,
      rows.map((r) => r.id),
      at,
    );
    await erasePersonRows(db, [...new Set(rows.map((r) => r.person_id))]);
    if (rows.length < BATCH) break;
  }
  let tickets = db.updateTable('ticket').set({ public_token: null }).where('date', '<', date).where('public_token', 'is not', null);
  if (from) tickets = tickets.where('date', '>=', from);
  await tickets.execute();
  return total;
}

/** Codes sent before this instant: their keyed phone and address hashes go. */
export async function eraseVerificationsBefore(db: Db, before: string): Promise<number> {
  const result = await db
    .updateTable('phone_verification')
    .set({ phone_hash: ERASED, address_hash: ERASED, secret_cipher: null, secret_key_id: null })
    .where('created_at', '<', before)
    .where('phone_hash', '<>', ERASED)
    .executeTakeFirst();
  return affected(result);
}

/** Bookings of days before `date` that still keep personal fields. */
export async function countRecordsBefore(db: Db, date: string): Promise<number> {
  const r = await db
    .selectFrom('booking')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('date', '<', date)
    .where('id_hash', '<>', ERASED)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** 代办: erases this ID card where it booked for others (the person's booking stays theirs); how many changed. */
export async function eraseAgentOf(db: Db, idHash: string, at: string): Promise<number> {
  const result = await db
    .updateTable('booking')
    .set({ agent_id_hash: null, agent_id_masked: null, updated_at: at })
    .where('agent_id_hash', '=', idHash)
    .executeTakeFirst();
  return affected(result);
}
