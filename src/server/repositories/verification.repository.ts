// 短信验证码 rows: issued, counted per phone and address for the hourly limits, tried (a wrong try
// counts in one conditional UPDATE), used once (the use is conditional too), and unsealed for the
// sender just once.
import type { VerifyPurpose } from '../../domain/verification.js';
import type { Sealed } from '../services/contact-cipher.js';
import { type Db, affected, insertReturningId } from './portable.js';

export interface NewVerification {
  phoneHash: string;
  addressHash: string;
  purpose: VerifyPurpose;
  codeHash: string;
  lang: 'zh' | 'en';
  createdAt: string;
  expiresAt: string;
}

export interface VerificationRecord {
  id: number;
  phoneHash: string;
  purpose: VerifyPurpose;
  codeHash: string;
  lang: 'zh' | 'en';
  attempts: number;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  sealed: Sealed | null;
}

export async function insertVerification(db: Db, v: NewVerification): Promise<number> {
  return insertReturningId(db, 'phone_verification', {
    phone_hash: v.phoneHash,
    address_hash: v.addressHash,
    purpose: v.purpose,
    code_hash: v.codeHash,
    lang: v.lang,
    created_at: v.createdAt,
    expires_at: v.expiresAt,
  });
}

export async function sealVerification(db: Db, id: number, sealed: Sealed): Promise<void> {
  await db.updateTable('phone_verification').set({ secret_cipher: sealed.cipher, secret_key_id: sealed.keyId }).where('id', '=', id).execute();
}

export async function eraseVerificationSecret(db: Db, id: number): Promise<void> {
  await db.updateTable('phone_verification').set({ secret_cipher: null, secret_key_id: null }).where('id', '=', id).execute();
}

/** Codes issued since `since`, for this phone and for this address. */
export async function codesIssuedSince(db: Db, phoneHash: string, addressHash: string, since: string): Promise<{ phone: number; address: number }> {
  const count = async (column: 'phone_hash' | 'address_hash', value: string) =>
    Number(
      (
        await db
          .selectFrom('phone_verification')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(column, '=', value)
          .where('created_at', '>=', since)
          .executeTakeFirst()
      )?.n ?? 0,
    );
  return { phone: await count('phone_hash', phoneHash), address: await count('address_hash', addressHash) };
}

function toRecord(r: Record<string, unknown>): VerificationRecord {
  return {
    id: Number(r.id),
    phoneHash: r.phone_hash as string,
    purpose: r.purpose as VerifyPurpose,
    codeHash: r.code_hash as string,
    lang: r.lang === 'en' ? 'en' : 'zh',
    attempts: Number(r.attempts),
    createdAt: r.created_at as string,
    expiresAt: r.expires_at as string,
    usedAt: (r.used_at as string | null) ?? null,
    sealed: r.secret_cipher && r.secret_key_id ? { cipher: r.secret_cipher as string, keyId: r.secret_key_id as string } : null,
  };
}

export async function findVerification(db: Db, id: number): Promise<VerificationRecord | undefined> {
  const r = await db.selectFrom('phone_verification').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/** The newest code sent to this phone for this purpose. */
export async function latestVerification(db: Db, phoneHash: string, purpose: VerifyPurpose): Promise<VerificationRecord | undefined> {
  const r = await db
    .selectFrom('phone_verification')
    .selectAll()
    .where('phone_hash', '=', phoneHash)
    .where('purpose', '=', purpose)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

/** Counts a wrong try, unless the tries are used up already (then false). */
export async function countWrongTry(db: Db, id: number, maxTries: number): Promise<boolean> {
  const r = await db
    .updateTable('phone_verification')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('attempts', '<', maxTries)
    .executeTakeFirst();
  return affected(r) === 1;
}

/** Uses the code (once): false when it was used meanwhile. */
export async function spendVerification(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('phone_verification')
    .set({ used_at: at, secret_cipher: null, secret_key_id: null })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return affected(r) === 1;
}
