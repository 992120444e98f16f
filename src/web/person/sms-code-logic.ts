// 短信验证码 on the citizen forms (booking, cancelling): what the citizen may type, when the code may
// be asked for again, and which refusals belong beside the code field. Pure: the clock is passed in.
import { isCodeShape } from '../../domain/verification.js';

/** The button waits this long after a code was sent before it sends another (the server allows 5 an hour). */
export const RESEND_SECONDS = 60;

export const CODE_LENGTH = 6;

/** Digits only (full-width ones too, as some keyboards type them), at most 6: a pasted message line keeps its code. */
export function codeInput(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\D/g, '')
    .slice(0, CODE_LENGTH);
}

export type CodeProblem = 'EMPTY' | 'FORMAT';

/** What is wrong with a typed code before it is sent (null: 6 digits). */
export function checkCode(code: string): CodeProblem | null {
  if (code === '') return 'EMPTY';
  return isCodeShape(code) ? null : 'FORMAT';
}

/** A code sent: to which phone (the 11-digit number) and when (ms since the epoch). */
export interface SentCode {
  to: string;
  at: number;
}

/**
 * Seconds before the button may send again: 60 after a code to this phone, counting down; 0 when
 * nothing was sent or the phone was changed since (a new number gets its code at once).
 */
export function secondsToResend(sent: SentCode | null, phone: string | null, now: number): number {
  if (!sent || sent.to !== phone) return 0;
  const left = Math.ceil((sent.at + RESEND_SECONDS * 1000 - now) / 1000);
  return Math.min(RESEND_SECONDS, Math.max(0, left));
}

/** The server's refusals of a booking or cancel that are about the code: said beside the field, which takes the focus. */
export const CODE_REFUSALS: ReadonlySet<string> = new Set([
  'VERIFY_CODE_REQUIRED',
  'VERIFY_CODE_WRONG',
  'VERIFY_CODE_EXPIRED',
  'VERIFY_CODE_USED',
  'VERIFY_CODE_TRIES',
]);

export function isCodeRefusal(code: string): boolean {
  return CODE_REFUSALS.has(code);
}
