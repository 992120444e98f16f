/**
 * Mainland China resident identity card number (GB 11643-1999, 18 characters).
 *
 * Layout: 6-digit address code, 8-digit birth date (YYYYMMDD), 3-digit
 * sequence code (the last of which encodes sex: odd = male, even = female),
 * and one ISO 7064 MOD 11-2 check character (0-9 or X).
 *
 * Pure module: no I/O, no clock. The caller supplies "today" (hall-local date).
 */

export type IdCardError =
  | 'EMPTY'
  | 'LEGACY_15'
  | 'LENGTH'
  | 'FORMAT'
  | 'REGION'
  | 'BIRTH_DATE'
  | 'BIRTH_FUTURE'
  | 'CHECKSUM';

export type ParsedIdCard = {
  /** The normalized 18-character number. */
  value: string;
  /** Birth date as YYYY-MM-DD. */
  birthDate: string;
  sex: 'M' | 'F';
};

export type ParseIdCardResult = { ok: true; id: ParsedIdCard } | { ok: false; error: IdCardError };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** First two digits: province-level administrative division codes. */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71',
  '81', '82', '83',
  '91',
]);

const MIN_BIRTH_YEAR = 1900;

/** 17 ASCII digits and a digit or X: what normalizeIdCard leaves as it is. */
const CANONICAL = /^\d{17}[\dX]$/;

/** Leading/trailing whitespace, including the ideographic (full-width) space U+3000. */
const SURROUNDING_WS = /^[\s\u3000]+|[\s\u3000]+$/g;

/**
 * Trims surrounding whitespace (incl. U+3000), converts full-width digits
 * ０-９ and full-width Ｘ/ｘ to ASCII, and uppercases x to X. Nothing else.
 */
export function normalizeIdCard(raw: string): string {
  // Most numbers arrive as typed by a form that already allows only these: nothing to replace.
  if (CANONICAL.test(raw)) return raw;
  return raw
    .replace(SURROUNDING_WS, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\uFF38\uFF58x]/g, 'X');
}

/**
 * ISO 7064 MOD 11-2 check character for the first 17 digits.
 * Throws if `first17` is not exactly 17 ASCII digits (programming error).
 */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('idCardCheckChar: expected exactly 17 ASCII digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS[sum % 11] ?? '';
}

/** `first17` followed by its check character. */
export function composeIdCard(first17: string): string {
  return first17 + idCardCheckChar(first17);
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** `yyyymmdd` is 8 ASCII digits. Returns YYYY-MM-DD or null if not a real date >= 1900. */
function birthDateOf(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < MIN_BIRTH_YEAR) return null;
  if (m < 1 || m > 12) return null;
  if (d < 1 || d > daysInMonth(y, m)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Parses and validates an 18-character resident ID number.
 * `today` is the hall-local date as YYYY-MM-DD; a birth date equal to `today` is accepted.
 */
export function parseIdCard(raw: string, today: string): ParseIdCardResult {
  const value = normalizeIdCard(raw);
  if (value === '') return { ok: false, error: 'EMPTY' };
  if (/^\d{15}$/.test(value)) return { ok: false, error: 'LEGACY_15' };
  if (value.length !== 18) return { ok: false, error: 'LENGTH' };
  if (!CANONICAL.test(value)) return { ok: false, error: 'FORMAT' };
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, error: 'REGION' };
  const birthDate = birthDateOf(value.slice(6, 14));
  if (birthDate === null) return { ok: false, error: 'BIRTH_DATE' };
  // Both are zero-padded YYYY-MM-DD, so lexicographic order is chronological order.
  if (birthDate > today) return { ok: false, error: 'BIRTH_FUTURE' };
  if (idCardCheckChar(value.slice(0, 17)) !== value.charAt(17)) return { ok: false, error: 'CHECKSUM' };
  const sex = Number(value.charAt(16)) % 2 === 1 ? 'M' : 'F';
  return { ok: true, id: { value, birthDate, sex } };
}

/**
 * First 6 + 8 asterisks + last 4, e.g. `11010519491231002X` → `110105********002X`.
 * Input that is not 18 characters long is fully masked rather than risk leaking it.
 */
export function maskIdCard(value: string): string {
  if (value.length !== 18) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}********${value.slice(14)}`;
}
