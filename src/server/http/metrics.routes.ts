// GET /metrics in Prometheus' text format, only with METRICS=on and only to the addresses in
// METRICS_ALLOW (default loopback); with metrics off nothing is counted and the path is unknown.
import type { onSendHookHandler } from 'fastify';
import type { Histogram } from 'prom-client';
import type { MetricsOptions } from '../metrics/metrics-config.js';
import type { Metrics } from '../metrics/registry.js';
import { AppError } from '../services/app-error.js';
import { addressMatcher } from './legacy/client-address.js';
import type { App } from './types.js';

const BOOKINGS = '/api/v1/bookings';
const CODE = /"code":"([A-Z_]+)"/;

/** Call before any other route is added: the hooks then time every route, unknown paths too. */
export async function metricsRoutes(app: App, options: MetricsOptions | undefined): Promise<Metrics | null> {
  if (!options?.enabled) return null;
  // prom-client is loaded only when metrics are on: a worker without them stays that much smaller.
  const { createMetrics } = await import('../metrics/registry.js');
  const metrics = createMetrics();
  // The socket's peer (Fastify trusts no proxy here): a forwarded-for header cannot open the door.
  const allowed = addressMatcher(options.allow);

  // Booking results are read from the answer of that one route (a hook on it alone, not on every request).
  const countBooking: onSendHookHandler = (_request, reply, payload, done) => {
    const status = reply.statusCode;
    const result = status === 201 ? 'booked' : status === 200 ? 'replayed' : (CODE.exec(String(payload))?.[1] ?? String(status));
    metrics.bookingAttempts.inc({ result });
    done(null, payload);
  };
  app.addHook('onRoute', (route) => {
    if (route.url === BOOKINGS && [route.method].flat().includes('POST')) route.onSend = [countBooking, ...[route.onSend ?? []].flat()];
  });
  // Every error answer names its code in the body: counted by route and code (success costs a comparison).
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode >= 400 && typeof payload === 'string') {
      const code = CODE.exec(payload)?.[1];
      if (code) metrics.refusals.inc({ route: request.routeOptions.url ?? '(no route)', code });
    }
    done(null, payload);
  });
  // One labelled child per method, route and status, so that a request costs one observe().
  const series = new Map<string, Histogram.Internal<'method' | 'route' | 'status'>>();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? '(no route)';
    const status = reply.statusCode;
    const key = `${request.method} ${status} ${route}`;
    let child = series.get(key);
    if (!child) {
      child = metrics.requestSeconds.labels({ method: request.method, route, status: String(status) });
      series.set(key, child);
    }
    child.observe(reply.elapsedTime / 1000);
    done();
  });

  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!allowed(request.socket.remoteAddress)) throw new AppError('FORBIDDEN');
    const text = await metrics.scrape();
    return reply.header('content-type', metrics.contentType).header('cache-control', 'no-store').send(text);
  });
  return metrics;
}
