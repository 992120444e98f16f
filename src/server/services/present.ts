// Records to the API's shapes. Only masked personal data ever leaves the server.
import type { Booking } from '../../contracts/bookings.js';
import type { Lang } from '../../contracts/errors.js';
import type { Ticket } from '../../contracts/kiosk.js';
import { effectiveStatus } from '../../domain/booking-rules.js';
import { reschedulesLeft } from '../../domain/reschedule.js';
import { type HallTime, checkInOpensAt } from '../../domain/schedule.js';
import type { BookingRecord } from '../repositories/booking.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import type { Service } from '../repositories/service.repository.js';
import type { TicketRecord } from '../repositories/ticket.repository.js';
import { hallName, serviceName } from './context.js';

/** `callNumber`: the 叫号号码 of its check-in ticket, once checked in. */
export function presentBooking(b: BookingRecord, service: Service, hall: Hall, now: HallTime, lang: Lang, callNumber?: string): Booking {
  return {
    number: b.number,
    hallCode: hall.code,
    hallName: hallName(hall, lang),
    serviceId: b.serviceId,
    serviceLetter: service.letter,
    serviceName: serviceName(service, lang),
    date: b.date,
    slotStart: b.slotStart,
    slotEnd: b.slotEnd,
    status: effectiveStatus(b, now),
    idCardMasked: b.idMasked,
    phoneMasked: b.phoneMasked,
    ...(b.agent ? { agent: { idCardMasked: b.agent.idMasked, relation: b.agent.relation } } : {}),
    createdAt: b.createdAt,
    checkInOpensAt: checkInOpensAt(b.slotStart, service.schedule.checkInBeforeMinutes),
    ...(b.cancelReason ? { cancelReason: b.cancelReason } : {}),
    ...(callNumber ? { callNumber } : {}),
    ...(b.rescheduledTo ? { rescheduledTo: b.rescheduledTo } : {}),
    ...(b.rescheduledFrom ? { rescheduledFrom: b.rescheduledFrom } : {}),
    reschedulesLeft: reschedulesLeft(b, now),
  };
}

export function presentTicket(
  t: TicketRecord,
  service: Service,
  place: { ahead: number; wait: number; counterNumber: number | null },
  lang: Lang,
): Ticket {
  return {
    number: t.number,
    callNumber: t.callNumber,
    kind: t.kind,
    serviceId: t.serviceId,
    serviceLetter: service.letter,
    serviceName: serviceName(service, lang),
    date: t.date,
    slotStart: t.slotStart,
    slotEnd: t.slotEnd,
    status: t.status,
    queuedAt: t.queuedAt,
    waitingAhead: place.ahead,
    estimatedWaitMinutes: place.wait,
    counterNumber: place.counterNumber,
    callCount: t.callCount,
    priority: t.priority,
    ...(t.agentRelation ? { agentRelation: t.agentRelation } : {}),
  };
}
