// Gauges of what is going on in the halls and the process, read when Prometheus scrapes:
// - from the store (the same figures in every worker, so the cluster keeps the largest, not the
//   sum): queues per hall and service, the text-message and webhook backlogs; read at most every 2 s;
// - from this process (summed over workers): live-stream clients, database pool use;
// - per worker (labelled with its pid): how far its live-event tail is behind the event table.
import { Gauge } from 'prom-client';
import { hallTime } from '../../domain/schedule.js';
import type { PoolUse } from '../db/dialect.js';
import type { EventBus } from '../events/event-bus.js';
import { latestEventId } from '../repositories/event.repository.js';
import { type NotificationBacklog, type WaitingQueue, notificationBacklog, waitingQueues } from '../repositories/operations-figures.repository.js';
import { type WebhookBacklog, webhookBacklog } from '../repositories/webhook.repository.js';
import type { ServiceContext } from '../services/context.js';
import type { Metrics } from './registry.js';

const STORE_READ_EVERY_MS = 2_000;

export interface OperationsSource {
  ctx: ServiceContext;
  bus: EventBus;
  poolUse?: () => PoolUse | null;
}

interface StoreFigures {
  queues: (WaitingQueue & { hall: string })[];
  backlog: NotificationBacklog;
  webhooks: WebhookBacklog;
  latestEventId: number;
  at: number;
}

export function watchOperations(metrics: Metrics, source: OperationsSource): void {
  const { ctx, bus } = source;
  let last: StoreFigures | null = null;
  let reading: Promise<StoreFigures | null> | null = null;

  async function read(): Promise<StoreFigures> {
    const now = ctx.clock();
    const halls = await ctx.halls.all();
    const dates = [...new Set(halls.map((h) => hallTime(now, h.timeZone).date))];
    const codes = new Map(halls.map((h) => [h.id, h.code]));
    const [queues, backlog, webhooks, latest] = await Promise.all([
      waitingQueues(ctx.db, dates),
      notificationBacklog(ctx.db, now.toISOString()),
      webhookBacklog(ctx.db),
      latestEventId(ctx.db),
    ]);
    return {
      queues: queues.map((q) => ({ ...q, hall: codes.get(q.hallId) ?? String(q.hallId) })),
      backlog,
      webhooks,
      latestEventId: latest,
      at: now.getTime(),
    };
  }

  /** The store's figures, at most STORE_READ_EVERY_MS old; the last ones when the store does not answer. */
  function storeFigures(): Promise<StoreFigures | null> {
    if (last && Date.now() - last.at < STORE_READ_EVERY_MS) return Promise.resolve(last);
    reading ??= read()
      .then(
        (figures) => (last = { ...figures, at: Date.now() }),
        () => last,
      )
      .finally(() => {
        reading = null;
      });
    return reading;
  }

  const registers = [metrics.registry];
  new Gauge({
    name: 'vreserve_queue_waiting',
    help: 'Tickets waiting to be called today, by hall code and service letter',
    labelNames: ['hall', 'service'] as const,
    aggregator: 'max',
    registers,
    async collect() {
      const figures = await storeFigures();
      this.reset();
      for (const q of figures?.queues ?? []) this.set({ hall: q.hall, service: q.letter }, q.waiting);
    },
  });
  new Gauge({
    name: 'vreserve_queue_longest_wait_seconds',
    help: 'How long the longest-waiting ticket has waited, by hall code and service letter',
    labelNames: ['hall', 'service'] as const,
    aggregator: 'max',
    registers,
    async collect() {
      const figures = await storeFigures();
      this.reset();
      const now = ctx.clock().getTime();
      for (const q of figures?.queues ?? []) {
        this.set({ hall: q.hall, service: q.letter }, Math.max(0, (now - Date.parse(q.oldestSince)) / 1000));
      }
    },
  });
  new Gauge({
    name: 'vreserve_notification_backlog',
    help: 'Text messages not sent: queued (due or waiting to retry), sending (claimed by a sender), failed (given up)',
    labelNames: ['state'] as const,
    aggregator: 'max',
    registers,
    async collect() {
      const backlog = (await storeFigures())?.backlog;
      if (!backlog) return;
      this.set({ state: 'queued' }, backlog.queued);
      this.set({ state: 'sending' }, backlog.sending);
      this.set({ state: 'failed' }, backlog.failed);
    },
  });
  new Gauge({
    name: 'vreserve_webhook_backlog',
    help: 'Webhook deliveries not delivered: queued (due, waiting to retry or behind an earlier one of the same number), sending (claimed), failed (given up)',
    labelNames: ['state'] as const,
    aggregator: 'max',
    registers,
    async collect() {
      const webhooks = (await storeFigures())?.webhooks;
      if (!webhooks) return;
      this.set({ state: 'queued' }, webhooks.queued);
      this.set({ state: 'sending' }, webhooks.sending);
      this.set({ state: 'failed' }, webhooks.failed);
    },
  });
  new Gauge({
    name: 'vreserve_notification_oldest_due_seconds',
    help: 'How long the oldest queued text message has been due (0: none is due); the outbox lag',
    aggregator: 'max',
    registers,
    async collect() {
      const oldest = (await storeFigures())?.backlog.oldestDue;
      this.set(oldest ? Math.max(0, (ctx.clock().getTime() - Date.parse(oldest)) / 1000) : 0);
    },
  });
  new Gauge({
    name: 'vreserve_sse_clients',
    help: 'Live-event streams open (kiosks, displays, counters, booking pages), summed over workers',
    registers,
    collect() {
      this.set(bus.listenerCount);
    },
  });
  new Gauge({
    name: 'vreserve_event_tail_lag_events',
    help: 'Events committed that this worker has not handed to its live streams yet (0 while it has none)',
    labelNames: ['pid'] as const,
    aggregator: 'max',
    registers,
    async collect() {
      const delivered = bus.deliveredId;
      const latest = (await storeFigures())?.latestEventId ?? 0;
      this.set({ pid: String(process.pid) }, delivered === null ? 0 : Math.max(0, latest - delivered));
    },
  });
  const poolUse = source.poolUse;
  if (poolUse) {
    new Gauge({
      name: 'vreserve_db_pool_connections',
      help: 'Database connections of the pools, summed over workers: total open, idle, and queries waiting for one',
      labelNames: ['state'] as const,
      registers,
      collect() {
        const use = poolUse();
        this.set({ state: 'total' }, use?.total ?? 0);
        this.set({ state: 'idle' }, use?.idle ?? 0);
        this.set({ state: 'waiting' }, use?.waiting ?? 0);
      },
    });
  }
}
