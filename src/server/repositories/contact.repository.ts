// A booking's encrypted phone: read to send a message, re-encrypted when keys rotate, erased after
// the retention period or when the citizen asks. Only these functions touch the cipher columns.
import type { Sealed } from '../services/contact-cipher.js';
import { type Db, affected } from './portable.js';

export interface BookingContact {
  bookingId: number;
  number: string;
  sealed: Sealed | null;
}

export async function bookingContact(db: Db, bookingId: number): Promise<BookingContact | undefined> {
  const r = await db.selectFrom('booking').select(['id', 'number', 'phone_cipher', 'phone_key_id']).where('id', '=', bookingId).executeTakeFirst();
  if (!r) return undefined;
  return { bookingId: r.id, number: r.number, sealed: r.phone_cipher && r.phone_key_id ? { cipher: r.phone_cipher, keyId: r.phone_key_id } : null };
}

/** Of these bookings, those that want messages and keep a phone to send them to, with their language. */
export async function bookingsToMessage(db: Db, ids: number[]): Promise<{ bookingId: number; lang: 'zh' | 'en' }[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('booking')
    .select(['id', 'lang'])
    .where('id', 'in', ids)
    .where('notify', '=', 1)
    .where('phone_cipher', 'is not', null)
    .execute();
  return rows.map((r) => ({ bookingId: r.id, lang: r.lang === 'en' ? 'en' : 'zh' }));
}

export async function setBookingNotify(db: Db, bookingId: number, on: boolean, at: string): Promise<void> {
  await db.updateTable('booking').set({ notify: on ? 1 : 0, updated_at: at }).where('id', '=', bookingId).execute();
}

export async function storeContact(db: Db, bookingId: number, sealed: Sealed): Promise<void> {
  await db.updateTable('booking').set({ phone_cipher: sealed.cipher, phone_key_id: sealed.keyId }).where('id', '=', bookingId).execute();
}

export async function eraseBookingContact(db: Db, bookingId: number): Promise<void> {
  await db.updateTable('booking').set({ phone_cipher: null, phone_key_id: null }).where('id', '=', bookingId).execute();
}

/** Erases the phones of bookings of days before `date` (from `from` on, when given); how many were erased. */
export async function eraseContactsBefore(db: Db, date: string, from?: string): Promise<number> {
  let q = db.updateTable('booking').set({ phone_cipher: null, phone_key_id: null }).where('date', '<', date).where('phone_cipher', 'is not', null);
  if (from) q = q.where('date', '>=', from);
  const result = await q.executeTakeFirst();
  return affected(result);
}

export async function countContactsBefore(db: Db, date: string): Promise<number> {
  const r = await db
    .selectFrom('booking')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('date', '<', date)
    .where('phone_cipher', 'is not', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Up to `limit` phones sealed under another key than `keyId`, after booking `afterId` (what a rotation has left to do). */
export async function contactsUnderOtherKeys(db: Db, keyId: string, limit: number, afterId = 0): Promise<BookingContact[]> {
  const rows = await db
    .selectFrom('booking')
    .select(['id', 'number', 'phone_cipher', 'phone_key_id'])
    .where('phone_key_id', 'is not', null)
    .where('phone_key_id', '<>', keyId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ bookingId: r.id, number: r.number, sealed: { cipher: r.phone_cipher as string, keyId: r.phone_key_id as string } }));
}

export async function countContactsByKey(db: Db): Promise<{ keyId: string; count: number }[]> {
  const rows = await db
    .selectFrom('booking')
    .select(['phone_key_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('phone_key_id', 'is not', null)
    .groupBy('phone_key_id')
    .execute();
  return rows.map((r) => ({ keyId: r.phone_key_id as string, count: Number(r.n) }));
}

/** Replaces a sealed phone unless it changed meanwhile (erased, or rotated by another run). */
export async function replaceContact(db: Db, bookingId: number, before: Sealed, after: Sealed): Promise<boolean> {
  const result = await db
    .updateTable('booking')
    .set({ phone_cipher: after.cipher, phone_key_id: after.keyId })
    .where('id', '=', bookingId)
    .where('phone_cipher', '=', before.cipher)
    .executeTakeFirst();
  return affected(result) === 1;
}
