// One function per endpoint, typed by src/contracts.
import type { ForgetContactsBody, ForgetContactsResponse } from '../../contracts/person-data.js';
import type {
  Booking,
  BookingMessagesBody,
  BookingStatusesResponse,
  CancelBody,
  CancelResponse,
  CreateBookingBody,
  CreateBookingResponse,
  LookupResponse,
  PersonCredentials,
  RescheduleBody,
  RescheduleResponse,
  VerificationCodeBody,
} from '../../contracts/bookings.js';
import type { Lang } from '../../contracts/errors.js';
import type { CheckInResponse, WalkInResponse } from '../../contracts/kiosk.js';
import type { PublicTicketResponse } from '../../contracts/public-ticket.js';
import type { ScannedCode } from '../../domain/public-ticket.js';
import type { PriorityChoice } from '../../domain/priority.js';
import type { AvailabilityResponse, HallResponse, ServicesResponse } from '../../contracts/services.js';
import { hrefOf } from '../nav/router.js';
import { requestJson } from './client.js';

interface Call {
  lang: Lang;
  signal?: AbortSignal;
}

export function getHall(call: Call): Promise<HallResponse> {
  return requestJson('GET', '/api/v1/hall', call);
}

export function getServices(date: string | undefined, call: Call): Promise<ServicesResponse> {
  return requestJson('GET', hrefOf('/api/v1/services', { date }), call);
}

export function getAvailability(serviceId: number, query: { from?: string; days?: number }, call: Call): Promise<AvailabilityResponse> {
  return requestJson('GET', hrefOf(`/api/v1/services/${serviceId}/availability`, query), call);
}

export function createBooking(body: CreateBookingBody, idempotencyKey: string, call: Call): Promise<CreateBookingResponse> {
  return requestJson('POST', '/api/v1/bookings', { ...call, body, headers: { 'idempotency-key': idempotencyKey } });
}

/** 短信验证码: a code sent to the phone, to be given with the booking or the cancel (purpose) within 5 minutes. */
export function requestVerificationCode(body: VerificationCodeBody, call: Call): Promise<{ expiresInSeconds: number }> {
  return requestJson('POST', '/api/v1/verification-codes', { ...call, body });
}

export function lookupBookings(body: PersonCredentials, call: Call): Promise<LookupResponse> {
  return requestJson('POST', '/api/v1/bookings/lookup', { ...call, body });
}

/** The statuses of remembered bookings, each asked with its status token (nothing personal is sent or answered). */
export function getBookingStatuses(bookings: { number: string; token: string }[], call: Call): Promise<BookingStatusesResponse> {
  return requestJson('POST', '/api/v1/bookings/statuses', { ...call, body: { bookings } });
}

/** `forgetPhone`: the phone number kept for text messages is erased at once (no cancellation message then). */
export function cancelBooking(number: string, body: CancelBody, call: Call): Promise<CancelResponse> {
  return requestJson('POST', `/api/v1/bookings/${encodeURIComponent(number)}/cancel`, { ...call, body });
}

/** 我的预约: erase the phone number of the bookings that are over (ID card + phone in the body, never the URL). */
export function forgetContacts(body: ForgetContactsBody, call: Call): Promise<ForgetContactsResponse> {
  return requestJson('POST', '/api/v1/bookings/forget-contacts', { ...call, body });
}

/** 改约: moves a booking to another slot of its service (ID card and phone in the body, never the URL). */
export function rescheduleBooking(number: string, body: RescheduleBody, call: Call): Promise<RescheduleResponse> {
  return requestJson('POST', `/api/v1/bookings/${encodeURIComponent(number)}/reschedule`, { ...call, body });
}

/** 我的预约: text messages about one booking on or off (the same ID card and phone as the look-up). */
export function setBookingMessages(number: string, body: BookingMessagesBody, call: Call): Promise<{ booking: Booking }> {
  return requestJson('POST', `/api/v1/bookings/${encodeURIComponent(number)}/messages`, { ...call, body });
}

/** `priority`: the citizen's 优先 choice (omitted: 老年人 by the ID card, else none). */
export function kioskCheckIn(idCard: string, call: Call, priority?: PriorityChoice): Promise<CheckInResponse> {
  return requestJson('POST', '/api/v1/kiosk/check-in', { ...call, body: { idCard, ...(priority ? { priority } : {}) } });
}

/** `idCard` (typed at 预约取号 before choosing a walk-in) decides 优先 · 老年人 and opens the 绿色通道; it is not kept. */
export function kioskWalkIn(serviceId: number, call: Call, extra: { idCard?: string; priority?: PriorityChoice } = {}): Promise<WalkInResponse> {
  return requestJson('POST', '/api/v1/kiosk/walk-in', { ...call, body: { serviceId, ...extra } });
}

/** The page of one booking or ticket by its public token (no sign-in, nothing personal). */
export function getPublicTicket(token: string, call: Call): Promise<PublicTicketResponse> {
  return requestJson('GET', `/api/v1/t/${encodeURIComponent(token)}`, call);
}

/** 扫码签到: a scanned booking code (token or 办事编号) with the ID card's last 4. */
export function kioskCheckInByCode(code: ScannedCode, idCardLast4: string, call: Call, priority?: PriorityChoice): Promise<CheckInResponse> {
  const found = code.kind === 'token' ? { token: code.token } : { number: code.number };
  return requestJson('POST', '/api/v1/kiosk/check-in', { ...call, body: { ...found, idCardLast4, ...(priority ? { priority } : {}) } });
}

/** 爽约: may this person book this service online now? A blocked person gets BOOKING_BLOCKED (until when, and why). */
export function checkEligibility(body: { serviceId: number; idCard: string; phone: string }, call: Call): Promise<{ eligible: true }> {
  return requestJson('POST', '/api/v1/bookings/eligibility', { ...call, body });
}
