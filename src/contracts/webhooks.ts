// Signed webhooks out: what an admin registers and reads, and the payload a receiver gets.
import { type Static, Type } from 'typebox';
import { Id } from './common.js';

/**
 * The events an endpoint may subscribe to. `rating.created` and `case.closed` are accepted now
 * and delivered from the release that writes them (好差评, issue 14).
 */
export const WEBHOOK_EVENTS = ['rating.created', 'case.closed', 'booking.created', 'booking.cancelled', 'ticket.called', 'ticket.completed'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What a "send test" delivers: never subscribed to, always sent when asked. */
export const WEBHOOK_PING = 'ping';

export const WebhookEventName = Type.Unsafe<WebhookEvent>(Type.String({ enum: [...WEBHOOK_EVENTS] }));

export const WebhookDeliveryStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('sending'),
  Type.Literal('delivered'),
  Type.Literal('failed'),
]);
export type WebhookDeliveryStatus = Static<typeof WebhookDeliveryStatus>;

const WebhookUrl = Type.String({
  minLength: 8,
  maxLength: 500,
  pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$',
  description: 'Where deliveries are POSTed: an http:// or https:// address',
});
const WebhookSecret = Type.String({
  minLength: 16,
  maxLength: 200,
  pattern: '^[\\x21-\\x7e]+$',
  description: 'The signing secret (16–200 printable characters, no spaces); absent: the server makes one',
});

export const WebhookEndpoint = Type.Object({
  id: Type.Integer(),
  hallCode: Type.Union([Type.String(), Type.Null()], { description: 'The hall whose events it gets; null: every hall (a city admin’s)' }),
  url: Type.String(),
  events: Type.Array(WebhookEventName),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  counts: Type.Object({ queued: Type.Integer(), sending: Type.Integer(), delivered: Type.Integer(), failed: Type.Integer() }),
});
export type WebhookEndpoint = Static<typeof WebhookEndpoint>;

export const WebhookEndpointsResponse = Type.Object({ endpoints: Type.Array(WebhookEndpoint) });
export type WebhookEndpointsResponse = Static<typeof WebhookEndpointsResponse>;

export const WebhookCreateBody = Type.Object(
  {
    url: WebhookUrl,
    events: Type.Array(WebhookEventName, { minItems: 1, maxItems: WEBHOOK_EVENTS.length, uniqueItems: true }),
    active: Type.Optional(Type.Boolean({ default: true })),
    allHalls: Type.Optional(Type.Boolean({ description: 'Every hall’s events (city admins only); default the hall worked in' })),
    secret: Type.Optional(WebhookSecret),
  },
  { additionalProperties: false },
);
export type WebhookCreateBody = Static<typeof WebhookCreateBody>;

export const WebhookUpdateBody = Type.Object(
  {
    url: WebhookUrl,
    events: Type.Array(WebhookEventName, { minItems: 1, maxItems: WEBHOOK_EVENTS.length, uniqueItems: true }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type WebhookUpdateBody = Static<typeof WebhookUpdateBody>;

export const WebhookRotateBody = Type.Object({ secret: Type.Optional(WebhookSecret) }, { additionalProperties: false });
export type WebhookRotateBody = Static<typeof WebhookRotateBody>;

/** Given once, when the endpoint is made or its secret rotated; never again. */
export const WebhookSecretResponse = Type.Object({
  endpoint: WebhookEndpoint,
  secret: Type.String({ description: 'The signing secret: shown this once, keep it on the receiver' }),
});
export type WebhookSecretResponse = Static<typeof WebhookSecretResponse>;

export const WebhookParams = Type.Object({ id: Id }, { additionalProperties: false });

export const WebhookDelivery = Type.Object({
  id: Type.Integer(),
  event: Type.String({ description: 'booking.created … or ping' }),
  hallCode: Type.Union([Type.String(), Type.Null()]),
  number: Type.Union([Type.String(), Type.Null()], { description: 'The ticket or booking number it is about' }),
  status: WebhookDeliveryStatus,
  attempts: Type.Integer(),
  lastStatus: Type.Union([Type.Integer(), Type.Null()], { description: 'The HTTP status of the last attempt' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()], { description: 'When it is tried next (queued only)' }),
  createdAt: Type.String(),
  deliveredAt: Type.Union([Type.String(), Type.Null()]),
});
export type WebhookDelivery = Static<typeof WebhookDelivery>;

export const WebhookDeliveriesQuery = Type.Object(
  {
    hall: Type.Optional(Type.String({ maxLength: 20 })),
    status: Type.Optional(WebhookDeliveryStatus),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'Older than this id (the next page)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type WebhookDeliveriesQuery = Static<typeof WebhookDeliveriesQuery>;

export const WebhookDeliveriesResponse = Type.Object({ deliveries: Type.Array(WebhookDelivery) });
export type WebhookDeliveriesResponse = Static<typeof WebhookDeliveriesResponse>;

export const WebhookTestResponse = Type.Object({ deliveryId: Type.Integer() });
