import { gzipSync } from 'node:zlib';
import type { FastifyReply } from 'fastify';
import {
  AvailabilityQuery,
  AvailabilityResponse,
  HallResponse,
  ServiceIdParams,
  ServicesQuery,
  ServicesResponse,
} from '../../contracts/services.js';
import { HallCodeParams, HallDetailResponse, HallsResponse, SuggestionsQuery, SuggestionsResponse } from '../../contracts/halls.js';
import { inHall, nowOf } from '../services/context.js';
import type { Hall } from '../services/hall-directory.js';
import { listServiceSummaries, serviceAvailability } from '../services/catalog.service.js';
import type { ServiceContext } from '../services/context.js';
import { hallDetail, hallsToday, suggestions } from '../services/hall.service.js';
import { errorResponses } from './errors.js';
import { publicHall, publicHallRecord, readerHallIfKnown, readerHallRecord } from './hall-scope.js';
import { langOf } from './lang.js';
import type { ReadCache } from './read-cache.js';
import type { App } from './types.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export async function servicesRoutes(app: App, ctx: ServiceContext, cache: ReadCache): Promise<void> {
  app.get(
    '/api/v1/services',
    {
      schema: {
        tags: ['services'],
        summary: 'Services with 已预约人数 and 余号数量 for a date (default: today in the hall)',
        querystring: ServicesQuery,
        response: { 200: ServicesResponse, ...errorResponses() },
      },
    },
    (request, reply) => {
      // A citizen's read of a fresh, cached answer (most requests) is answered in this tick.
      const lang = langOf(request);
      const hall = readerHallIfKnown(ctx, request);
      const cached = hall ? cache.peek<Buffer>(servicesKey(hall, request.query.date, lang)) : undefined;
      if (cached) {
        reply.type(JSON_TYPE).send(cached as unknown as ServicesResponse);
        return;
      }
      return readerHallRecord(ctx, request).then((found) => sendServices(request.query.date, found, lang, reply));
    },
  );

  const servicesKey = (hall: Hall, date: string | undefined, lang: 'zh' | 'en') => `services|${hall.code}|${date ?? ''}|${lang}`;

  async function sendServices(date: string | undefined, hall: Hall, lang: 'zh' | 'en', reply: FastifyReply) {
    // The hall's context is built only when the answer is computed, not on every cached read.
    const body = await cache.get(servicesKey(hall, date, lang), async () =>
      Buffer.from(JSON.stringify(await listServiceSummaries(inHall(ctx, hall), date, lang))),
    );
    // Already serialized and encoded (cached as UTF-8 bytes): Fastify sends a buffer as it is, and
    // neither it (the length) nor Node (the socket write) go through the text again per request.
    return reply.type(JSON_TYPE).send(body as unknown as ServicesResponse);
  }

  app.get(
    '/api/v1/halls',
    {
      schema: {
        tags: ['halls'],
        summary: "The city's halls (大厅) with today's 已预约人数 and 余号数量, in the city's order",
        response: { 200: HallsResponse },
      },
    },
    async (request, reply) => {
      const lang = langOf(request);
      const text = () => cache.get(`halls|${lang}`, async () => JSON.stringify(await hallsToday(ctx, lang)));
      reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      // A province's list is large (about 400 bytes a hall): compressed once per cached answer, not per request.
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        const zipped = await cache.get(`halls|${lang}|gzip`, async () => gzipSync(await text()));
        return reply.header('content-encoding', 'gzip').send(zipped as unknown as HallsResponse);
      }
      return reply.send((await text()) as unknown as HallsResponse);
    },
  );

  app.get(
    '/api/v1/halls/:code',
    {
      schema: {
        tags: ['halls'],
        summary: 'One hall: address, hours, and today and now on its clock',
        params: HallCodeParams,
        response: { 200: HallDetailResponse, ...errorResponses(404) },
      },
    },
    async (request) => hallDetail(await publicHall(ctx, request.params.code), langOf(request)),
  );

  app.get(
    '/api/v1/halls/:code/services',
    {
      schema: {
        tags: ['halls'],
        summary: "A hall's services with 已预约人数 and 余号数量 for a date (default: today in that hall)",
        params: HallCodeParams,
        querystring: ServicesQuery,
        response: { 200: ServicesResponse, ...errorResponses(404) },
      },
    },
    async (request, reply) => sendServices(request.query.date, await publicHallRecord(ctx, request.params.code), langOf(request), reply),
  );

  app.get(
    '/api/v1/halls/:code/suggestions',
    {
      schema: {
        tags: ['halls'],
        summary: '一键换厅: other halls with the same service bookable sooner than this one',
        params: HallCodeParams,
        querystring: SuggestionsQuery,
        response: { 200: SuggestionsResponse, ...errorResponses(404) },
      },
    },
    async (request) => suggestions(await publicHall(ctx, request.params.code), request.query.letter, langOf(request)),
  );

  // Every screen shows dates and times in the hall's zone (HALL_TZ), never the device's own.
  app.get(
    '/api/v1/hall',
    {
      schema: {
        tags: ['services'],
        summary: "The hall's time zone, and today and now as its wall clock shows them",
        response: { 200: HallResponse },
      },
    },
    async (request) => {
      const hall = inHall(ctx, await readerHallRecord(ctx, request));
      const now = nowOf(hall).local;
      return {
        code: hall.hall.code,
        timeZone: hall.hall.timeZone,
        today: now.date,
        now: now.time,
      };
    },
  );

  app.get(
    '/api/v1/services/:id/availability',
    {
      schema: {
        tags: ['services'],
        summary: 'Per-day and per-slot availability of one service',
        params: ServiceIdParams,
        querystring: AvailabilityQuery,
        response: { 200: AvailabilityResponse, ...errorResponses(404) },
      },
    },
    (request) => serviceAvailability(ctx, request.params.id, request.query, langOf(request)),
  );
}
