// Signed webhooks out on every real database, against a real receiver (node:http on 127.0.0.1):
// signatures verify; deliveries about one number arrive in order; a receiver that answers 500 and
// then refuses connections for a while gets everything, in order, once it is back; three
// deliverers draining at once never send one attempt twice, nor one held by a deliverer that died
// before its lease ran out; an event id that commits after a later one is waited for (PostgreSQL,
// MySQL); a delivery is given up 24 hours after its first attempt, and the next one of its number
// then goes out.
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appendEvent } from '../../src/server/repositories/event.repository.js';
import { WebhookDeliverer } from '../../src/server/messaging/webhook-sender.js';
import { claimDeliveries, dueDeliveryIds } from '../../src/server/repositories/webhook.repository.js';
import { verifyWebhook } from '../../src/server/messaging/webhook-signature.js';
import { post } from '../support/http.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

interface Receipt {
  delivery: string;
  event: string;
  eventId: number;
  number: string | undefined;
  verified: boolean;
  answered: number;
}

/** A receiver that records every request and answers `mode` (or is not listening at all: 'down'). */
class Receiver {
  receipts: Receipt[] = [];
  mode: 'ok' | 'error' | 'down' = 'ok';
  secret = '';
  now = () => 0;
  private server: Server | null = null;
  port = 0;

  async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async down(): Promise<void> {
    this.mode = 'down';
    const s = this.server;
    this.server = null;
    s?.closeAllConnections();
    await new Promise((r) => s?.close(r));
  }

  async up(): Promise<void> {
    this.mode = 'ok';
    if (!this.server) await this.listen();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const parsed = JSON.parse(body) as { id: number; number?: string };
    const header = { signature: String(req.headers['x-vreserve-signature']), timestamp: String(req.headers['x-vreserve-timestamp']) };
    const answered = this.mode === 'ok' ? 204 : 500;
    this.receipts.push({
      delivery: String(req.headers['x-vreserve-delivery']),
      event: String(req.headers['x-vreserve-event']),
      eventId: parsed.id,
      number: parsed.number,
      verified: verifyWebhook(this.secret, header, body, this.now()),
      answered,
    });
    res.writeHead(answered).end();
  }

  async close(): Promise<void> {
    if (this.mode !== 'down') await this.down();
  }
}

/** For each number, the event ids of the receipts in the order they came (every attempt). */
function byNumber(receipts: Receipt[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const r of receipts) if (r.number) out.set(r.number, [...(out.get(r.number) ?? []), r.eventId]);
  return out;
}

const ascending = (ids: number[]) => ids.every((id, i) => i === 0 || (ids[i - 1] as number) <= id);

for (const kind of wantedStores()) {
  describe(`webhooks: ${kind}`, () => {
    let temp: TempDatabase | null = null;
    let t: TestApp | null = null;
    const receiver = new Receiver();
    let clock = Date.parse('2026-12-10T09:00:00+08:00');

    beforeAll(async () => {
      if (kind !== 'sqlite') {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return;
      }
      t = await makeTestApp({ now: '2026-12-10T09:00:00+08:00', databaseUrl: temp?.url });
      receiver.now = () => Math.floor(clock / 1000);
      await receiver.listen();
    });
    afterAll(async () => {
      await receiver.close();
      await t?.close();
      await temp?.drop();
    });

    const setNow = (ms: number) => {
      clock = ms;
      t?.setNow(new Date(ms).toISOString());
    };
    let endpointId = 0;

    beforeEach(async (c) => {
      if (!t) return c.skip();
      receiver.receipts = [];
      rounds = 0;
      await receiver.up();
      await t.store.db.updateTable('webhook_endpoint').set({ active: 0 }).execute();
      const admin = await t.signIn('admin');
      const made = await post(t.app, '/api/v1/admin/webhooks', { url: receiver.url, events: ['booking.created', 'booking.cancelled', 'ticket.called', 'ticket.completed'] }, admin);
      expect(made.status).toBe(201);
      receiver.secret = made.body.secret;
      endpointId = made.body.endpoint.id;
    });

    /** Events about `numbers`, interleaved: each number gets booking.created, ticket.called, ticket.completed in turn. */
    async function happen(numbers: string[]): Promise<void> {
      const at = new Date(clock).toISOString();
      for (const type of ['booking.created', 'ticket.called', 'ticket.completed'] as const) {
        for (const number of numbers) {
          await appendEvent((t as TestApp).store.db, { type, hallId: 1, serviceId: 1, date: '2026-12-10', at, number, ...(type === 'booking.created' ? {} : { counterNumber: 2 }) });
        }
      }
      // Past the fan-out's patience for ids not committed yet (none here): nothing waits on a gap.
      setNow(clock + 11_000);
    }

    const deliverers = (n: number) => Array.from({ length: n }, () => new WebhookDeliverer((t as TestApp).ctx, { batch: 20, timeoutMs: 2_000 }));
    const drain = (all: WebhookDeliverer[]) =>
      Promise.all(
        all.map(async (d) => {
          while ((await d.runOnce()) > 0);
        }),
      );
    const rows = () => (t as TestApp).store.db.selectFrom('webhook_delivery').selectAll().where('endpoint_id', '=', endpointId).orderBy('id').execute();
    let rounds = 0;
    /** Moves the clock to the soonest retry and drains; false when nothing is queued any more. */
    async function nextRetry(all: WebhookDeliverer[]): Promise<boolean> {
      if (++rounds > 200) throw new Error('deliveries never settle');
      const queued = (await rows()).filter((r) => r.status === 'queued');
      if (queued.length === 0) return false;
      // Those waiting behind an earlier one of their number are due already; the retries are ahead.
      const ahead = queued.map((r) => Date.parse(r.next_attempt_at)).filter((at) => at > clock);
      if (ahead.length > 0) setNow(Math.min(...ahead));
      await drain(all);
      return true;
    }

    it('signed deliveries, each once, in order per number, with three deliverers at once', async () => {
      const numbers = Array.from({ length: 20 }, (_, i) => `Y2026121009${String(i).padStart(4, '0')}`);
      await happen(numbers);
      await drain(deliverers(3));
      const all = await rows();
      expect(all.length).toBe(60);
      expect(all.every((r) => r.status === 'delivered' && Number(r.attempts) === 1 && Number(r.last_status) === 204)).toBe(true);
      expect(receiver.receipts.length).toBe(60);
      expect(new Set(receiver.receipts.map((r) => r.delivery)).size).toBe(60);
      expect(receiver.receipts.every((r) => r.verified)).toBe(true);
      for (const [number, ids] of byNumber(receiver.receipts)) {
        expect(ids.length, number).toBe(3);
        expect(ascending(ids), `${number}: ${ids}`).toBe(true);
      }
      const first = receiver.receipts.find((r) => r.number === numbers[0] && r.event === 'ticket.called');
      expect(first).toBeDefined();
    });

    it('a receiver that answers 500, then is down, gets everything in order once it is back', async () => {
      const numbers = Array.from({ length: 5 }, (_, i) => `Y2026121010${String(i).padStart(4, '0')}`);
      const all = deliverers(2);
      receiver.mode = 'error';
      await happen(numbers);
      await drain(all);
      // Only each number's first event was tried: the later ones wait behind it.
      expect(receiver.receipts.map((r) => r.event)).toEqual(Array(5).fill('booking.created'));
      await nextRetry(all); // 10 s later: 500 again
      await receiver.down();
      await nextRetry(all); // 30 s later: connection refused
      await nextRetry(all); // 2 min later: refused
      const waiting = await rows();
      expect(waiting.filter((r) => r.status === 'queued').length).toBe(15);
      const tried = waiting.filter((r) => Number(r.attempts) > 0);
      expect(tried.map((r) => Number(r.attempts))).toEqual(Array(5).fill(4));
      expect(tried.every((r) => /could not connect|fetch failed|ECONNREFUSED/.test(String(r.last_error)))).toBe(true);
      await receiver.up();
      while (await nextRetry(all));
      const done = await rows();
      expect(done.every((r) => r.status === 'delivered')).toBe(true);
      const accepted = receiver.receipts.filter((r) => r.answered === 204);
      expect(accepted.length).toBe(15);
      expect(receiver.receipts.every((r) => r.verified)).toBe(true);
      for (const [number, ids] of byNumber(receiver.receipts)) expect(ascending(ids), `${number}: ${ids}`).toBe(true);
      for (const [number, ids] of byNumber(accepted)) expect(ids.length, number).toBe(3);
    });

    it('a delivery held by a deliverer that died is sent by another only once its lease ran out', async () => {
      await happen(['Y20261210120000']);
      const all = deliverers(1);
      await all[0]?.fanOut();
      const now = new Date(clock).toISOString();
      const ids = await dueDeliveryIds((t as TestApp).store.db, now, 10);
      expect(ids.length).toBe(1);
      const leaseUntil = new Date(clock + 60_000).toISOString();
      // Claimed by a worker that then stops: nobody else may send it while the claim holds.
      expect(await claimDeliveries((t as TestApp).store.db, ids, 'dead-worker', now, leaseUntil)).toEqual(ids);
      expect(await claimDeliveries((t as TestApp).store.db, ids, 'other-worker', now, leaseUntil)).toEqual([]);
      await drain(all);
      expect(receiver.receipts).toEqual([]);
      setNow(clock + 61_000);
      await drain(all);
      expect(receiver.receipts.map((r) => r.event)).toEqual(['booking.created', 'ticket.called', 'ticket.completed']);
      expect((await rows()).map((r) => [r.status, Number(r.attempts)])).toEqual([
        ['delivered', 2],
        ['delivered', 1],
        ['delivered', 1],
      ]);
    });

    it.skipIf(kind === 'sqlite')('waits for an event id that commits after a later one, and delivers both in order', async () => {
      const db = (t as TestApp).store.db;
      const number = 'Y20261210130000';
      const at = () => new Date(clock).toISOString();
      let release = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      let inserted = () => {};
      const insertedYet = new Promise<void>((r) => {
        inserted = r;
      });
      // A booking's transaction that wrote its event and has not committed yet.
      const slow = db.transaction().execute(async (trx) => {
        await appendEvent(trx, { type: 'booking.created', hallId: 1, serviceId: 1, date: '2026-12-10', at: at(), number });
        inserted();
        await held;
      });
      await insertedYet;
      await appendEvent(db, { type: 'ticket.called', hallId: 1, serviceId: 1, date: '2026-12-10', at: at(), number, counterNumber: 1 });
      const all = deliverers(2);
      await drain(all);
      expect(receiver.receipts).toEqual([]);
      release();
      await slow;
      await drain(all);
      expect(receiver.receipts.map((r) => r.event)).toEqual(['booking.created', 'ticket.called']);
    });

    it('gives up 24 hours after the first attempt; the number’s next delivery then goes out', async () => {
      const number = 'Y20261210110000';
      const all = deliverers(1);
      receiver.mode = 'error';
      const started = clock;
      await happen([number]);
      await drain(all);
      const first = Date.parse(String((await rows())[0]?.first_attempt_at));
      while ((await rows())[0]?.status === 'queued') {
        // Nothing later about the number is tried while its first delivery is still being retried.
        expect(receiver.receipts.every((r) => r.event === 'booking.created')).toBe(true);
        await nextRetry(all);
      }
      const [failed] = await rows();
      expect(failed?.status).toBe('failed');
      expect(failed?.last_error).toMatch(/^gave up after 29 attempts in 24 hours: the receiver answered HTTP 500$/);
      expect(clock - first).toBeLessThanOrEqual(24 * 3600_000);
      expect(clock - started).toBeGreaterThan(23 * 3600_000);
      await receiver.up();
      while (await nextRetry(all));
      expect((await rows()).map((r) => r.status)).toEqual(['failed', 'delivered', 'delivered']);
      expect(receiver.receipts.filter((r) => r.answered === 204).map((r) => r.event)).toEqual(['ticket.called', 'ticket.completed']);
    });
  });
}
