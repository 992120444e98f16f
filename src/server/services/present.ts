// Rows to the API's shapes. Only masked personal data ever leaves the server.
import type { Booking } from '../../contracts/bookings.js';
import type { Lang } from '../../contracts/errors.js';
import type { Ticket, TicketStatus } from '../../contracts/kiosk.js';
import { type BookingFacts, type BookingStatus, effectiveStatus } from '../../domain/booking-rules.js';
import { type HallTime, checkInOpensAt } from '../../domain/schedule.js';
import type { BookingRow, TicketRow } from '../db/schema.js';
import type { Service } from '../repositories/service.repository.js';
import { serviceName } from './context.js';

export function bookingFacts(row: BookingRow): BookingFacts {
  return {
    serviceId: row.service_id,
    date: row.date,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    status: row.status as BookingStatus,
  };
}

/** `callNumber`: the 叫号号码 of its check-in ticket, once checked in. */
export function presentBooking(row: BookingRow, service: Service, now: HallTime, lang: Lang, callNumber?: string): Booking {
  return {
    number: row.number,
    serviceId: row.service_id,
    serviceLetter: service.letter,
    serviceName: serviceName(service, lang),
    date: row.date,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    status: effectiveStatus(bookingFacts(row), now),
    idCardMasked: row.id_masked,
    phoneMasked: row.phone_masked,
    createdAt: row.created_at,
    checkInOpensAt: checkInOpensAt(row.slot_start, service.schedule.checkInBeforeMinutes),
    ...(row.cancel_reason ? { cancelReason: row.cancel_reason } : {}),
    ...(callNumber ? { callNumber } : {}),
  };
}

export function presentTicket(
  row: TicketRow,
  service: Service,
  place: { ahead: number; wait: number; counterNumber: number | null },
  lang: Lang,
): Ticket {
  return {
    number: row.number,
    callNumber: row.call_number,
    kind: row.kind as Ticket['kind'],
    serviceId: row.service_id,
    serviceLetter: service.letter,
    serviceName: serviceName(service, lang),
    date: row.date,
    slotStart: row.slot_start,
    slotEnd: row.slot_end,
    status: row.status as TicketStatus,
    queuedAt: row.queued_at,
    waitingAhead: place.ahead,
    estimatedWaitMinutes: place.wait,
    counterNumber: place.counterNumber,
    callCount: Number(row.call_count),
  };
}
