// Bookings made on this device, kept in localStorage so 我的预约 can show them without retyping.
// Only the number and masked fields are kept: never the raw ID card or phone number. Each keeps
// the booking's status token (from the booking or a look-up), so the page can ask the server for
// the current statuses without the ID card and phone (a booking cancelled on another device).
import type { Booking } from '../../contracts/bookings.js';
import type { Lang } from '../../contracts/errors.js';
import type { BookingStatus } from '../../domain/booking-rules.js';
import { localName } from '../i18n/local-name.js';
import type { KeyValueStore } from './browser-store.js';

export const REMEMBERED_KEY = 'vreserve.bookings';
export const REMEMBERED_MAX = 20;

export { type KeyValueStore, browserStore } from './browser-store.js';

export interface RememberedBooking {
  number: string;
  serviceId: number;
  serviceNameZh: string;
  serviceNameEn: string;
  date: string;
  slotStart: string;
  slotEnd: string;
  status: BookingStatus;
  idCardMasked: string;
  phoneMasked: string;
  checkInOpensAt: string;
  /** When the status was last known (ISO instant). */
  seenAt: string;
  /** Why a cancelled booking was cancelled ('hall_closed' when the hall closed that day). */
  cancelReason?: string;
  /** Lets this device ask for the booking's status (POST /api/v1/bookings/statuses). */
  statusToken?: string;
  /** The booking's page /t/<token> (its QR code); bookings kept before public tokens have none. */
  publicToken?: string;
  /** The hall where the booking is (bookings kept before there were many halls have none). */
  hallCode?: string;
  hallNameZh?: string;
  hallNameEn?: string;
  /** Whether text messages are sent about the booking (as the server last said). */
  notify?: boolean;
  /** 改约: the booking this one was moved to (it is then cancelled, reason `rescheduled`). */
  rescheduledTo?: string;
  /** 改约: the booking this one was moved from. */
  rescheduledFrom?: string;
  /** 改约: moves still allowed (as the server last said). */
  reschedulesLeft?: number;
}

/** A hall's names in both languages, as the booking app knows them. */
export interface HallNames {
  nameZh: string;
  nameEn: string;
}

const STATUSES: ReadonlySet<string> = new Set(['booked', 'checked_in', 'cancelled', 'missed', 'served']);
const TOKEN_RE = /^[0-9a-f]{16,64}$/;
const PUBLIC_TOKEN_RE = /^[A-Za-z0-9_-]{22}$/;

/** A masked value keeps asterisks; anything else might be a raw number and is refused. */
function looksMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes('*') && !/\d{7,}/.test(value);
}

const optionalText = (value: unknown) => value === undefined || (typeof value === 'string' && value.length <= 200);

function isRemembered(x: unknown): x is RememberedBooking {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.number === 'string' &&
    typeof r.serviceId === 'number' &&
    typeof r.serviceNameZh === 'string' &&
    typeof r.serviceNameEn === 'string' &&
    typeof r.date === 'string' &&
    typeof r.slotStart === 'string' &&
    typeof r.slotEnd === 'string' &&
    typeof r.status === 'string' &&
    STATUSES.has(r.status) &&
    looksMasked(r.idCardMasked) &&
    looksMasked(r.phoneMasked) &&
    typeof r.checkInOpensAt === 'string' &&
    typeof r.seenAt === 'string' &&
    (r.cancelReason === undefined || typeof r.cancelReason === 'string') &&
    (r.statusToken === undefined || (typeof r.statusToken === 'string' && TOKEN_RE.test(r.statusToken))) &&
    (r.publicToken === undefined || (typeof r.publicToken === 'string' && PUBLIC_TOKEN_RE.test(r.publicToken))) &&
    optionalText(r.hallCode) &&
    optionalText(r.hallNameZh) &&
    optionalText(r.hallNameEn) &&
    (r.notify === undefined || typeof r.notify === 'boolean') &&
    optionalText(r.rescheduledTo) &&
    optionalText(r.rescheduledFrom) &&
    (r.reschedulesLeft === undefined || typeof r.reschedulesLeft === 'number')
  );
}

export function loadRemembered(store: KeyValueStore): RememberedBooking[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(REMEMBERED_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isRemembered) : [];
  } catch {
    return [];
  }
}

function save(store: KeyValueStore, list: RememberedBooking[]): RememberedBooking[] {
  const kept = list.slice(0, REMEMBERED_MAX);
  try {
    store.setItem(REMEMBERED_KEY, JSON.stringify(kept));
  } catch {
    // Storage full or disabled: the list lasts for this page only.
  }
  return kept;
}

/** Copies only the fields we keep, by name, so nothing else from the answer is ever stored. */
function pick(b: Booking, names: { zh: string; en: string }, seenAt: string, hall: HallNames | undefined): RememberedBooking {
  return {
    number: b.number,
    serviceId: b.serviceId,
    serviceNameZh: names.zh,
    serviceNameEn: names.en,
    date: b.date,
    slotStart: b.slotStart,
    slotEnd: b.slotEnd,
    status: b.status,
    idCardMasked: b.idCardMasked,
    phoneMasked: b.phoneMasked,
    checkInOpensAt: b.checkInOpensAt,
    seenAt,
    ...(b.cancelReason ? { cancelReason: b.cancelReason } : {}),
    ...(b.statusToken && TOKEN_RE.test(b.statusToken) ? { statusToken: b.statusToken } : {}),
    ...(b.publicToken && PUBLIC_TOKEN_RE.test(b.publicToken) ? { publicToken: b.publicToken } : {}),
    ...(b.hallCode ? { hallCode: b.hallCode } : {}),
    ...(hall ? { hallNameZh: hall.nameZh, hallNameEn: hall.nameEn } : {}),
    ...(typeof b.notify === 'boolean' ? { notify: b.notify } : {}),
    ...(b.rescheduledTo ? { rescheduledTo: b.rescheduledTo } : {}),
    ...(b.rescheduledFrom ? { rescheduledFrom: b.rescheduledFrom } : {}),
    ...(typeof b.reschedulesLeft === 'number' ? { reschedulesLeft: b.reschedulesLeft } : {}),
  };
}

/** Keeps a booking just made; `hall` names its hall in both languages (when booked in a hall's own app). */
export function rememberBooking(
  store: KeyValueStore,
  booking: Booking,
  names: { zh: string; en: string },
  now: Date,
  hall?: HallNames,
): RememberedBooking[] {
  const rest = loadRemembered(store).filter((r) => r.number !== booking.number);
  return save(store, [pick(booking, names, now.toISOString(), hall), ...rest]);
}

type StatusUpdate = Pick<Booking, 'number' | 'status' | 'cancelReason' | 'statusToken' | 'publicToken' | 'notify' | 'rescheduledTo' | 'reschedulesLeft'>;

/**
 * Brings remembered bookings up to date with a look-up's answer or a status answer; unknown
 * numbers are ignored. A look-up also hands over the status token of bookings kept before tokens,
 * and whether text messages are on.
 */
export function applyStatuses(store: KeyValueStore, bookings: readonly StatusUpdate[], now: Date): RememberedBooking[] {
  const byNumber = new Map(bookings.map((b) => [b.number, b]));
  const list = loadRemembered(store).map((r) => {
    const fresh = byNumber.get(r.number);
    if (!fresh) return r;
    const { cancelReason: _old, ...rest } = r;
    return {
      ...rest,
      status: fresh.status,
      seenAt: now.toISOString(),
      ...(fresh.cancelReason ? { cancelReason: fresh.cancelReason } : {}),
      ...(fresh.statusToken && TOKEN_RE.test(fresh.statusToken) ? { statusToken: fresh.statusToken } : {}),
      ...(fresh.publicToken && PUBLIC_TOKEN_RE.test(fresh.publicToken) ? { publicToken: fresh.publicToken } : {}),
      // A look-up says whether messages are on (a status answer does not: the last known stays).
      ...(typeof fresh.notify === 'boolean' ? { notify: fresh.notify } : {}),
      ...(fresh.rescheduledTo ? { rescheduledTo: fresh.rescheduledTo } : {}),
      ...(typeof fresh.reschedulesLeft === 'number' ? { reschedulesLeft: fresh.reschedulesLeft } : {}),
    };
  });
  return save(store, list);
}

/** 改约: keeps the new booking and marks the one it replaced as moved to it. */
export function rememberMove(
  store: KeyValueStore,
  moved: { booking: Booking; previous: Booking },
  names: { zh: string; en: string },
  now: Date,
  hall?: HallNames,
): RememberedBooking[] {
  applyStatuses(store, [moved.previous], now);
  return rememberBooking(store, moved.booking, names, now, hall);
}

/** What to ask the server for: the remembered bookings that carry a status token. */
export function statusQuery(list: readonly RememberedBooking[]): { number: string; token: string }[] {
  return list.flatMap((r) => (r.statusToken ? [{ number: r.number, token: r.statusToken }] : []));
}

export function forgetBooking(store: KeyValueStore, number: string): RememberedBooking[] {
  return save(
    store,
    loadRemembered(store).filter((r) => r.number !== number),
  );
}

/** The booking's service name in the language. */
export function serviceNameOf(booking: RememberedBooking, lang: Lang): string {
  return localName({ nameZh: booking.serviceNameZh, nameEn: booking.serviceNameEn }, lang);
}

/** The booking's hall name in the language ('' when the device did not keep it). */
export function hallNameOf(booking: RememberedBooking, lang: Lang): string {
  return localName({ nameZh: booking.hallNameZh ?? '', nameEn: booking.hallNameEn ?? '' }, lang);
}

export function findRemembered(store: KeyValueStore, number: string): RememberedBooking | undefined {
  return loadRemembered(store).find((r) => r.number === number);
}
