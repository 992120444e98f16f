// Signed webhooks out (admin): a hall's endpoints (a city admin's may take every hall's events),
// the secret shown once on create and rotate, a test ping, and each endpoint's delivery log.
import type { FastifyRequest } from 'fastify';
import {
  WebhookCreateBody,
  WebhookDeliveriesQuery,
  WebhookDeliveriesResponse,
  WebhookEndpoint,
  WebhookEndpointsResponse,
  WebhookParams,
  WebhookRotateBody,
  WebhookSecretResponse,
  WebhookTestResponse,
  WebhookUpdateBody,
} from '../../contracts/webhooks.js';
import type { ServiceContext } from '../services/context.js';
import {
  type WebhookActor,
  createWebhook,
  listWebhooks,
  rotateWebhookSecret,
  sendWebhookTest,
  updateWebhook,
  webhookDeliveries,
} from '../services/webhook-admin.service.js';
import { requireStaff, staffOf } from './auth.js';
import { errorResponses } from './errors.js';
import { hallOf, isCityAdmin } from './hall-scope.js';
import type { App } from './types.js';

export async function webhooksRoutes(app: App, ctx: ServiceContext): Promise<void> {
  const admin = requireStaff(ctx, 'admin');
  const actor = async (request: FastifyRequest): Promise<WebhookActor> => ({
    ctx: await hallOf(ctx, request),
    city: await isCityAdmin(ctx, request),
    username: (await staffOf(ctx, request)).username,
  });
  const tags = ['admin'];

  app.get(
    '/api/v1/admin/webhooks',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Webhook endpoints of the hall (and, for a city admin, those of every hall), with delivery counts; never their secrets',
        response: { 200: WebhookEndpointsResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => listWebhooks(await actor(request)),
  );

  app.post(
    '/api/v1/admin/webhooks',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Register an endpoint (audited); the answer holds its signing secret, shown this once',
        body: WebhookCreateBody,
        response: { 201: WebhookSecretResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await createWebhook(await actor(request), request.body)),
  );

  app.put(
    '/api/v1/admin/webhooks/:id',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Change an endpoint’s address, events, or switch it on or off (audited)',
        params: WebhookParams,
        body: WebhookUpdateBody,
        response: { 200: WebhookEndpoint, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => updateWebhook(await actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/admin/webhooks/:id/rotate-secret',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Give the endpoint a new signing secret (made, or the one sent), shown this once (audited)',
        params: WebhookParams,
        body: WebhookRotateBody,
        response: { 200: WebhookSecretResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => rotateWebhookSecret(await actor(request), request.params.id, request.body ?? {}),
  );

  app.post(
    '/api/v1/admin/webhooks/:id/test',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Send a `ping` delivery to the endpoint now (audited); follow it in the delivery log',
        params: WebhookParams,
        response: { 202: WebhookTestResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(202).send({ deliveryId: await sendWebhookTest(await actor(request), request.params.id) }),
  );

  app.get(
    '/api/v1/admin/webhooks/:id/deliveries',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'The endpoint’s delivery log, newest first: status, attempts, last HTTP status or error, next attempt',
        params: WebhookParams,
        querystring: WebhookDeliveriesQuery,
        response: { 200: WebhookDeliveriesResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => webhookDeliveries(await actor(request), request.params.id, request.query),
  );
}
