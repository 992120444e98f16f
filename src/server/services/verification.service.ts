// 短信验证码 (BOOKING_VERIFY=sms): before a booking or a cancel counts, the citizen proves the phone
// with a 6-digit code sent to it. The code goes through the message outbox like every message; only
// a keyed hash of it is kept to check it, and the phone and code are sealed just until sent.
import { randomInt, timingSafeEqual } from 'node:crypto';
import { parsePhone } from '../../domain/phone.js';
import {
  CODE_MAX_TRIES,
  CODE_TTL_MINUTES,
  CODES_PER_HOUR,
  type VerifyPurpose,
  codeRefusal,
  formatCode,
  isCodeShape,
} from '../../domain/verification.js';
import { queueNotification } from '../repositories/notification.repository.js';
import type { Db } from '../repositories/portable.js';
import {
  codesIssuedSince,
  countWrongTry,
  insertVerification,
  latestVerification,
  sealVerification,
  spendVerification,
} from '../repositories/verification.repository.js';
import { AppError } from './app-error.js';
import { type ServiceContext, nowOf } from './context.js';
import { transact } from './transact.js';

/** The associated data of a code's sealed phone and code: they open on no other row. */
export function verificationContext(id: number): string {
  return `verify:${id}`;
}

const codeHash = (ctx: ServiceContext, phoneHash: string, code: string) => ctx.pii.request(['sms-code', phoneHash, code]);

export function verificationOn(ctx: ServiceContext): boolean {
  return ctx.messaging?.verifyPhone === true;
}

/** Sends a code to the phone (through the outbox); refused past 5 codes an hour per phone or per address. */
export async function requestCode(
  ctx: ServiceContext,
  input: { phone: string; purpose: VerifyPurpose },
  address: string,
  lang: 'zh' | 'en',
): Promise<{ expiresInSeconds: number }> {
  const messaging = ctx.messaging;
  if (!messaging?.verifyPhone) throw new AppError('VERIFY_OFF');
  const phone = parsePhone(input.phone);
  if (!phone.ok) throw new AppError('INVALID_PHONE', { reason: phone.error, field: 'phone' });
  const now = nowOf(ctx);
  const phoneHash = ctx.pii.phone(phone.value);
  const addressHash = ctx.pii.request(['address', address]);
  const hourAgo = new Date(now.instant.getTime() - 3_600_000).toISOString();
  const issued = await codesIssuedSince(ctx.db, phoneHash, addressHash, hourAgo);
  if (issued.phone >= CODES_PER_HOUR || issued.address >= CODES_PER_HOUR) throw new AppError('VERIFY_TOO_MANY');
  const hall = await ctx.halls.first();
  const code = formatCode(randomInt(1_000_000));
  await transact(ctx.db, async (trx) => {
    const id = await insertVerification(trx, {
      phoneHash,
      addressHash,
      purpose: input.purpose,
      codeHash: codeHash(ctx, phoneHash, code),
      lang,
      createdAt: now.iso,
      expiresAt: new Date(now.instant.getTime() + CODE_TTL_MINUTES * 60_000).toISOString(),
    });
    await sealVerification(trx, id, messaging.contacts.seal(JSON.stringify({ phone: phone.value, code }), verificationContext(id)));
    await queueNotification(trx, {
      hallId: hall?.id ?? 1,
      kind: 'verify.code',
      cause: `verify.code:${id}`,
      bookingId: null,
      ticketId: null,
      lang,
      params: { minutes: String(CODE_TTL_MINUTES) },
      dueAt: now.iso,
      createdAt: now.iso,
    });
  });
  ctx.events?.committed();
  return { expiresInSeconds: CODE_TTL_MINUTES * 60 };
}

/**
 * Checks the code given for this phone and purpose; a wrong one counts as a try. Returns the code's
 * id, to be used (once) inside the transaction of the booking or cancel: see `spendCode`. Null when
 * codes are off.
 */
export async function checkCode(ctx: ServiceContext, phoneHash: string, purpose: VerifyPurpose, code: string | undefined): Promise<number | null> {
  if (!verificationOn(ctx)) return null;
  if (code === undefined || code === '') throw new AppError('VERIFY_CODE_REQUIRED', { field: 'smsCode' });
  const issued = await latestVerification(ctx.db, phoneHash, purpose);
  if (!issued) throw new AppError('VERIFY_CODE_REQUIRED', { field: 'smsCode' });
  const refusal = codeRefusal(issued, nowOf(ctx).iso);
  if (refusal) throw new AppError(refusal, { field: 'smsCode' });
  const given = Buffer.from(codeHash(ctx, phoneHash, isCodeShape(code) ? code : 'not-a-code'));
  const expected = Buffer.from(issued.codeHash);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    await countWrongTry(ctx.db, issued.id, CODE_MAX_TRIES);
    throw new AppError('VERIFY_CODE_WRONG', { field: 'smsCode' });
  }
  return issued.id;
}

/** Uses a checked code inside the caller's transaction; refused if another request used it first. */
export async function spendCode(trx: Db, id: number | null, at: string): Promise<void> {
  if (id !== null && !(await spendVerification(trx, id, at))) throw new AppError('VERIFY_CODE_USED', { field: 'smsCode' });
}
