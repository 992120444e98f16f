// The seed client's wire format: its field names, 0-based service ids, loose date-times and the
// `{ code, msg, data }` envelope. Only translation lives here; every rule stays in the services.
import type { Booking } from '../../../contracts/bookings.js';
import { type ErrorCode, errorMessage } from '../../../contracts/errors.js';
import type { Ticket } from '../../../contracts/kiosk.js';
import { isValidDate, isValidTime } from '../../../domain/schedule.js';

/** Legacy service id N is the service with this letter (the seed's 业务表 order). */
export const LEGACY_LETTERS = ['Y', 'H', 'F', 'S'] as const;

export const LEGACY_CODES = {
  booked: '111',
  bookingRefused: '100',
  checkedIn: '21',
  walkIn: '22',
  takeRefused: '101',
  listed: '31',
} as const;

export const LEGACY_MESSAGES = {
  booked: '预约成功',
  checkedIn: '预约取号成功',
  walkIn: '现场取号成功',
  listed: '显示所有数据',
  kioskNotAllowed: '此设备不在允许取号的地址名单内，请到大厅的取号机取号',
} as const;

/** Fields of a form body or query string: one string each (a repeated field counts once). */
export type Fields = Record<string, unknown>;

export function fieldsOf(value: unknown): Fields {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : {};
}

export function text(fields: Fields, name: string): string | undefined {
  const raw = fields[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (typeof first === 'string') return first;
  if (typeof first === 'number' && Number.isFinite(first)) return String(first);
  return undefined;
}

/** "0".."3" -> the service letter; anything else -> null. */
export function legacyLetter(raw: string | undefined): string | null {
  const s = raw?.trim() ?? '';
  if (!/^\d{1,3}$/.test(s)) return null;
  return LEGACY_LETTERS[Number(s)] ?? null;
}

/** The legacy id of a service letter, or null for a service the old client never knew. */
export function legacyIdOf(letter: string): number | null {
  const i = (LEGACY_LETTERS as readonly string[]).indexOf(letter);
  return i < 0 ? null : i;
}

const LOOSE_DATE_TIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+|T)(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/;

/**
 * `2026-11-5 9:00:00` (the client does not pad month, day or hour) -> `{ date: '2026-11-05',
 * time: '09:00' }`; null when it is not a real date and time. Seconds are checked, then dropped.
 */
export function parseLegacyDateTime(raw: string | undefined): { date: string; time: string } | null {
  const m = LOOSE_DATE_TIME.exec(raw?.trim() ?? '');
  if (!m) return null;
  const pad = (s: string | undefined) => (s ?? '0').padStart(2, '0');
  const date = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  const time = `${pad(m[4])}:${pad(m[5])}`;
  if (!isValidDate(date) || !isValidTime(time) || Number(m[6] ?? 0) > 59) return null;
  return { date, time };
}

export function legacyDateTime(date: string, time: string): string {
  return `${date} ${time}:00`;
}

export function refusalMessage(code: ErrorCode, details: Record<string, unknown> = {}): string {
  return errorMessage(code, 'zh', details);
}

/** A booking as the seed's 预定表 row looked, with the personal data masked. */
export function legacyBooking(b: Booking) {
  return {
    // The seed's integer row id is not exposed; the 办事编号 identifies a booking uniquely.
    id: b.number,
    idcard: b.idCardMasked,
    phone: b.phoneMasked,
    serviceId: legacyIdOf(b.serviceLetter),
    reserveTakeTime: legacyDateTime(b.date, b.slotStart),
    serialNum: b.number,
  };
}

/** A kiosk ticket in the shape the client shows: it reads `serialNum`. */
export function legacyTicket(t: Ticket) {
  return {
    serviceId: legacyIdOf(t.serviceLetter),
    serviceName: t.serviceName,
    serialNum: t.number,
    ...(t.slotStart ? { reserveTakeTime: legacyDateTime(t.date, t.slotStart) } : {}),
    waitingAhead: t.waitingAhead,
  };
}
