// Webhook endpoints for a hall's admin (a city admin's may take every hall's events): register,
// change, switch off, rotate the secret, send a test, read the delivery log. The secret is made
// here (or given), sealed under the data keys so deliveries can be signed, and shown only once.
import { randomBytes } from 'node:crypto';
import { WEBHOOK_EVENTS, WEBHOOK_PING, type WebhookCreateBody, type WebhookDeliveriesQuery, type WebhookDeliveriesResponse, type WebhookEndpoint, type WebhookEndpointsResponse, type WebhookRotateBody, type WebhookSecretResponse, type WebhookUpdateBody } from '../../contracts/webhooks.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { latestEventId } from '../repositories/event.repository.js';
import {
  type WebhookEndpointRecord,
  deliveryCounts,
  ensureCursor,
  findEndpoint,
  insertDelivery,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  setEndpointSecret,
  updateEndpoint,
} from '../repositories/webhook.repository.js';
import { AppError } from './app-error.js';
import type { ContactCipher } from './contact-cipher.js';
import { type HallContext, type ServiceContext, nowOf } from './context.js';
import { transact } from './transact.js';

/** Who asks: the hall worked in, whether a city admin, and the name for the audit log. */
export interface WebhookActor {
  ctx: HallContext;
  city: boolean;
  username: string;
}

/** The associated data an endpoint's secret is sealed with: it opens on no other row. */
export function webhookSecretContext(endpointId: number): string {
  return `webhook:${endpointId}`;
}

function cipherOf(ctx: ServiceContext): ContactCipher {
  // Every server has data keys (DATA_KEY or the generated key file); only some tests run without.
  if (!ctx.messaging) throw new Error('webhooks need the data keys (messaging) to keep their secrets');
  return ctx.messaging.contacts;
}

/** The address must be http(s), without a user or password in it (the secret is what authenticates). */
function checkedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('VALIDATION', { reason: 'url is not a valid address', field: 'url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('VALIDATION', { reason: 'url must start with http:// or https://', field: 'url' });
  if (url.username || url.password) throw new AppError('VALIDATION', { reason: 'url must not contain a user name or password', field: 'url' });
  return raw;
}

const newSecret = () => randomBytes(24).toString('base64url');

function canReach(actor: WebhookActor, e: WebhookEndpointRecord): boolean {
  return e.hallId === actor.ctx.hall.id || (e.hallId === null && actor.city);
}

async function reachable(actor: WebhookActor, id: number): Promise<WebhookEndpointRecord> {
  const e = await findEndpoint(actor.ctx.db, id);
  // Another hall's endpoint answers as one that does not exist.
  if (!e || !canReach(actor, e)) throw new AppError('NOT_FOUND');
  return e;
}

async function present(ctx: HallContext, endpoints: WebhookEndpointRecord[]): Promise<WebhookEndpoint[]> {
  const counts = await deliveryCounts(ctx.db, endpoints.map((e) => e.id));
  return endpoints.map((e) => ({
    id: e.id,
    hallCode: e.hallId === null ? null : e.hallId === ctx.hall.id ? ctx.hall.code : null,
    url: e.url,
    events: e.events.filter((n): n is (typeof WEBHOOK_EVENTS)[number] => (WEBHOOK_EVENTS as readonly string[]).includes(n)),
    active: e.active,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    counts: counts.get(e.id) ?? { queued: 0, sending: 0, delivered: 0, failed: 0 },
  }));
}

export async function listWebhooks(actor: WebhookActor): Promise<WebhookEndpointsResponse> {
  return { endpoints: await present(actor.ctx, await listEndpoints(actor.ctx.db, actor.ctx.hall.id, actor.city)) };
}

export async function createWebhook(actor: WebhookActor, body: WebhookCreateBody): Promise<WebhookSecretResponse> {
  const { ctx } = actor;
  if (body.allHalls && !actor.city) throw new AppError('FORBIDDEN');
  const url = checkedUrl(body.url);
  const cipher = cipherOf(ctx);
  const secret = body.secret ?? newSecret();
  const now = nowOf(ctx);
  const hallId = body.allHalls ? null : ctx.hall.id;
  const id = await transact(ctx.db, async (trx) => {
    // It gets the events after the latest one now, never the history before it.
    const since = await latestEventId(trx);
    const id = await insertEndpoint(trx, { hallId, url, events: body.events, active: body.active ?? true, sinceEventId: since, createdBy: actor.username, at: now.iso });
    await setEndpointSecret(trx, id, cipher.seal(secret, webhookSecretContext(id)), now.iso);
    await ensureCursor(trx, since, now.iso);
    await appendAudit(trx, {
      hallId,
      at: now.iso,
      actor: actor.username,
      action: 'webhook.create',
      target: `webhook #${id}`,
      details: { url, events: body.events, active: body.active ?? true, allHalls: hallId === null, secretGiven: body.secret !== undefined },
    });
    return id;
  });
  const [endpoint] = await present(ctx, [(await findEndpoint(ctx.db, id)) as WebhookEndpointRecord]);
  return { endpoint: endpoint as WebhookEndpoint, secret };
}

export async function updateWebhook(actor: WebhookActor, id: number, body: WebhookUpdateBody): Promise<WebhookEndpoint> {
  const { ctx } = actor;
  const before = await reachable(actor, id);
  const url = checkedUrl(body.url);
  const now = nowOf(ctx);
  await transact(ctx.db, async (trx) => {
    await updateEndpoint(trx, id, { url, events: body.events, active: body.active }, now.iso);
    await appendAudit(trx, {
      hallId: before.hallId,
      at: now.iso,
      actor: actor.username,
      action: 'webhook.update',
      target: `webhook #${id}`,
      details: { url: [before.url, url], events: [before.events, body.events], active: [before.active, body.active] },
    });
  });
  const [endpoint] = await present(ctx, [(await findEndpoint(ctx.db, id)) as WebhookEndpointRecord]);
  return endpoint as WebhookEndpoint;
}

/** A new secret (made, or given): deliveries are signed with it from the next attempt on. */
export async function rotateWebhookSecret(actor: WebhookActor, id: number, body: WebhookRotateBody): Promise<WebhookSecretResponse> {
  const { ctx } = actor;
  const e = await reachable(actor, id);
  const cipher = cipherOf(ctx);
  const secret = body.secret ?? newSecret();
  const now = nowOf(ctx);
  await transact(ctx.db, async (trx) => {
    await setEndpointSecret(trx, id, cipher.seal(secret, webhookSecretContext(id)), now.iso);
    await appendAudit(trx, { hallId: e.hallId, at: now.iso, actor: actor.username, action: 'webhook.rotate_secret', target: `webhook #${id}`, details: { secretGiven: body.secret !== undefined } });
  });
  const [endpoint] = await present(ctx, [(await findEndpoint(ctx.db, id)) as WebhookEndpointRecord]);
  return { endpoint: endpoint as WebhookEndpoint, secret };
}

/** Queues a `ping` to the endpoint (its own order: it waits for nothing, nothing waits for it). */
export async function sendWebhookTest(actor: WebhookActor, id: number): Promise<number> {
  const { ctx } = actor;
  const e = await reachable(actor, id);
  const now = nowOf(ctx);
  const hallCode = e.hallId === null ? null : ctx.hall.code;
  const deliveryId = await transact(ctx.db, async (trx) => {
    const deliveryId = await insertDelivery(trx, {
      endpointId: id,
      hallId: e.hallId,
      eventId: null,
      eventType: WEBHOOK_PING,
      number: null,
      orderKey: `ping:${randomBytes(8).toString('hex')}`,
      payload: JSON.stringify({ id: 0, event: WEBHOOK_PING, hallCode, date: null, at: now.iso }),
      at: now.iso,
    });
    await appendAudit(trx, { hallId: e.hallId, at: now.iso, actor: actor.username, action: 'webhook.test', target: `webhook #${id}`, details: { delivery: deliveryId } });
    return deliveryId;
  });
  ctx.events?.committed();
  return deliveryId;
}

export async function webhookDeliveries(actor: WebhookActor, id: number, query: WebhookDeliveriesQuery): Promise<WebhookDeliveriesResponse> {
  const { ctx } = actor;
  await reachable(actor, id);
  const rows = await listDeliveries(ctx.db, { endpointId: id, status: query.status, beforeId: query.before, limit: query.limit ?? 50 });
  const codes = new Map((await ctx.halls.all()).map((h) => [h.id, h.code]));
  return {
    deliveries: rows.map((d) => ({
      id: d.id,
      event: d.eventType,
      hallCode: d.hallId === null ? null : (codes.get(d.hallId) ?? null),
      number: d.number,
      status: d.status,
      attempts: d.attempts,
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      nextAttemptAt: d.status === 'queued' ? d.nextAttemptAt : null,
      createdAt: d.createdAt,
      deliveredAt: d.deliveredAt,
    })),
  };
}
