import { PublicTicketParams, PublicTicketResponse } from '../../contracts/public-ticket.js';
import type { ServiceContext } from '../services/context.js';
import { publicTicketView } from '../services/public-ticket.service.js';
import { errorResponses } from './errors.js';
import { langOf } from './lang.js';
import type { App } from './types.js';

export async function publicTicketRoutes(app: App, ctx: ServiceContext): Promise<void> {
  // Public: the token (128 random bits) is the permission. Phones poll it every few seconds, so it
  // is not counted per address (a hall's Wi-Fi puts every phone behind one address).
  app.get(
    '/api/v1/t/:token',
    {
      schema: {
        tags: ['bookings'],
        summary: 'The page of one booking or ticket (/t/<token>): number, service, hall, status, people ahead, the counter once called',
        params: PublicTicketParams,
        response: { 200: PublicTicketResponse, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return publicTicketView(ctx, request.params.token, langOf(request));
    },
  );
}
