// 好差评 over HTTP: the citizen's rating (the ticket page, public by its token; the counter's 评价器,
// a paired evaluator device), and the hall's follow-up of 差评 and its satisfaction figures (admins).
import type { FastifyRequest } from 'fastify';
import {
  CaseAssignBody,
  CaseItem,
  CaseListResponse,
  CaseParams,
  CaseStepBody,
  CitySatisfactionResponse,
  EvaluatorCurrentResponse,
  EvaluatorRatingBody,
  PublicRatingBody,
  RangeQuery,
  RatingListResponse,
  RatingReportResponse,
  RatingResponse,
} from '../../contracts/rating.js';
import { PublicTicketParams } from '../../contracts/public-ticket.js';
import { AppError } from '../services/app-error.js';
import type { ServiceContext } from '../services/context.js';
import { evaluatorCurrent, rateAtCounter } from '../services/evaluator.service.js';
import { rateByToken } from '../services/public-ticket.service.js';
import { caseDetail, caseList, reassignCase, stepCase } from '../services/rating-case.service.js';
import { citySatisfaction, ratingList, ratingReport, ratingReportCsv } from '../services/rating-report.service.js';
import { type RateResult, ratingInput } from '../services/rating.service.js';
import { principalOf, requireStaff, staffOf } from './auth.js';
import { errorResponses } from './errors.js';
import { hallOf, isCityAdmin } from './hall-scope.js';
import { langOf } from './lang.js';
import type { App } from './types.js';

const answer = (r: RateResult) => ({ level: r.rating.level, followUp: r.caseId !== null });

export async function ratingRoutes(app: App, ctx: ServiceContext): Promise<void> {
  const admin = requireStaff(ctx, 'admin');
  const refused = errorResponses(400, 401, 403, 404, 409);

  // The ticket's page: its unguessable token is the permission (as for GET /api/v1/t/:token).
  app.post(
    '/api/v1/t/:token/rating',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['bookings'],
        summary: '好差评 from the ticket page (/t/<token>, its QR code or the invitation text): one rating per served ticket, within 7 days',
        params: PublicTicketParams,
        body: PublicRatingBody,
        response: { 201: RatingResponse, ...errorResponses(400, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const { via, ...body } = request.body;
      const result = await rateByToken(ctx, request.params.token, ratingInput(body), via ?? 'web');
      return reply.status(201).send(answer(result));
    },
  );

  /** A paired 评价器 (evaluator device) only: it knows its counter. */
  const evaluator = async (request: FastifyRequest) => {
    const p = await principalOf(ctx, request);
    if (!p) throw new AppError('UNAUTHORIZED');
    if (p.kind !== 'device' || p.deviceKind !== 'evaluator') throw new AppError('FORBIDDEN');
    return p;
  };

  app.get(
    '/api/v1/evaluator/current',
    {
      onRequest: async (request) => void (await evaluator(request)),
      schema: {
        tags: ['devices'],
        summary: "The 评价器's screen: the ticket its counter completed in the last 60 s, while unrated (else idle)",
        response: { 200: EvaluatorCurrentResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const device = await evaluator(request);
      return evaluatorCurrent(await hallOf(ctx, request), device.counterId, langOf(request));
    },
  );

  app.post(
    '/api/v1/evaluator/ratings',
    {
      onRequest: async (request) => void (await evaluator(request)),
      schema: {
        tags: ['devices'],
        summary: "A rating from the counter's 评价器: a ticket its counter served today",
        body: EvaluatorRatingBody,
        response: { 201: RatingResponse, ...refused },
      },
    },
    async (request, reply) => {
      const device = await evaluator(request);
      const { number, ...body } = request.body;
      const result = await rateAtCounter(await hallOf(ctx, request), device.counterId, number, ratingInput(body));
      return reply.status(201).send(answer(result));
    },
  );

  app.get(
    '/api/v1/admin/ratings',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: 'The latest ratings of tickets whose day is in the range (newest first, at most 200)', querystring: RangeQuery, response: { 200: RatingListResponse, ...refused } },
    },
    async (request) => ratingList(await hallOf(ctx, request), request.query.from, request.query.to, langOf(request)),
  );

  app.get(
    '/api/v1/admin/rating-cases',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: '差评 cases: every one not closed, and those opened in the range; overdue ones marked', querystring: RangeQuery, response: { 200: CaseListResponse, ...refused } },
    },
    async (request) => caseList(await hallOf(ctx, request), request.query.from, request.query.to, langOf(request)),
  );

  app.get(
    '/api/v1/admin/rating-cases/:id',
    { onRequest: admin, schema: { tags: ['admin'], summary: 'One 差评 case with its steps', params: CaseParams, response: { 200: CaseItem, ...refused } } },
    async (request) => caseDetail(await hallOf(ctx, request), request.params.id, langOf(request)),
  );

  app.post(
    '/api/v1/admin/rating-cases/:id/step',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Move a case one step: 整改 (rectifying), 回访 (revisited: date, outcome, satisfaction after), 办结 (closed); each with a note, audited',
        params: CaseParams,
        body: CaseStepBody,
        response: { 200: CaseItem, ...refused },
      },
    },
    async (request) =>
      stepCase(await hallOf(ctx, request), (await staffOf(ctx, request)).username, request.params.id, request.body, langOf(request)),
  );

  app.post(
    '/api/v1/admin/rating-cases/:id/assign',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: 'Who follows the case up (a member of the hall staff, or nobody); audited', params: CaseParams, body: CaseAssignBody, response: { 200: CaseItem, ...refused } },
    },
    async (request) =>
      reassignCase(await hallOf(ctx, request), (await staffOf(ctx, request)).username, request.params.id, request.body.assigneeId, langOf(request)),
  );

  app.get(
    '/api/v1/reports/ratings',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: '满意度: ratings per level, satisfaction rate, 差评 cases, 整改率 and 回访率, for the hall and by service, counter, staff member and day',
        querystring: RangeQuery,
        response: { 200: RatingReportResponse, ...refused },
      },
    },
    async (request) => ratingReport(await hallOf(ctx, request), request.query.from, request.query.to, langOf(request)),
  );

  app.get(
    '/api/v1/reports/ratings.csv',
    { onRequest: admin, schema: { tags: ['admin'], summary: 'The same as CSV (UTF-8 with BOM, for Excel)', querystring: RangeQuery } },
    async (request, reply) => {
      const { from, to, lang } = request.query;
      const csv = await ratingReportCsv(await hallOf(ctx, request), from, to, lang ?? langOf(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="vreserve-ratings-${from}-${to}.csv"`)
        .send(csv);
    },
  );

  app.get(
    '/api/v1/reports/ratings-by-hall',
    {
      onRequest: requireStaff(ctx, 'city_admin'),
      schema: { tags: ['admin'], summary: '满意度 of every hall side by side (city admins)', querystring: RangeQuery, response: { 200: CitySatisfactionResponse, ...refused } },
    },
    async (request) => {
      if (!(await isCityAdmin(ctx, request))) throw new AppError('FORBIDDEN');
      return citySatisfaction(ctx, await ctx.halls.all(), request.query.from, request.query.to, langOf(request));
    },
  );
}

