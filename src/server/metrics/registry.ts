// The process's metrics (prom-client), and one scrape that answers for every cluster worker: the
// worker that receives GET /metrics asks the primary, which gathers all workers' figures
// (prom-client's AggregatorRegistry) and sends back the sum.
import cluster from 'node:cluster';
import { AggregatorRegistry, Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  /** Request durations by method, route pattern and status. */
  requestSeconds: Histogram<'method' | 'route' | 'status'>;
  /** POST /api/v1/bookings by result: booked, replayed, or the refusal's error code. */
  bookingAttempts: Counter<'result'>;
  /** Every refused request (4xx/5xx with an error code), by route pattern and code. */
  refusals: Counter<'route' | 'code'>;
  /** The Prometheus text of this process, or of all workers when it is one. */
  scrape(): Promise<string>;
  contentType: string;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  // Process figures: CPU, resident memory, heap, GC, event-loop lag, open handles.
  collectDefaultMetrics({ register: registry });
  const requestSeconds = new Histogram({
    name: 'vreserve_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const bookingAttempts = new Counter({
    name: 'vreserve_booking_attempts_total',
    help: 'Booking requests by result: booked, replayed (same Idempotency-Key) or the refusal code (SLOT_FULL, …)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'vreserve_refusals_total',
    help: 'Requests answered with an error code (SLOT_FULL, QUOTA_EXHAUSTED, VALIDATION, …), by route pattern and code',
    labelNames: ['route', 'code'] as const,
    registers: [registry],
  });
  if (cluster.isWorker) {
    // Constructing it makes this worker answer the primary's requests for its figures.
    new AggregatorRegistry();
    AggregatorRegistry.setRegistries([registry]);
  }
  return {
    registry,
    requestSeconds,
    bookingAttempts,
    refusals,
    contentType: registry.contentType,
    scrape: () => (cluster.isWorker ? askPrimary() : registry.metrics()),
  };
}

const ASK = 'vreserve:metrics?';
const ANSWER = 'vreserve:metrics';

interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

const waiting = new Map<number, { resolve(text: string): void; reject(error: Error): void; timer: NodeJS.Timeout }>();
let asked = 0;
let listening = false;

function askPrimary(timeoutMs = 10_000): Promise<string> {
  if (!listening) {
    listening = true;
    process.on('message', (message: Answer) => {
      if (message?.type !== ANSWER) return;
      const pending = waiting.get(message.id);
      if (!pending) return;
      waiting.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.text ?? '');
    });
  }
  const id = ++asked;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      reject(new Error('the cluster primary did not send the workers’ metrics in time'));
    }, timeoutMs);
    waiting.set(id, { resolve, reject, timer });
    process.send?.({ type: ASK, id });
  });
}

/** In the cluster primary: answers a worker's request with every worker's figures, summed. */
export function answerWorkersForMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== ASK) return;
    const reply = (answer: Omit<Answer, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: ANSWER, id: message.id, ...answer });
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: Error) => reply({ error: error.message }),
    );
  });
}
