// The webhook deliverers: in every worker of every instance, each (1) fans new events of the outbox
// out into deliveries — reading after the stored cursor and moving it with a conditional UPDATE in
// the transaction that queues the deliveries, so one worker fans out each range — and (2) claims
// due deliveries with a lease, POSTs them signed, and records the outcome. A receiver that is down
// is retried with backoff for 24 hours; deliveries about one number wait for the earlier ones.
// Nothing here runs in a booking's transaction: a dead receiver never slows a booking.
import { WEBHOOK_EVENTS } from '../../contracts/webhooks.js';
import { type OutboxEvent, fanOutUpTo, orderKeyOf, webhookBody, webhookRetry } from '../../domain/webhooks.js';
import { eventsAfter } from '../repositories/event.repository.js';
import { findServicesByIds } from '../repositories/service.repository.js';
import {
  type DeliveryOutcome,
  type DeliveryRecord,
  type NewDelivery,
  activeEndpoints,
  advanceCursor,
  claimDeliveries,
  dueDeliveryIds,
  findDelivery,
  findEndpoint,
  insertDeliveries,
  readCursor,
  recordDeliveryOutcome,
} from '../repositories/webhook.repository.js';
import { UnknownDataKey } from '../services/contact-cipher.js';
import type { ServiceContext } from '../services/context.js';
import { groupedWrite, transact } from '../services/transact.js';
import { webhookSecretContext } from '../services/webhook-admin.service.js';
import { signWebhook } from './webhook-signature.js';
import { PollingWorker, type PollingOptions } from './polling-worker.js';

export interface WebhookDelivererOptions extends PollingOptions {
  /** Deliveries claimed per round (default 50) and sent at once (default 8). */
  batch?: number;
  parallel?: number;
  /** How long a claim holds a delivery (default 60 s); must exceed the timeout. */
  leaseMs?: number;
  /** A receiver taking longer is abandoned and retried (default 10 s). */
  timeoutMs?: number;
  /** Events read per fan-out round (default 500). */
  fanOutBatch?: number;
  /** The HTTP client (tests may wrap it); default the global fetch. */
  fetch?: typeof fetch;
  /** Told of every outcome (tests). */
  onOutcome?: (d: DeliveryRecord, outcome: DeliveryOutcome) => void;
}

const SUBSCRIBABLE: ReadonlySet<string> = new Set(WEBHOOK_EVENTS);

/** Lost the race for the cursor: another worker fanned this range out. */
class CursorMoved extends Error {}

export class WebhookDeliverer extends PollingWorker {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: WebhookDelivererOptions = {},
  ) {
    super(opts);
  }

  /** One round: fan out new events, then send what is due; how many events and deliveries it handled. */
  async runOnce(): Promise<number> {
    const cursor = await readCursor(this.ctx.db);
    // No endpoint was ever made (the first one sets the cursor): no event to fan out, no delivery to send.
    if (cursor === null) return 0;
    const fanned = await this.fanOut(cursor);
    return fanned + (await this.deliverDue());
  }

  /** Turns the events after the cursor into deliveries for the endpoints that want them; how many events. */
  async fanOut(cursor: number | null = null): Promise<number> {
    const db = this.ctx.db;
    cursor ??= await readCursor(db);
    if (cursor === null) return 0; // no endpoint was ever made
    const events = await eventsAfter(db, cursor, this.opts.fanOutBatch ?? 500);
    const now = this.ctx.clock();
    const upTo = fanOutUpTo(cursor, events, now.getTime());
    if (upTo === cursor) return 0;
    const taken = events.filter((e) => e.id <= upTo && e.hallId !== null && SUBSCRIBABLE.has(e.type as string));
    const rows = taken.length === 0 ? [] : await this.deliveriesOf(taken as unknown as (OutboxEvent & { hallId: number; serviceId: number | null })[], now.toISOString());
    try {
      await transact(db, async (trx) => {
        if (!(await advanceCursor(trx, cursor, upTo, now.toISOString()))) throw new CursorMoved();
        await insertDeliveries(trx, rows);
      });
    } catch (error) {
      if (error instanceof CursorMoved) return 0;
      throw error;
    }
    return upTo - cursor;
  }

  private async deliveriesOf(events: (OutboxEvent & { hallId: number; serviceId: number | null })[], at: string): Promise<NewDelivery[]> {
    const endpoints = await activeEndpoints(this.ctx.db);
    if (endpoints.length === 0) return [];
    const codes = new Map((await this.ctx.halls.all()).map((h) => [h.id, h.code]));
    const serviceIds = [...new Set(events.map((e) => e.serviceId).filter((id): id is number => id !== null))];
    const letters = new Map((await findServicesByIds(this.ctx.db, serviceIds)).map((s) => [s.id, s.letter]));
    const rows: NewDelivery[] = [];
    for (const e of events) {
      const wanting = endpoints.filter((p) => e.id > p.sinceEventId && (p.hallId === null || p.hallId === e.hallId) && p.events.includes(e.type));
      if (wanting.length === 0) continue;
      const payload = JSON.stringify(webhookBody(e, codes.get(e.hallId) ?? null, e.serviceId === null ? undefined : letters.get(e.serviceId)));
      for (const p of wanting) {
        rows.push({ endpointId: p.id, hallId: e.hallId, eventId: e.id, eventType: e.type, number: e.number ?? null, orderKey: orderKeyOf(e), payload, at });
      }
    }
    return rows;
  }

  /** Claims and sends due deliveries a group at a time; how many it handled. */
  async deliverDue(): Promise<number> {
    const ids = await dueDeliveryIds(this.ctx.db, this.ctx.clock().toISOString(), this.opts.batch ?? 50);
    const parallel = this.opts.parallel ?? 8;
    let handled = 0;
    for (let i = 0; i < ids.length && !this.stopped; i += parallel) {
      const now = this.ctx.clock();
      const leaseUntil = new Date(now.getTime() + (this.opts.leaseMs ?? 60_000)).toISOString();
      const mine = await groupedWrite(this.ctx.db, (on) => claimDeliveries(on, ids.slice(i, i + parallel), this.owner, now.toISOString(), leaseUntil));
      const done = await Promise.all(mine.map((id) => this.handle(id)));
      const at = this.ctx.clock().toISOString();
      await transact(this.ctx.db, async (trx) => {
        for (const d of done) if (d) await recordDeliveryOutcome(trx, d.d.id, this.owner, at, d.outcome);
      });
      for (const d of done) if (d) this.opts.onOutcome?.(d.d, d.outcome);
      handled += mine.length;
    }
    return handled;
  }

  private async handle(id: number): Promise<{ d: DeliveryRecord; outcome: DeliveryOutcome } | null> {
    const d = await findDelivery(this.ctx.db, id);
    if (!d) return null;
    try {
      return { d, outcome: await this.send(d) };
    } catch (error) {
      this.opts.onError?.(error);
      return { d, outcome: this.retry(d, null, error instanceof Error ? error.message : String(error)) };
    }
  }

  private retry(d: DeliveryRecord, httpStatus: number | null, error: string): DeliveryOutcome {
    const now = this.ctx.clock().getTime();
    const first = d.firstAttemptAt ? Date.parse(d.firstAttemptAt) : now;
    const next = webhookRetry(first, now, d.attempts);
    return 'retryAt' in next
      ? { status: 'queued', nextAttemptAt: new Date(next.retryAt).toISOString(), httpStatus, error }
      : { status: 'failed', httpStatus, error: `gave up after ${d.attempts} attempts in 24 hours: ${error}` };
  }

  private async send(d: DeliveryRecord): Promise<DeliveryOutcome> {
    const endpoint = await findEndpoint(this.ctx.db, d.endpointId);
    if (!endpoint) return { status: 'failed', httpStatus: null, error: 'the endpoint is gone' };
    let secret: string;
    try {
      if (!this.ctx.messaging) return this.retry(d, null, 'the data keys are not configured in this process');
      secret = this.ctx.messaging.contacts.open(endpoint.sealed, webhookSecretContext(endpoint.id));
    } catch (error) {
      return this.retry(d, null, error instanceof UnknownDataKey ? error.message : 'the endpoint’s secret could not be decrypted');
    }
    const timestamp = Math.floor(this.ctx.clock().getTime() / 1000);
    const timeoutMs = this.opts.timeoutMs ?? 10_000;
    let response: Response;
    try {
      response = await (this.opts.fetch ?? fetch)(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'V-Reserve-Webhooks/1',
          'x-vreserve-event': d.eventType,
          'x-vreserve-delivery': String(d.id),
          'x-vreserve-timestamp': String(timestamp),
          'x-vreserve-signature': signWebhook(secret, timestamp, d.payload),
        },
        body: d.payload,
        // A redirect is not followed (the signed body goes only where the admin said): it is a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return this.retry(d, null, describeFetchError(error, timeoutMs));
    }
    // The receiver's answer is not read: it could be large, and only the status counts.
    await response.body?.cancel().catch(() => {});
    if (response.status >= 200 && response.status < 300) return { status: 'delivered', httpStatus: response.status };
    return this.retry(d, response.status, `the receiver answered HTTP ${response.status}`);
  }
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code) return `could not connect: ${cause.code}`;
  return error instanceof Error ? (cause?.message ?? error.message) : String(error);
}
