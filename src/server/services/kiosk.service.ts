// The hall kiosk: 预约取号 (check-in by ID card) and 现场取号 (walk-in numbers).
import type { Lang } from '../../contracts/errors.js';
import type { CheckInBody, CheckInResponse, Ticket, WalkInBody, WalkInResponse } from '../../contracts/kiosk.js';
import { parseIdCard } from '../../domain/id-card.js';
import { type CheckInState, type HallTime, checkInOpensAt, checkInState, walkInHours } from '../../domain/schedule.js';
import { CALL_NUMBER_COUNTER, formatCallNumber, formatTicketNumber } from '../../domain/ticket-number.js';
import { type BookingRecord, bookingsToCheckInOn, changeBookingStatus } from '../repositories/booking.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import { ensureCounter, nextOrder } from '../repositories/number-counter.repository.js';
import { ensureWalkInRow, takePriorityReserve, takeWalkIn } from '../repositories/inventory.repository.js';
import { type Service, listServices } from '../repositories/service.repository.js';
import { type TicketRecord, findTicketsByBookingIds, insertTicket } from '../repositories/ticket.repository.js';
import { AppError } from './app-error.js';
import { credentials } from './credentials.js';
import { activeService, dayOverride } from './catalog.service.js';
import { bookingOfCode, otherHall } from './check-in-code.js';
import { type HallContext, type Now, type ServiceContext, nowOf } from './context.js';
import { newPublicToken } from './public-token.js';
import type { Db } from '../repositories/portable.js';
import { presentTickets } from './hall-view.service.js';
import { issuedPriority, priorityOf } from './priority.service.js';
import { requeueAtKiosk } from './ticket-return.service.js';
import { markNearFront } from './notify.service.js';
import { reclaimIfReleased, releaseUnusedPlaces } from './release.service.js';
import { MissingRow, RetryTransaction, transact } from './transact.js';

/** The next 叫号号码 of the service's day, drawn inside the caller's transaction. */
async function nextCallNumber(trx: Db, ctx: ServiceContext, service: Service, date: string): Promise<string> {
  const key = { serviceId: service.id, date, time: CALL_NUMBER_COUNTER };
  const n = await nextOrder(trx, key);
  if (n === null) throw new MissingRow(() => ensureCounter(ctx.db, key));
  return formatCallNumber(service.letter, n);
}

/** The kiosk's answer goes to the person holding the ticket: with its page's token (staff views never carry it). */
function withTokens(rows: TicketRecord[], tickets: Ticket[]): Ticket[] {
  return tickets.map((t, i) => {
    const token = rows[i]?.publicToken;
    return token ? { ...t, publicToken: token } : t;
  });
}

function stateOf(b: BookingRecord, service: Service, now: HallTime): CheckInState {
  return checkInState(b, service.schedule.checkInBeforeMinutes, now);
}

/** Today's bookings in this hall that the holder of this ID card can still check in: their own, and those they booked for others (代办). */
async function bookingsOfIdCard(ctx: HallContext, idCard: string, now: Now, lang: Lang): Promise<BookingRecord[]> {
  const who = credentials(ctx, { idCard }, now.local.date);
  const everywhere = await bookingsToCheckInOn(ctx.db, who.idHash, now.local.date);
  const ofToday = everywhere.filter((b) => b.hallId === ctx.hall.id);
  const today = ofToday.filter((b) => b.status === 'booked' || b.status === 'checked_in');
  if (today.length > 0) return today;
  // Booked today, but in another hall of the city: say which one, rather than "no booking".
  const elsewhere = everywhere.find((b) => b.hallId !== ctx.hall.id && b.status === 'booked');
  const there = elsewhere ? await otherHall(ctx, elsewhere.hallId, lang) : null;
  if (there) throw there;
  // Someone coming back after being served is told so, not that there is no booking.
  throw new AppError(ofToday.some((b) => b.status === 'served') ? 'BOOKING_SERVED' : 'NO_BOOKING');
}

/**
 * 预约取号 by ID card (every booking of today), or by a scanned code (a booking's token or 办事编号)
 * with the ID card's last 4 characters (that one booking).
 */
export async function checkIn(ctx: HallContext, input: CheckInBody, lang: Lang): Promise<CheckInResponse> {
  const now = nowOf(ctx);
  const services = new Map((await listServices(ctx.db, ctx.hall.id, { includeInactive: true })).map((s) => [s.id, s]));
  const today = 'idCard' in input ? await bookingsOfIdCard(ctx, input.idCard, now, lang) : [await bookingOfCode(ctx, input, now, lang)];
  const service = (b: BookingRecord) => services.get(b.serviceId) as Service;
  const already = today.filter((b) => b.status === 'checked_in');
  const booked = today.filter((b) => b.status === 'booked');
  const open = booked.filter((b) => stateOf(b, service(b), now.local) === 'open');
  if (open.length === 0 && already.length === 0) {
    const early = booked.filter((b) => stateOf(b, service(b), now.local) === 'too_early');
    if (early.length > 0) {
      const opensAt = early
        .map((b) => checkInOpensAt(b.slotStart, service(b).schedule.checkInBeforeMinutes))
        .sort()[0] as string;
      throw new AppError('TOO_EARLY', { opensAt });
    }
    throw new AppError('BOOKING_EXPIRED');
  }

  // 优先: the citizen's choice, else 老年人 when the ID card says so, or (a scanned code, no card read)
  // the age kept with the booking; only the group goes on the ticket. Decided for every booking
  // before any is written: a group the hall does not honour refuses the whole check-in.
  const rule = await priorityOf(ctx, ctx.hall.id);
  const priorities = new Map(
    open.map((b) => [
      b.id,
      'idCard' in input
        ? issuedPriority(rule, input.priority, input.idCard, now.local.date)
        : issuedPriority(rule, input.priority, undefined, now.local.date, { ageOnDay: b.ageOnDay ?? null, byAgent: Boolean(b.agent) }),
    ]),
  );
  let issued = 0;
  for (const b of open) {
    const priority = priorities.get(b.id) ?? null;
    // Two kiosks may scan the same card at once: only the one that moves the status issues a ticket.
    const won = await transact(ctx.db, async (trx) => {
      if (!(await changeBookingStatus(trx, b.id, 'booked', 'checked_in', { at: now.iso, checkedInAt: now.iso }))) return false;
      await reclaimIfReleased(trx, ctx, b, now);
      const ticket = await insertTicket(trx, {
        hallId: ctx.hall.id,
        number: b.number,
        callNumber: await nextCallNumber(trx, ctx, service(b), b.date),
        serviceId: b.serviceId,
        date: b.date,
        kind: 'booking',
        bookingId: b.id,
        slotStart: b.slotStart,
        slotEnd: b.slotEnd,
        queuedAt: now.iso,
        // The same page as the booking's: the QR on the confirmation keeps working after check-in.
        publicToken: b.publicToken,
        priority,
        agentRelation: b.agent?.relation ?? null,
      });
      await markNearFront(trx, ctx, ticket, service(b), now);
      await appendEvent(trx, {
        type: 'ticket.checked_in',
        hallId: ctx.hall.id,
        serviceId: b.serviceId,
        date: b.date,
        at: now.iso,
        number: b.number,
      });
      return true;
    });
    if (won) issued++;
  }
  if (issued > 0) ctx.events?.committed();
  const ids = [...already, ...open].map((b) => b.id);
  let rows = await findTicketsByBookingIds(ctx.db, ids);
  // Someone whose number was passed (过号) comes back with their card: once, behind a few others.
  const back = await requeueAtKiosk(ctx, rows);
  if (back.length > 0) rows = await findTicketsByBookingIds(ctx.db, ids);
  if (issued === 0 && back.length === 0 && rows.length > 0 && rows.every((r) => r.status === 'no_show')) throw new AppError('TICKET_PASSED');
  rows.sort((a, b) => (a.slotStart ?? '').localeCompare(b.slotStart ?? '') || a.number.localeCompare(b.number));
  return {
    tickets: withTokens(rows, await presentTickets(ctx, rows, services, now, lang)),
    reprint: issued === 0 && back.length === 0,
  };
}

export async function walkIn(ctx: HallContext, input: WalkInBody, lang: Lang): Promise<WalkInResponse> {
  const now = nowOf(ctx);
  if (input.idCard !== undefined) {
    const id = parseIdCard(input.idCard, now.local.date);
    if (!id.ok) throw new AppError('INVALID_ID_CARD', { reason: id.error, field: 'idCard' });
  }
  const rule = await priorityOf(ctx, ctx.hall.id);
  const priority = issuedPriority(rule, input.priority, input.idCard, now.local.date);
  const service = await activeService(ctx, input.serviceId);
  // A kiosk issues only its own hall's numbers.
  if (service.hallId !== ctx.hall.id) throw new AppError('SERVICE_NOT_FOUND', { serviceId: input.serviceId });
  const hours = walkInHours(service.schedule, now.local.date, now.local, await dayOverride(ctx.db, ctx.hall.id, now.local.date));
  if (hours.state !== 'open') throw new AppError('HALL_CLOSED', hours.state === 'later' ? { opensAt: hours.opensAt } : {});
  const date = now.local.date;
  // Places of bookings nobody came for join the quota first (once per slot, whoever gets there).
  await releaseUnusedPlaces(ctx, [service], now);
  const counterKey = { serviceId: service.id, date, time: now.local.time };
  const issued = await transact(ctx.db, async (trx) => {
    const taken = await takeWalkIn(trx, service.id, date);
    if (taken === 'missing') {
      throw new MissingRow(() => ensureWalkInRow(ctx.db, service.id, date, service.schedule.walkInQuota, rule.reserve));
    }
    if (taken === 'again') throw new RetryTransaction();
    // 绿色通道: an elderly citizen still gets a number, from the day's reserve, once the quota is used up.
    if (taken === 'full' && (priority !== 'elderly' || (await takePriorityReserve(trx, service.id, date)) === 'full')) {
      throw new AppError('WALK_IN_FULL');
    }
    const order = await nextOrder(trx, counterKey);
    if (order === null) throw new MissingRow(() => ensureCounter(ctx.db, counterKey));
    // Read the clock while holding the day's walk-in row: queue times then follow number order.
    const at = ctx.clock().toISOString();
    const ticket = await insertTicket(trx, {
      hallId: ctx.hall.id,
      number: formatTicketNumber({
        prefix: ctx.hall.numberPrefix,
        letter: service.letter,
        date,
        time: now.local.time,
        order,
      }),
      callNumber: await nextCallNumber(trx, ctx, service, date),
      serviceId: service.id,
      date,
      kind: 'walk_in',
      bookingId: null,
      slotStart: null,
      slotEnd: null,
      queuedAt: at,
      publicToken: newPublicToken(),
      priority,
    });
    await appendEvent(trx, {
      type: 'ticket.walk_in',
      hallId: ctx.hall.id,
      serviceId: service.id,
      date,
      at,
      number: ticket.number,
    });
    return ticket;
  });
  ctx.events?.committed();
  // Its place and wait need only its own service's queue and times, not the rest of the hall.
  const [ticket] = withTokens([issued], await presentTickets(ctx, [issued], new Map([[service.id, service]]), now, lang));
  return { ticket: ticket as Ticket };
}
