// A person's data on request, for admins: what is kept about an ID card (masked), and its erasure.
// The numbers travel in the POST body only (never in a URL, and the logs redact them); each call is
// in the audit log without them. A hall admin reaches their hall's bookings; a city admin every
// hall's (or one, with ?hall=CODE).
import { PersonDataResponse, PersonForgetResponse, PersonQueryBody } from '../../contracts/person-data.js';
import type { ServiceContext } from '../services/context.js';
import { type PersonScope, forgetPerson, showPerson } from '../services/person-data.service.js';
import { requireStaff, staffOf } from './auth.js';
import { errorResponses } from './errors.js';
import { hallOf, isCityAdmin } from './hall-scope.js';
import { langOf } from './lang.js';
import type { App } from './types.js';

export async function personDataRoutes(app: App, ctx: ServiceContext): Promise<void> {
  const admin = requireStaff(ctx, 'admin');
  const scopeOf = async (request: Parameters<typeof hallOf>[1]): Promise<PersonScope> => {
    const actor = (await staffOf(ctx, request)).username;
    const everyHall = (await isCityAdmin(ctx, request)) && !(request.query as { hall?: string }).hall;
    return { actor, hallId: everyHall ? null : (await hallOf(ctx, request)).hall.id };
  };

  app.post(
    '/api/v1/admin/persons/lookup',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'What is kept about a person (ID card, optionally phone): bookings, tickets, messages, codes — masked; audited',
        body: PersonQueryBody,
        response: { 200: PersonDataResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => showPerson(ctx, request.body, await scopeOf(request), langOf(request)),
  );

  app.post(
    '/api/v1/admin/persons/forget',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: "Erase a person's personal fields (reports keep their counts); refused while a booking of theirs is ahead; audited",
        body: PersonQueryBody,
        response: { 200: PersonForgetResponse, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => forgetPerson(ctx, request.body, await scopeOf(request)),
  );
}
