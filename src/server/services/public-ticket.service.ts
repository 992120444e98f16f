// The page /t/<token>: one booking or ticket as its holder's phone polls it, every few seconds.
// Cheap on purpose: a unique-index read of the token, the service, and — only while the ticket
// waits — its own service's queue; the halls come from the directory. No personal data is read
// into the answer.
import type { Lang } from '../../contracts/errors.js';
import type { PublicTicketResponse } from '../../contracts/public-ticket.js';
import { effectiveStatus } from '../../domain/booking-rules.js';
import { isPublicToken, publicTicketPath } from '../../domain/public-ticket.js';
import { checkInOpensAt, checkInState } from '../../domain/schedule.js';
import { type BookingRecord, findBookingByNumber, findBookingByPublicToken } from '../repositories/booking.repository.js';
import { listCounters } from '../repositories/counter.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import { type Service, findService } from '../repositories/service.repository.js';
import { type TicketRecord, findTicketByPublicToken, findTicketsByBookingIds } from '../repositories/ticket.repository.js';
import { AppError } from './app-error.js';
import { type ServiceContext, hallName, hallTimeOf, serviceName } from './context.js';
import { ticketOf, ticketPlaces } from './hall-state.js';
import { priorityOf } from './priority.service.js';
import { type RateResult, rateTicket, ratingStateOf } from './rating.service.js';
import type { RatingInput } from '../../domain/rating.js';

type Common = Pick<PublicTicketResponse, 'serviceLetter' | 'serviceName' | 'hallCode' | 'hallName' | 'today' | 'now'>;

const NONE = {
  checkIn: null,
  checkInOpensAt: null,
  waitingAhead: null,
  estimatedWaitMinutes: null,
  counterNumber: null,
  counterName: null,
  cancelReason: null,
  priority: null,
} as const;

async function ticketView(ctx: ServiceContext, t: TicketRecord, service: Service, hall: Hall, common: Common, lang: Lang): Promise<PublicTicketResponse> {
  const base = {
    ...NONE,
    ...common,
    state: t.status,
    kind: t.kind,
    number: t.number,
    callNumber: t.callNumber,
    date: t.date,
    slotStart: t.slotStart,
    slotEnd: t.slotEnd,
    callCount: t.callCount,
    priority: t.priority,
  };
  if (t.status === 'waiting') {
    const places = await ticketPlaces(ctx.db, hall.id, new Map([[service.id, service]]), t.date);
    const instant = ctx.clock();
    const shown = ticketOf(places, t, { instant, iso: instant.toISOString(), local: hallTimeOf(ctx, hall) }, lang, await priorityOf(ctx, hall.id));
    return { ...base, waitingAhead: shown.waitingAhead, estimatedWaitMinutes: shown.estimatedWaitMinutes };
  }
  if (t.status === 'called' || t.status === 'serving') {
    const counter = (await listCounters(ctx.db, hall.id)).find((c) => c.id === t.counterId);
    return { ...base, counterNumber: counter?.number ?? null, counterName: counter?.name ?? null };
  }
  // 办结: the page offers the rating (好差评) until 7 days after the ticket's day.
  if (t.status === 'served') return { ...base, rating: await ratingStateOf(ctx, t, hall) };
  return base;
}

/** A booking not checked in: when check-in opens, or that it was cancelled or missed. */
function bookingView(ctx: ServiceContext, b: BookingRecord, service: Service, hall: Hall, common: Common): PublicTicketResponse {
  const status = effectiveStatus(b, hallTimeOf(ctx, hall));
  const before = service.schedule.checkInBeforeMinutes;
  return {
    ...NONE,
    ...common,
    state: status === 'cancelled' || status === 'missed' || status === 'served' ? status : 'booked',
    kind: 'booking',
    number: b.number,
    callNumber: null,
    date: b.date,
    slotStart: b.slotStart,
    slotEnd: b.slotEnd,
    callCount: 0,
    checkIn: status === 'booked' ? checkInState(b, before, hallTimeOf(ctx, hall)) : null,
    checkInOpensAt: checkInOpensAt(b.slotStart, before),
    cancelReason: b.cancelReason,
  };
}

/** What a token names: a ticket (a walk-in's, or a checked-in booking's), else a booking not checked in. */
export async function recordOfToken(ctx: ServiceContext, token: string): Promise<{ ticket?: TicketRecord; booking?: BookingRecord }> {
  // A malformed token is as unknown as a wrong one.
  if (!isPublicToken(token)) throw new AppError('TICKET_NOT_FOUND');
  let ticket = await findTicketByPublicToken(ctx.db, token);
  const booking = ticket ? undefined : await findBookingByPublicToken(ctx.db, token);
  // A booking checked in by a release before tokens: its ticket has none of its own.
  if (booking?.checkedInAt) ticket = (await findTicketsByBookingIds(ctx.db, [booking.id]))[0];
  if (!ticket && !booking) throw new AppError('TICKET_NOT_FOUND');
  return ticket ? { ticket } : { booking };
}

export async function publicTicketView(ctx: ServiceContext, token: string, lang: Lang): Promise<PublicTicketResponse> {
  const { ticket, booking } = await recordOfToken(ctx, token);
  const record = ticket ?? booking;
  if (!record) throw new AppError('TICKET_NOT_FOUND');
  const hall = await ctx.halls.byId(record.hallId);
  const service = await findService(ctx.db, record.serviceId);
  if (!hall || !service) throw new AppError('TICKET_NOT_FOUND');
  const local = hallTimeOf(ctx, hall);
  const common: Common = {
    serviceLetter: service.letter,
    serviceName: serviceName(service, lang),
    hallCode: hall.code,
    hallName: hallName(hall, lang),
    today: local.date,
    now: local.time,
  };
  if (ticket) return ticketView(ctx, ticket, service, hall, common, lang);
  const view = bookingView(ctx, booking as BookingRecord, service, hall, common);
  // 改约: the old page leads to the new booking's (holding its token is holding the booking).
  const to = booking?.rescheduledTo ? await findBookingByNumber(ctx.db, booking.rescheduledTo) : undefined;
  return to ? { ...view, rescheduledTo: { number: to.number, path: to.publicToken ? publicTicketPath(to.publicToken) : null } } : view;
}

/** A rating from the ticket's page (its QR code, or the invitation text's link). */
export async function rateByToken(ctx: ServiceContext, token: string, input: RatingInput, via: 'web' | 'message'): Promise<RateResult> {
  const { ticket } = await recordOfToken(ctx, token);
  // A booking never checked in has no service to rate.
  if (!ticket) throw new AppError('RATING_NOT_FINISHED');
  const hall = await ctx.halls.byId(ticket.hallId);
  if (!hall) throw new AppError('TICKET_NOT_FOUND');
  return rateTicket(ctx, ticket, hall, input, via);
}
