// 办事编号: service letter + yyyyMMdd + HHmm + order within that minute (2 digits, widened to 3+
// rather than ever colliding). Bookings use the slot's start, walk-ins the minute of issue; both
// draw the order from the same counter, so the two kinds can never produce the same number.

export interface TicketNumberParts {
  letter: string;
  date: string; // YYYY-MM-DD
  time: string; // HH:mm
  order: number;
}

const NUMBER_RE = /^([A-Z])(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2,})$/;

export function isServiceLetter(letter: string): boolean {
  return /^[A-Z]$/.test(letter);
}

export function formatTicketNumber({ letter, date, time, order }: TicketNumberParts): string {
  if (!isServiceLetter(letter)) throw new RangeError(`service letter must be A-Z: ${letter}`);
  if (!Number.isInteger(order) || order < 1) throw new RangeError(`order must be a positive integer: ${order}`);
  // A 3-digit order never starts with 0, so 2-digit and widened numbers cannot coincide.
  return `${letter}${date.replaceAll('-', '')}${time.replace(':', '')}${String(order).padStart(2, '0')}`;
}

export function parseTicketNumber(number: string): TicketNumberParts | null {
  const m = NUMBER_RE.exec(number);
  if (!m) return null;
  const orderDigits = m[7] as string;
  if (orderDigits.length > 2 && orderDigits.startsWith('0')) return null;
  const order = Number(orderDigits);
  if (order < 1) return null;
  return { letter: m[1] as string, date: `${m[2]}-${m[3]}-${m[4]}`, time: `${m[5]}:${m[6]}`, order };
}

/** What a display board and the voice say: the letter and the last digits, e.g. "Y003". */
export function spokenTicketNumber(number: string): string {
  const parts = parseTicketNumber(number);
  if (!parts) return number;
  return `${parts.letter}${parts.time.replace(':', '')}${String(parts.order).padStart(2, '0')}`;
}
