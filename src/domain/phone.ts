/**
 * Mainland China mobile phone numbers (11 digits, 1[3-9]xxxxxxxxx).
 *
 * Pure module: no I/O.
 */

export type PhoneError = 'EMPTY' | 'FORMAT';

export type ParsePhoneResult = { ok: true; value: string } | { ok: false; error: PhoneError };

/** Whitespace (incl. full-width space U+3000) and dashes (ASCII, Unicode hyphens/dashes, full-width). */
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\u2212\uFF0D]/g;

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Accepts a mainland mobile number with optional spaces/dashes, full-width
 * digits (and full-width ＋), and an optional country prefix: `+86`, `0086`,
 * or bare `86` when it is followed by 11 digits starting with 1.
 * `value` is the 11-digit national number.
 */
export function parsePhone(raw: string): ParsePhoneResult {
  // The common case, 11 plain digits: nothing to strip.
  if (MOBILE.test(raw)) return { ok: true, value: raw };
  let s = raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/\uFF0B/g, '+')
    .replace(SEPARATORS, '');
  if (s === '') return { ok: false, error: 'EMPTY' };
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  else if (/^861\d{10}$/.test(s)) s = s.slice(2);
  if (!MOBILE.test(s)) return { ok: false, error: 'FORMAT' };
  return { ok: true, value: s };
}

/**
 * `13812348000` → `138****8000`.
 * Input that is not 11 characters long is fully masked rather than risk leaking it.
 */
export function maskPhone(value: string): string {
  if (value.length !== 11) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}****${value.slice(7)}`;
}
