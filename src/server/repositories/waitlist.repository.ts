// 候补: waiting-list entries and the holds (places kept for one entry). Every state change is a
// conditional UPDATE on the status it expects, so two processes never move the same row twice.
import type { Selectable } from 'kysely';
import type { WaitlistEntryStatus, WaitlistEntryTable, WaitlistHoldStatus, WaitlistHoldTable } from '../db/schema.js';
import type { Sealed } from '../services/contact-cipher.js';
import { type Db, affected, insertReturningId } from './portable.js';

export interface WaitlistEntry {
  id: number;
  hallId: number;
  serviceId: number;
  date: string;
  slotStart: string | null;
  idHash: string;
  idMasked: string;
  phoneHash: string;
  phoneMasked: string;
  notify: boolean;
  lang: 'zh' | 'en';
  status: WaitlistEntryStatus;
  offers: number;
  bookingNumber: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WaitlistHold {
  id: number;
  entryId: number;
  n: number;
  hallId: number;
  serviceId: number;
  date: string;
  slotStart: string;
  slotEnd: string;
  token: string;
  status: WaitlistHoldStatus;
  expiresAt: string;
  bookingNumber: string | null;
  createdAt: string;
}

function toEntry(r: Selectable<WaitlistEntryTable>): WaitlistEntry {
  return {
    id: Number(r.id),
    hallId: Number(r.hall_id),
    serviceId: Number(r.service_id),
    date: r.date,
    slotStart: r.slot_start,
    idHash: r.id_hash,
    idMasked: r.id_masked,
    phoneHash: r.phone_hash,
    phoneMasked: r.phone_masked,
    notify: Number(r.notify) === 1,
    lang: r.lang === 'en' ? 'en' : 'zh',
    status: r.status,
    offers: Number(r.offers),
    bookingNumber: r.booking_number,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toHold(r: Selectable<WaitlistHoldTable>): WaitlistHold {
  return {
    id: Number(r.id),
    entryId: Number(r.entry_id),
    n: Number(r.n),
    hallId: Number(r.hall_id),
    serviceId: Number(r.service_id),
    date: r.date,
    slotStart: r.slot_start,
    slotEnd: r.slot_end,
    token: r.token,
    status: r.status,
    expiresAt: r.expires_at,
    bookingNumber: r.booking_number,
    createdAt: r.created_at,
  };
}

export type NewEntry = Omit<WaitlistEntry, 'id' | 'status' | 'offers' | 'bookingNumber' | 'updatedAt'>;

export async function insertEntry(db: Db, e: NewEntry): Promise<number> {
  return insertReturningId(db, 'waitlist_entry', {
    hall_id: e.hallId,
    service_id: e.serviceId,
    date: e.date,
    slot_start: e.slotStart,
    id_hash: e.idHash,
    id_masked: e.idMasked,
    phone_hash: e.phoneHash,
    phone_masked: e.phoneMasked,
    notify: e.notify ? 1 : 0,
    lang: e.lang,
    status: 'waiting',
    created_at: e.createdAt,
    updated_at: e.createdAt,
  });
}

/** The entry's phone, sealed for the offer's message (null: none kept). */
export async function storeEntryContact(db: Db, id: number, sealed: Sealed | null): Promise<void> {
  await db
    .updateTable('waitlist_entry')
    .set({ phone_cipher: sealed?.cipher ?? null, phone_key_id: sealed?.keyId ?? null })
    .where('id', '=', id)
    .execute();
}

export async function entryContact(db: Db, id: number): Promise<Sealed | null> {
  const r = await db.selectFrom('waitlist_entry').select(['phone_cipher', 'phone_key_id']).where('id', '=', id).executeTakeFirst();
  return r?.phone_cipher && r.phone_key_id ? { cipher: r.phone_cipher, keyId: r.phone_key_id } : null;
}

/** Open entries whose phone is sealed under another key than `keyId` (for `vreserve keys rotate`). */
export async function entryContactsUnderOtherKeys(db: Db, keyId: string, limit: number, afterId = 0): Promise<{ id: number; sealed: Sealed }[]> {
  const rows = await db
    .selectFrom('waitlist_entry')
    .select(['id', 'phone_cipher', 'phone_key_id'])
    .where('phone_cipher', 'is not', null)
    .where('phone_key_id', '!=', keyId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), sealed: { cipher: r.phone_cipher as string, keyId: r.phone_key_id as string } }));
}

/** Replaces an entry's sealed phone only if it is still the one read (it may have been erased meanwhile). */
export async function replaceEntryContact(db: Db, id: number, before: Sealed, after: Sealed): Promise<boolean> {
  const result = await db
    .updateTable('waitlist_entry')
    .set({ phone_cipher: after.cipher, phone_key_id: after.keyId })
    .where('id', '=', id)
    .where('phone_cipher', '=', before.cipher)
    .executeTakeFirst();
  return affected(result) === 1;
}

export async function findEntry(db: Db, id: number): Promise<WaitlistEntry | undefined> {
  const r = await db.selectFrom('waitlist_entry').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toEntry(r) : undefined;
}

/** Entries made with this ID card and phone, newest first. */
export async function entriesOfPerson(db: Db, idHash: string, phoneHash: string): Promise<WaitlistEntry[]> {
  const rows = await db
    .selectFrom('waitlist_entry')
    .selectAll()
    .where('id_hash', '=', idHash)
    .where('phone_hash', '=', phoneHash)
    .orderBy('id', 'desc')
    .limit(100)
    .execute();
  return rows.map(toEntry);
}

/** The open entries (waiting or offered) of a service's day: the line. */
export async function lineOf(db: Db, serviceId: number, date: string): Promise<WaitlistEntry[]> {
  const rows = await db
    .selectFrom('waitlist_entry')
    .selectAll()
    .where('service_id', '=', serviceId)
    .where('date', '=', date)
    .where('status', 'in', ['waiting', 'offered'])
    .orderBy('id')
    .execute();
  return rows.map(toEntry);
}

/**
 * Moves an entry from one status to another; false if it was not in `from` any more. An entry that
 * leaves every line drops its sealed phone: it is needed for an offer only.
 */
export async function changeEntryStatus(
  db: Db,
  id: number,
  from: WaitlistEntryStatus,
  to: WaitlistEntryStatus,
  at: string,
  extra: { bookingNumber?: string } = {},
): Promise<boolean> {
  const ends = to !== 'waiting' && to !== 'offered';
  const result = await db
    .updateTable('waitlist_entry')
    .set({
      status: to,
      updated_at: at,
      ...(to === 'offered' ? { offers: (eb) => eb('offers', '+', 1) } : {}),
      ...(ends ? { phone_cipher: null, phone_key_id: null } : {}),
      ...(extra.bookingNumber ? { booking_number: extra.bookingNumber } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return affected(result) === 1;
}

export type NewHold = Omit<WaitlistHold, 'id' | 'status' | 'bookingNumber'>;

export async function insertHold(db: Db, h: NewHold): Promise<number> {
  return insertReturningId(db, 'waitlist_hold', {
    entry_id: h.entryId,
    n: h.n,
    hall_id: h.hallId,
    service_id: h.serviceId,
    date: h.date,
    slot_start: h.slotStart,
    slot_end: h.slotEnd,
    token: h.token,
    status: 'held',
    expires_at: h.expiresAt,
    created_at: h.createdAt,
    updated_at: h.createdAt,
  });
}

export async function findHoldByToken(db: Db, token: string): Promise<WaitlistHold | undefined> {
  const r = await db.selectFrom('waitlist_hold').selectAll().where('token', '=', token).executeTakeFirst();
  return r ? toHold(r) : undefined;
}

export async function findHoldOfEntry(db: Db, entryId: number, n: number): Promise<WaitlistHold | undefined> {
  const r = await db.selectFrom('waitlist_hold').selectAll().where('entry_id', '=', entryId).where('n', '=', n).executeTakeFirst();
  return r ? toHold(r) : undefined;
}

/** The latest hold of each of these entries. */
export async function holdsOfEntries(db: Db, entryIds: number[]): Promise<Map<number, WaitlistHold>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db.selectFrom('waitlist_hold').selectAll().where('entry_id', 'in', entryIds).orderBy('n').execute();
  return new Map(rows.map((r) => [Number(r.entry_id), toHold(r)]));
}

/**
 * Ends a hold that is still held: accepted only before it expires, expired only after. False when
 * another request or process ended it first (or the time is not right).
 */
export async function endHold(
  db: Db,
  id: number,
  to: Exclude<WaitlistHoldStatus, 'held'>,
  now: string,
  extra: { bookingNumber?: string } = {},
): Promise<boolean> {
  const result = await db
    .updateTable('waitlist_hold')
    .set({ status: to, updated_at: now, ...(extra.bookingNumber ? { booking_number: extra.bookingNumber } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'held')
    .$if(to === 'accepted', (q) => q.where('expires_at', '>', now))
    .$if(to === 'expired', (q) => q.where('expires_at', '<=', now))
    .executeTakeFirst();
  return affected(result) === 1;
}

/** Holds whose time ran out, oldest first (any process may end them). */
export async function dueHolds(db: Db, now: string, limit: number): Promise<WaitlistHold[]> {
  const rows = await db
    .selectFrom('waitlist_hold')
    .selectAll()
    .where('status', '=', 'held')
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
  return rows.map(toHold);
}

/** Entries still waiting for a day that has come (or passed): their line is over. */
export async function closeEntriesBefore(db: Db, date: string, at: string): Promise<number> {
  // A read first: most rounds find nothing, and need no write (SQLite's single writer).
  const any = await db.selectFrom('waitlist_entry').select('id').where('status', '=', 'waiting').where('date', '<', date).limit(1).executeTakeFirst();
  if (!any) return 0;
  const result = await db
    .updateTable('waitlist_entry')
    .set({ status: 'closed', updated_at: at, phone_cipher: null, phone_key_id: null })
    .where('status', '=', 'waiting')
    .where('date', '<', date)
    .executeTakeFirst();
  return affected(result);
}

/** Places held per (service, date, slot), for `vreserve check`. */
export async function holdsPerSlot(db: Db): Promise<{ serviceId: number; date: string; slotStart: string; count: number }[]> {
  const rows = await db
    .selectFrom('waitlist_hold')
    .select(['service_id', 'date', 'slot_start'])
    .select((eb) => eb.fn.countAll().as('count'))
    .where('status', '=', 'held')
    .groupBy(['service_id', 'date', 'slot_start'])
    .execute();
  return rows.map((r) => ({ serviceId: Number(r.service_id), date: r.date, slotStart: r.slot_start, count: Number(r.count) }));
}

/** Entries holding a place while not `offered` (or offered with no hold): the check's second invariant. */
export async function holdMismatches(db: Db): Promise<string[]> {
  const held = await db.selectFrom('waitlist_hold').select(['entry_id']).where('status', '=', 'held').execute();
  const offered = await db.selectFrom('waitlist_entry').select(['id']).where('status', '=', 'offered').execute();
  const problems: string[] = [];
  const counts = new Map<number, number>();
  for (const h of held) counts.set(Number(h.entry_id), (counts.get(Number(h.entry_id)) ?? 0) + 1);
  for (const [id, n] of counts) if (n > 1) problems.push(`waiting-list entry ${id} holds ${n} places`);
  const offeredIds = new Set(offered.map((o) => Number(o.id)));
  for (const id of counts.keys()) if (!offeredIds.has(id)) problems.push(`waiting-list entry ${id} holds a place but is not offered`);
  for (const id of offeredIds) if (!counts.has(id)) problems.push(`waiting-list entry ${id} is offered but holds no place`);
  return problems;
}

/** The hall's zone and names, read in the caller's transaction (never the hall directory there). */
export async function hallFacts(db: Db, hallId: number): Promise<{ timeZone: string; nameZh: string; nameEn: string } | undefined> {
  const r = await db.selectFrom('hall').select(['time_zone', 'name_zh', 'name_en']).where('id', '=', hallId).executeTakeFirst();
  return r ? { timeZone: r.time_zone, nameZh: r.name_zh, nameEn: r.name_en } : undefined;
}

/** Records the booking an accepted hold became. */
export async function setHoldBooking(db: Db, id: number, number: string): Promise<void> {
  await db.updateTable('waitlist_hold').set({ booking_number: number }).where('id', '=', id).execute();
}

/** Days (from a date on) where people wait for a service's slot (or any slot). */
export async function waitingDays(db: Db, serviceId: number, slotStart: string, fromDate: string): Promise<string[]> {
  const rows = await db
    .selectFrom('waitlist_entry')
    .select('date')
    .distinct()
    .where('service_id', '=', serviceId)
    .where('status', '=', 'waiting')
    .where('date', '>=', fromDate)
    .where((eb) => eb.or([eb('slot_start', 'is', null), eb('slot_start', '=', slotStart)]))
    .execute();
  return rows.map((r) => r.date);
}
