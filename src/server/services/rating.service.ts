// 好差评: a citizen rates a served ticket once, from the counter's 评价器, the ticket's own page
// (/t/<token>, its QR code) or the invitation text. A 差评 opens a follow-up case in the same
// transaction, due in 15 working days by the hall's calendar. The rating keeps the ticket, service,
// counter, staff member and hall; never the citizen's ID or phone.
import {
  type RatingChannel,
  type RatingInput,
  type RatingLevel,
  type RatingReason,
  isNegative,
  keptComment,
  lastRatingDate,
  normalizeReasons,
  ratingOpen,
  ratingRefusal,
} from '../../domain/rating.js';
import { CASE_DUE_WORKING_DAYS } from '../../domain/rating-case.js';
import { addDays } from '../../domain/schedule.js';
import { addWorkingDays, workingDaysSpan } from '../../domain/working-days.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { overridesBetween } from '../repositories/calendar.repository.js';
import { appendEvent } from '../repositories/event.repository.js';
import type { Hall } from '../repositories/hall.repository.js';
import { type Db, isUniqueViolation } from '../repositories/portable.js';
import { type RatingRecord, addCaseNote, findRatingOfTicket, insertCase, insertRating } from '../repositories/rating.repository.js';
import type { TicketRecord } from '../repositories/ticket.repository.js';
import { AppError } from './app-error.js';
import { type ServiceContext, hallTimeOf, nowOf } from './context.js';
import { transact } from './transact.js';

export interface RatingState {
  /** open: can be rated now; rated: it was (level given); closed: not served, or the 7 days are over. */
  state: 'open' | 'rated' | 'closed';
  level: RatingLevel | null;
  /** The last hall date it can be rated on. */
  until: string;
}

/** Where a ticket stands for rating (the /t/ page and the evaluator show the form only when open). */
export async function ratingStateOf(ctx: ServiceContext, ticket: TicketRecord, hall: Hall): Promise<RatingState> {
  const until = lastRatingDate(ticket.date);
  if (ticket.status !== 'served') return { state: 'closed', level: null, until };
  const rating = await findRatingOfTicket(ctx.db, ticket.id);
  if (rating) return { state: 'rated', level: rating.level, until };
  return { state: ratingOpen(ticket, hallTimeOf(ctx, hall).date) ? 'closed' : 'open', level: null, until };
}

export interface RateResult {
  rating: RatingRecord;
  caseId: number | null;
}

/** Rates a ticket (already found and checked to belong to whoever asks). */
export async function rateTicket(ctx: ServiceContext, ticket: TicketRecord, hall: Hall, input: RatingInput, channel: RatingChannel): Promise<RateResult> {
  const refusal = ratingRefusal(input);
  if (refusal === 'REASON_REQUIRED') throw new AppError('VALIDATION', { field: 'reasons', reason: 'a 不满意 or 非常不满意 rating needs at least one reason' });
  if (refusal === 'COMMENT_TOO_LONG') throw new AppError('VALIDATION', { field: 'comment', reason: 'at most 200 characters' });
  const today = hallTimeOf(ctx, hall).date;
  const closed = ratingOpen(ticket, today);
  if (closed === 'NOT_FINISHED') throw new AppError('RATING_NOT_FINISHED');
  if (closed === 'WINDOW_OVER') throw new AppError('RATING_WINDOW_OVER', { until: lastRatingDate(ticket.date) });
  // The cheap refusal: a ticket rated already is answered without a write.
  if (await findRatingOfTicket(ctx.db, ticket.id)) throw new AppError('ALREADY_RATED');
  const negative = isNegative(input.level);
  const dueDate = negative ? await caseDueDate(ctx.db, hall.id, today) : null;
  const now = nowOf(ctx);
  const reasons = normalizeReasons(input.reasons);
  const rating: Omit<RatingRecord, 'id'> = {
    hallId: hall.id,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    serviceId: ticket.serviceId,
    counterId: ticket.counterId,
    staffId: ticket.finishedBy,
    date: ticket.date,
    level: input.level,
    reasons,
    comment: keptComment(input.comment),
    channel,
    createdAt: now.iso,
  };
  try {
    const result = await transact(ctx.db, async (trx) => {
      const id = await insertRating(trx, rating);
      let caseId: number | null = null;
      if (dueDate) {
        caseId = await insertCase(trx, {
          hallId: hall.id,
          ratingId: id,
          ticketNumber: ticket.number,
          serviceId: ticket.serviceId,
          counterId: ticket.counterId,
          staffId: ticket.finishedBy,
          date: ticket.date,
          openedAt: now.iso,
          openedOn: today,
          dueDate,
          assigneeId: null,
        });
        // The opening step has no note: the screens say 差评自动立案 with the rating beside it.
        await addCaseNote(trx, { caseId, hallId: hall.id, fromState: null, toState: 'open', note: '', actor: 'system', at: now.iso });
        await appendAudit(trx, { hallId: hall.id, at: now.iso, actor: 'system', action: 'case.open', target: ticket.number, details: { caseId, level: input.level, reasons, dueDate } });
      }
      await appendEvent(trx, {
        type: 'rating.created',
        hallId: hall.id,
        serviceId: ticket.serviceId,
        date: ticket.date,
        at: now.iso,
        number: ticket.number,
        data: { ratingId: id, level: input.level, reasons, channel, caseId, ...(dueDate ? { dueDate } : {}) },
      });
      return { rating: { ...rating, id }, caseId };
    });
    ctx.events?.committed();
    return result;
  } catch (error) {
    // Two submits at once (the evaluator and the phone): the UNIQUE index lets one in.
    if (isUniqueViolation(error)) throw new AppError('ALREADY_RATED');
    throw error;
  }
}

/** 15 working days after today by the hall's calendar (法定节假日 and 调休 included). */
export async function caseDueDate(db: Db, hallId: number, today: string): Promise<string> {
  const overrides = await overridesBetween(db, hallId, today, addDays(today, workingDaysSpan(CASE_DUE_WORKING_DAYS)));
  return addWorkingDays(today, CASE_DUE_WORKING_DAYS, overrides);
}

export interface RatingBody {
  level: RatingLevel;
  reasons?: RatingReason[];
  comment?: string | null;
}

export function ratingInput(body: RatingBody): RatingInput {
  return { level: body.level, reasons: body.reasons ?? [], comment: body.comment ?? null };
}
