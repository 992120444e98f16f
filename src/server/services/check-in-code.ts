// 预约取号 by a scanned code: the booking's public token (its /t/ QR code) or its 办事编号 (the QR
// of confirmations made before tokens), with the last 4 characters of the ID card. A code alone
// proves nothing (a photo of someone's QR is easy to get), so a wrong last 4 answers exactly as an
// unknown code does, and every attempt counts against the kiosk's check-in limit (kiosk.routes.ts).
import type { Lang } from '../../contracts/errors.js';
import { idCardLast4Matches } from '../../domain/public-ticket.js';
import { checkInOpensAt } from '../../domain/schedule.js';
import { type BookingRecord, findBookingByNumber, findBookingByPublicToken } from '../repositories/booking.repository.js';
import { findService } from '../repositories/service.repository.js';
import { AppError } from './app-error.js';
import { type HallContext, type Now, hallName } from './context.js';

export type CodeCheckIn = { token: string; idCardLast4: string } | { number: string; idCardLast4: string };

/** BOOKING_OTHER_HALL naming the hall where the booking is (null if that hall is gone). */
export async function otherHall(ctx: HallContext, hallId: number, lang: Lang): Promise<AppError | null> {
  const hall = await ctx.halls.byId(hallId);
  if (!hall) return null;
  return new AppError('BOOKING_OTHER_HALL', {
    hall: hallName(hall, lang),
    hallCode: hall.code,
    address: lang === 'en' ? hall.addressEn : hall.addressZh,
  });
}

/**
 * The one booking the code names, if the last 4 match and it can be checked in here today
 * (booked, or checked in already: a reprint); otherwise the refusal the ID card check-in gives.
 */
export async function bookingOfCode(ctx: HallContext, input: CodeCheckIn, now: Now, lang: Lang): Promise<BookingRecord> {
  const b = 'token' in input ? await findBookingByPublicToken(ctx.db, input.token) : await findBookingByNumber(ctx.db, input.number);
  // The comparison runs whether or not the code was found; either way the answer is the same.
  const matches = idCardLast4Matches(b?.idMasked ?? '', input.idCardLast4);
  if (!b || !matches) throw new AppError('NO_BOOKING');
  if (b.hallId !== ctx.hall.id) throw (await otherHall(ctx, b.hallId, lang)) ?? new AppError('NO_BOOKING');
  if (b.status === 'served') throw new AppError('BOOKING_SERVED');
  if (b.status === 'cancelled') throw new AppError('NO_BOOKING');
  if (b.status === 'missed' || b.date < now.local.date) throw new AppError('BOOKING_EXPIRED');
  if (b.date > now.local.date) {
    // Not today: say which day and time check-in opens (the same-day case is the common rule's).
    const service = await findService(ctx.db, b.serviceId);
    const opensAt = checkInOpensAt(b.slotStart, service?.schedule.checkInBeforeMinutes ?? 0);
    throw new AppError('TOO_EARLY', { opensAt: `${b.date} ${opensAt}` });
  }
  return b;
}
