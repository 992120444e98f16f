// 候补 (waiting list): personal data only in POST bodies; offers by their unguessable token.
import {
  AcceptOfferResponse,
  JoinWaitlistBody,
  OfferTokenParams,
  OfferView,
  WaitlistCredentials,
  WaitlistEntryResponse,
  WaitlistIdParams,
  WaitlistLookupResponse,
} from '../../contracts/waitlist.js';
import type { ServiceContext } from '../services/context.js';
import { acceptOffer } from '../services/waitlist-offer.service.js';
import { acceptAsOwner, joinWaitlist, leaveWaitlist, offerView, waitlistOf } from '../services/waitlist.service.js';
import { errorResponses } from './errors.js';
import { langOf } from './lang.js';
import type { App } from './types.js';

export async function waitlistRoutes(app: App, ctx: ServiceContext): Promise<void> {
  app.post(
    '/api/v1/waitlist',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['waitlist'],
        summary: '候补: join the waiting list of a full day (no slot) or slot; at most 3 entries per person',
        body: JoinWaitlistBody,
        response: { 201: WaitlistEntryResponse, ...errorResponses(404, 409, 422, 429) },
      },
    },
    async (request, reply) => reply.status(201).send(await joinWaitlist(ctx, request.body, langOf(request))),
  );

  app.post(
    '/api/v1/waitlist/lookup',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['waitlist'],
        summary: '我的预约: waiting-list entries made with this ID card and phone, with position and offer',
        body: WaitlistCredentials,
        response: { 200: WaitlistLookupResponse, ...errorResponses(429) },
      },
    },
    (request) => waitlistOf(ctx, request.body, langOf(request)),
  );

  app.post(
    '/api/v1/waitlist/:id/leave',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['waitlist'],
        summary: 'Leave a waiting list; a place held for the entry goes to the next in line',
        params: WaitlistIdParams,
        body: WaitlistCredentials,
        response: { 200: WaitlistEntryResponse, ...errorResponses(404, 409, 429) },
      },
    },
    (request) => leaveWaitlist(ctx, request.params.id, request.body, langOf(request)),
  );

  app.post(
    '/api/v1/waitlist/:id/accept',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['waitlist'],
        summary: '我的预约: accept the place held for this entry; it becomes a booking',
        params: WaitlistIdParams,
        body: WaitlistCredentials,
        response: { 201: AcceptOfferResponse, ...errorResponses(404, 409, 429) },
      },
    },
    async (request, reply) => reply.status(201).send(await acceptAsOwner(ctx, request.params.id, request.body, langOf(request))),
  );

  // The token (128 random bits, sent only to the entry's phone) is the permission, as for /t/.
  app.get(
    '/api/v1/w/:token',
    {
      schema: {
        tags: ['waitlist'],
        summary: 'The offer page /w/<token>: what is held, until when',
        params: OfferTokenParams,
        response: { 200: OfferView, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return offerView(ctx, request.params.token, langOf(request));
    },
  );

  app.post(
    '/api/v1/w/:token/accept',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['waitlist'],
        summary: 'Accept the offer of /w/<token>: the held place becomes a booking with a normal number',
        params: OfferTokenParams,
        response: { 201: AcceptOfferResponse, ...errorResponses(404, 409, 429) },
      },
    },
    async (request, reply) => reply.status(201).send(await acceptOffer(ctx, request.params.token, langOf(request))),
  );
}
