import {
  AvailabilityQuery,
  AvailabilityResponse,
  HallResponse,
  ServiceIdParams,
  ServicesQuery,
  ServicesResponse,
} from '../../contracts/services.js';
import { nowOf } from '../services/context.js';
import { listServiceSummaries, serviceAvailability } from '../services/catalog.service.js';
import type { ServiceContext } from '../services/context.js';
import { errorResponses } from './errors.js';
import { langOf } from './lang.js';
import type { ReadCache } from './read-cache.js';
import type { App } from './types.js';

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
    async (request, reply) => {
      const lang = langOf(request);
      const date = request.query.date;
      const body = await cache.get(`services|${date ?? ''}|${lang}`, async () =>
        JSON.stringify(await listServiceSummaries(ctx, date, lang)),
      );
      // Already serialized (and cached as text): Fastify sends a JSON string as it is.
      return reply.type('application/json; charset=utf-8').send(body as unknown as ServicesResponse);
    },
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
    async () => {
      const now = nowOf(ctx).local;
      return { timeZone: ctx.hallTz, today: now.date, now: now.time };
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
