// 办事编号: [hall prefix] + service letter + yyyyMMdd + HHmm + order within that minute (2 digits,
// widened to 3+ rather than ever colliding). The first hall's prefix is empty (the seed's format);
// other halls' is their code and '-' (domain/hall.ts), and counters are per hall's service. Bookings use the slot's start, walk-ins the minute of issue; both
// draw the order from the same counter, so the two kinds can never produce the same number.

export interface TicketNumberParts {
  /** The hall's number prefix: '' or CODE + '-'. */
  prefix?: string;
  letter: string;
  date: string; // YYYY-MM-DD
  time: string; // HH:mm
  order: number;
}

const NUMBER_RE = /^((?:[A-Z][A-Z0-9]{1,7}-)?)([A-Z])(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2,})$/;

export function isServiceLetter(letter: string): boolean {
  return /^[A-Z]$/.test(letter);
}

export function formatTicketNumber({ prefix = '', letter, date, time, order }: TicketNumberParts): string {
  if (prefix !== '' && !/^[A-Z][A-Z0-9]{1,7}-$/.test(prefix)) throw new RangeError(`hall prefix must be CODE-: ${prefix}`);
  if (!isServiceLetter(letter)) throw new RangeError(`service letter must be A-Z: ${letter}`);
  if (!Number.isInteger(order) || order < 1) throw new RangeError(`order must be a positive integer: ${order}`);
  // A 3-digit order never starts with 0, so 2-digit and widened numbers cannot coincide.
  return `${prefix}${letter}${date.replaceAll('-', '')}${time.replace(':', '')}${String(order).padStart(2, '0')}`;
}

export function parseTicketNumber(number: string): TicketNumberParts | null {
  const m = NUMBER_RE.exec(number);
  if (!m) return null;
  const orderDigits = m[8] as string;
  if (orderDigits.length > 2 && orderDigits.startsWith('0')) return null;
  const order = Number(orderDigits);
  if (order < 1) return null;
  return {
    prefix: m[1] as string,
    letter: m[2] as string,
    date: `${m[3]}-${m[4]}-${m[5]}`,
    time: `${m[6]}:${m[7]}`,
    order,
  };
}

// 叫号号码: what the hall calls out, prints largest on the ticket and shows on the board — the
// service letter and the ticket's place in that service's day, growing by one with each ticket
// issued (check-ins and walk-ins alike), so anyone can compare numbers to judge progress.

/** The name of the counter row (beside the 办事编号 counters keyed by HH:mm) that call numbers come from. */
export const CALL_NUMBER_COUNTER = 'call';

/** 'Y', 12 -> 'Y012'; past 999 it widens ('Y1000') rather than ever repeating a number. */
export function formatCallNumber(letter: string, n: number): string {
  if (!isServiceLetter(letter)) throw new RangeError(`service letter must be A-Z: ${letter}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`call number must be a positive integer: ${n}`);
  return `${letter}${String(n).padStart(3, '0')}`;
}

export function isCallNumber(text: string): boolean {
  return /^[A-Z](\d{3}|[1-9]\d{3,4})$/.test(text);
}
