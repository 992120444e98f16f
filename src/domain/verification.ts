// 短信验证码: proving the phone before a booking, a cancel or a move (改约) counts. A code is 6 digits, lives
// 5 minutes, allows 5 tries, and a phone (and an address) gets at most 5 codes an hour.

export const CODE_TTL_MINUTES = 5;
export const CODE_MAX_TRIES = 5;
export const CODES_PER_HOUR = 5;

export type VerifyPurpose = 'book' | 'cancel' | 'reschedule';

export function isCodeShape(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** A code from a random integer below 1 000 000 (the caller draws it with a secure generator). */
export function formatCode(n: number): string {
  return String(n).padStart(6, '0');
}

export interface IssuedCode {
  expiresAt: string;
  attempts: number;
  usedAt: string | null;
}

export type CodeRefusal = 'VERIFY_CODE_EXPIRED' | 'VERIFY_CODE_USED' | 'VERIFY_CODE_TRIES';

/** Why an issued code can no longer be tried now (null: it can). */
export function codeRefusal(code: IssuedCode, nowIso: string): CodeRefusal | null {
  if (code.usedAt !== null) return 'VERIFY_CODE_USED';
  if (code.attempts >= CODE_MAX_TRIES) return 'VERIFY_CODE_TRIES';
  if (code.expiresAt <= nowIso) return 'VERIFY_CODE_EXPIRED';
  return null;
}
