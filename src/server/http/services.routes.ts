import { AvailabilityQuery, AvailabilityResponse, ServiceIdParams, ServicesQuery, ServicesResponse } from '../../contracts/services.js';
import { listServiceSummaries, serviceAvailability } from '../services/catalog.service.js';
import type { ServiceContext } from '../services/context.js';
import { errorResponses } from './errors.js';
import { langOf } from './lang.js';
import type { App } from './types.js';

export async function servicesRoutes(app: App, ctx: ServiceContext): Promise<void> {
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
    (request) => listServiceSummaries(ctx, request.query.date, langOf(request)),
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
