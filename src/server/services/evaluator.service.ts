// The 评价器 (evaluator pad) at a counter: when the counter completes a ticket (办结), the pad shows
// the rating screen for it; unrated after EVALUATOR_SHOW_SECONDS it returns to idle. The pad may rate
// only its own counter's tickets of today.
import type { Lang } from '../../contracts/errors.js';
import type { EvaluatorCurrentResponse } from '../../contracts/rating.js';
import type { RatingInput } from '../../domain/rating.js';
import { listCounters } from '../repositories/counter.repository.js';
import { findService } from '../repositories/service.repository.js';
import { findStaffById } from '../repositories/staff.repository.js';
import { findTicketByNumber, lastServedAtCounter } from '../repositories/ticket.repository.js';
import { AppError } from './app-error.js';
import { type HallContext, hallName, hallTimeOf, nowOf, serviceName } from './context.js';
import { type RateResult, rateTicket, ratingStateOf } from './rating.service.js';

/** How long the pad offers the rating of a ticket just completed before it goes back to idle. */
export const EVALUATOR_SHOW_SECONDS = 60;

async function padCounter(ctx: HallContext, counterId: number | null) {
  const counter = (await listCounters(ctx.db, ctx.hall.id)).find((c) => c.id === counterId);
  // A pad whose counter was removed shows nothing to rate; its admin pairs it again.
  if (!counter) throw new AppError('COUNTER_NOT_FOUND', { counter: counterId ?? 0 });
  return counter;
}

export async function evaluatorCurrent(ctx: HallContext, counterId: number | null, lang: Lang): Promise<EvaluatorCurrentResponse> {
  const counter = await padCounter(ctx, counterId);
  const base = { counterNumber: counter.number, counterName: counter.name, hallName: hallName(ctx.hall, lang) };
  const now = nowOf(ctx);
  const last = await lastServedAtCounter(ctx.db, counter.id, hallTimeOf(ctx, ctx.hall).date);
  if (!last?.finishedAt || now.instant.getTime() - Date.parse(last.finishedAt) > EVALUATOR_SHOW_SECONDS * 1000) return { ...base, ticket: null };
  const rating = await ratingStateOf(ctx, last, ctx.hall);
  if (rating.state !== 'open') return { ...base, ticket: null };
  const [service, who] = await Promise.all([findService(ctx.db, last.serviceId), last.finishedBy === null ? undefined : findStaffById(ctx.db, last.finishedBy)]);
  return {
    ...base,
    ticket: {
      number: last.number,
      callNumber: last.callNumber,
      serviceName: service ? serviceName(service, lang) : '',
      staffName: who?.displayName || '',
      finishedAt: last.finishedAt,
      rating,
    },
  };
}

/** A rating from the pad: only a ticket its counter served today. */
export async function rateAtCounter(ctx: HallContext, counterId: number | null, number: string, input: RatingInput): Promise<RateResult> {
  const counter = await padCounter(ctx, counterId);
  const ticket = await findTicketByNumber(ctx.db, number);
  if (!ticket || ticket.hallId !== ctx.hall.id || ticket.counterId !== counter.id || ticket.date !== hallTimeOf(ctx, ctx.hall).date) {
    throw new AppError('TICKET_NOT_FOUND');
  }
  return rateTicket(ctx, ticket, ctx.hall, input, 'evaluator');
}
