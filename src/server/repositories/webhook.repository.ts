// Signed webhooks out: the endpoints, the fan-out cursor and the delivery outbox. A deliverer
// claims due rows with one conditional UPDATE that also takes a lease (as the text-message outbox
// does), so two deliverers never send the same attempt; a row whose lease ran out is due again.
// A delivery is due only while no earlier delivery of the same endpoint and number is pending.
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database, WebhookDeliveryStatus } from '../db/schema.js';
import type { Sealed } from '../services/contact-cipher.js';
import { type Db, affected, insertIgnore, insertReturningId } from './portable.js';

export interface WebhookEndpointRecord {
  id: number;
  hallId: number | null;
  url: string;
  events: string[];
  sealed: Sealed;
  active: boolean;
  sinceEventId: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

function toEndpoint(r: Record<string, unknown>): WebhookEndpointRecord {
  return {
    id: Number(r.id),
    hallId: r.hall_id === null ? null : Number(r.hall_id),
    url: r.url as string,
    events: JSON.parse(r.events as string) as string[],
    sealed: { keyId: r.secret_key_id as string, cipher: r.secret_cipher as string },
    active: Number(r.active) === 1,
    sinceEventId: Number(r.since_event_id),
    createdBy: r.created_by as string,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  };
}

export interface NewEndpoint {
  hallId: number | null;
  url: string;
  events: string[];
  active: boolean;
  sinceEventId: number;
  createdBy: string;
  at: string;
}

/** Inserts an endpoint without its secret (sealed next, with the row's id as associated data). */
export async function insertEndpoint(db: Db, e: NewEndpoint): Promise<number> {
  return insertReturningId(db, 'webhook_endpoint', {
    hall_id: e.hallId,
    url: e.url,
    events: JSON.stringify(e.events),
    secret_cipher: '',
    secret_key_id: '',
    active: e.active ? 1 : 0,
    since_event_id: e.sinceEventId,
    created_by: e.createdBy,
    created_at: e.at,
    updated_at: e.at,
  });
}

export async function setEndpointSecret(db: Db, id: number, sealed: Sealed, at: string): Promise<void> {
  await db.updateTable('webhook_endpoint').set({ secret_cipher: sealed.cipher, secret_key_id: sealed.keyId, updated_at: at }).where('id', '=', id).execute();
}

/** Endpoints whose secret is sealed under another key than `keyId` (for `vreserve keys rotate`). */
export async function endpointsUnderOtherKeys(db: Db, keyId: string): Promise<{ id: number; sealed: Sealed }[]> {
  const rows = await db.selectFrom('webhook_endpoint').select(['id', 'secret_cipher', 'secret_key_id']).where('secret_key_id', '<>', keyId).orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), sealed: { keyId: r.secret_key_id, cipher: r.secret_cipher } }));
}

/** Replaces a sealed secret if it is still `before` (not rotated meanwhile by an admin). */
export async function replaceEndpointSecret(db: Db, id: number, before: Sealed, after: Sealed): Promise<boolean> {
  const result = await db
    .updateTable('webhook_endpoint')
    .set({ secret_cipher: after.cipher, secret_key_id: after.keyId })
    .where('id', '=', id)
    .where('secret_cipher', '=', before.cipher)
    .executeTakeFirst();
  return affected(result) === 1;
}

export async function updateEndpoint(db: Db, id: number, e: { url: string; events: string[]; active: boolean }, at: string): Promise<void> {
  await db
    .updateTable('webhook_endpoint')
    .set({ url: e.url, events: JSON.stringify(e.events), active: e.active ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findEndpoint(db: Db, id: number): Promise<WebhookEndpointRecord | undefined> {
  const row = await db.selectFrom('webhook_endpoint').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toEndpoint(row) : undefined;
}

/** A hall's endpoints, and (withAllHalls) those of every hall, oldest first. */
export async function listEndpoints(db: Db, hallId: number, withAllHalls: boolean): Promise<WebhookEndpointRecord[]> {
  const rows = await db
    .selectFrom('webhook_endpoint')
    .selectAll()
    .where((eb) => (withAllHalls ? eb.or([eb('hall_id', '=', hallId), eb('hall_id', 'is', null)]) : eb('hall_id', '=', hallId)))
    .orderBy('id')
    .execute();
  return rows.map(toEndpoint);
}

export async function activeEndpoints(db: Db): Promise<WebhookEndpointRecord[]> {
  const rows = await db.selectFrom('webhook_endpoint').selectAll().where('active', '=', 1).orderBy('id').execute();
  return rows.map(toEndpoint);
}

export type DeliveryCounts = Record<WebhookDeliveryStatus, number>;

export async function deliveryCounts(db: Db, endpointIds: number[]): Promise<Map<number, DeliveryCounts>> {
  const out = new Map<number, DeliveryCounts>();
  for (const id of endpointIds) out.set(id, { queued: 0, sending: 0, delivered: 0, failed: 0 });
  if (endpointIds.length === 0) return out;
  const rows = await db
    .selectFrom('webhook_delivery')
    .select(['endpoint_id', 'status', sql<number>`count(*)`.as('n')])
    .where('endpoint_id', 'in', endpointIds)
    .groupBy(['endpoint_id', 'status'])
    .execute();
  for (const r of rows) {
    const counts = out.get(Number(r.endpoint_id));
    if (counts) counts[r.status] = Number(r.n);
  }
  return out;
}

// --- the fan-out cursor ---------------------------------------------------------------------

const CURSOR = 'events';

/** Makes the cursor row at `lastEventId` if there is none yet (the first endpoint ever made). */
export async function ensureCursor(db: Db, lastEventId: number, at: string): Promise<void> {
  await insertIgnore(db, 'webhook_cursor', { name: CURSOR, last_event_id: lastEventId, updated_at: at });
}

export async function readCursor(db: Db): Promise<number | null> {
  const row = await db.selectFrom('webhook_cursor').select('last_event_id').where('name', '=', CURSOR).executeTakeFirst();
  return row ? Number(row.last_event_id) : null;
}

/** Moves the cursor from `from` to `to`; false when another worker moved it first. */
export async function advanceCursor(db: Db, from: number, to: number, at: string): Promise<boolean> {
  const result = await db.updateTable('webhook_cursor').set({ last_event_id: to, updated_at: at }).where('name', '=', CURSOR).where('last_event_id', '=', from).executeTakeFirst();
  return affected(result) === 1;
}

// --- deliveries -------------------------------------------------------------------------------

export interface NewDelivery {
  endpointId: number;
  hallId: number | null;
  eventId: number | null;
  eventType: string;
  number: string | null;
  orderKey: string;
  payload: string;
  at: string;
}

function deliveryValues(d: NewDelivery) {
  return {
    endpoint_id: d.endpointId,
    hall_id: d.hallId,
    event_id: d.eventId,
    event_type: d.eventType,
    number: d.number,
    order_key: d.orderKey,
    payload: d.payload,
    status: 'queued' as const,
    next_attempt_at: d.at,
    created_at: d.at,
    updated_at: d.at,
  };
}

/** Queues deliveries in the order given (ids increase with it: the order per number). */
export async function insertDeliveries(db: Db, rows: NewDelivery[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('webhook_delivery')
      .values(rows.slice(i, i + 100).map(deliveryValues))
      .execute();
  }
}

export async function insertDelivery(db: Db, d: NewDelivery): Promise<number> {
  return insertReturningId(db, 'webhook_delivery', deliveryValues(d));
}

type DeliveryEb = ExpressionBuilder<Database, 'webhook_delivery'>;

function isDue(eb: DeliveryEb, now: string): Expression<SqlBool> {
  return eb.or([
    eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
    eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)]),
  ]);
}

/**
 * Ids of deliveries due now, oldest first: of an active endpoint, queued and due (or held by a
 * deliverer whose lease ran out), with no earlier delivery of the same endpoint and number still
 * pending. Once an earlier one is delivered or failed it never becomes pending again, so a
 * delivery found here stays free to go: the claim needs no second look at the order.
 */
export async function dueDeliveryIds(db: Db, now: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('webhook_delivery as d')
    .innerJoin('webhook_endpoint as e', 'e.id', 'd.endpoint_id')
    .select('d.id')
    .where('e.active', '=', 1)
    .where((eb) =>
      eb.or([
        eb.and([eb('d.status', '=', 'queued'), eb('d.next_attempt_at', '<=', now)]),
        eb.and([eb('d.status', '=', 'sending'), eb('d.lease_until', '<', now)]),
      ]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_delivery as p')
            .select('p.id')
            .whereRef('p.endpoint_id', '=', 'd.endpoint_id')
            .whereRef('p.order_key', '=', 'd.order_key')
            .whereRef('p.id', '<', 'd.id')
            .where('p.status', 'in', ['queued', 'sending']),
        ),
      ),
    )
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Takes those of `ids` still due for `owner` until `leaseUntil` (one UPDATE); returns the ids it got. */
export async function claimDeliveries(db: Db, ids: number[], owner: string, now: string, leaseUntil: string): Promise<number[]> {
  if (ids.length === 0) return [];
  await db
    .updateTable('webhook_delivery')
    .set((eb) => ({
      status: 'sending',
      lease_owner: owner,
      lease_until: leaseUntil,
      attempts: eb('attempts', '+', 1),
      first_attempt_at: eb.fn.coalesce('first_attempt_at', eb.val(now)),
      updated_at: now,
    }))
    .where('id', 'in', ids)
    .where((eb) => isDue(eb, now))
    .execute();
  const got = await db
    .selectFrom('webhook_delivery')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .where('lease_owner', '=', owner)
    .where('lease_until', '=', leaseUntil)
    .orderBy('id')
    .execute();
  return got.map((r) => Number(r.id));
}

export interface DeliveryRecord {
  id: number;
  endpointId: number;
  hallId: number | null;
  eventId: number | null;
  eventType: string;
  number: string | null;
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  firstAttemptAt: string | null;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

function toDelivery(r: Record<string, unknown>): DeliveryRecord {
  return {
    id: Number(r.id),
    endpointId: Number(r.endpoint_id),
    hallId: r.hall_id === null ? null : Number(r.hall_id),
    eventId: r.event_id === null ? null : Number(r.event_id),
    eventType: r.event_type as string,
    number: (r.number as string | null) ?? null,
    payload: r.payload as string,
    status: r.status as WebhookDeliveryStatus,
    attempts: Number(r.attempts),
    firstAttemptAt: (r.first_attempt_at as string | null) ?? null,
    nextAttemptAt: r.next_attempt_at as string,
    lastStatus: r.last_status === null ? null : Number(r.last_status),
    lastError: (r.last_error as string | null) ?? null,
    createdAt: r.created_at as string,
    deliveredAt: (r.delivered_at as string | null) ?? null,
  };
}

export async function findDelivery(db: Db, id: number): Promise<DeliveryRecord | undefined> {
  const row = await db.selectFrom('webhook_delivery').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDelivery(row) : undefined;
}

export type DeliveryOutcome =
  | { status: 'delivered'; httpStatus: number }
  | { status: 'queued'; nextAttemptAt: string; httpStatus: number | null; error: string }
  | { status: 'failed'; httpStatus: number | null; error: string };

/** Records what became of a claimed delivery, if `owner` still holds it. */
export async function recordDeliveryOutcome(db: Db, id: number, owner: string, now: string, o: DeliveryOutcome): Promise<boolean> {
  const base = { status: o.status, lease_owner: null, lease_until: null, last_status: o.httpStatus, updated_at: now };
  const set =
    o.status === 'delivered'
      ? { ...base, delivered_at: now, last_error: null }
      : o.status === 'queued'
        ? { ...base, next_attempt_at: o.nextAttemptAt, last_error: o.error.slice(0, 300) }
        : { ...base, last_error: o.error.slice(0, 300) };
  const result = await db.updateTable('webhook_delivery').set(set).where('id', '=', id).where('status', '=', 'sending').where('lease_owner', '=', owner).executeTakeFirst();
  return affected(result) === 1;
}

export async function listDeliveries(
  db: Db,
  filter: { endpointId: number; status?: WebhookDeliveryStatus; beforeId?: number; limit: number },
): Promise<DeliveryRecord[]> {
  let q = db.selectFrom('webhook_delivery').selectAll().where('endpoint_id', '=', filter.endpointId).orderBy('id', 'desc').limit(filter.limit);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.beforeId) q = q.where('id', '<', filter.beforeId);
  return (await q.execute()).map(toDelivery);
}

export interface WebhookBacklog {
  queued: number;
  sending: number;
  failed: number;
}

/** Deliveries not delivered, every endpoint: for the metrics. */
export async function webhookBacklog(db: Db): Promise<WebhookBacklog> {
  const rows = await db
    .selectFrom('webhook_delivery')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('status', 'in', ['queued', 'sending', 'failed'])
    .groupBy('status')
    .execute();
  const out: WebhookBacklog = { queued: 0, sending: 0, failed: 0 };
  for (const r of rows) if (r.status !== 'delivered') out[r.status] = Number(r.n);
  return out;
}
