// buildApp(deps): the whole HTTP surface as a Fastify instance. It never listens; main.ts does,
// and tests use inject().
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Ajv } from 'ajv';
import Fastify, { type FastifyBaseLogger, type FastifyReply, type onResponseHookHandler } from 'fastify';
import { ErrorBody } from '../contracts/common.js';
import { errorMessage } from '../contracts/errors.js';
import type { BackupOptions } from './backup/backup-config.js';
import type { Store } from './db/dialect.js';
import type { MetricsOptions } from './metrics/metrics-config.js';
import { EventBus, type WakeChannel } from './events/event-bus.js';
import { adminRoutes } from './http/admin.routes.js';
import { hallsAdminRoutes } from './http/halls-admin.routes.js';
import { notificationsRoutes } from './http/notifications.routes.js';
import { webhooksRoutes } from './http/webhooks.routes.js';
import { backupRoutes } from './http/backup.routes.js';
import { personDataRoutes } from './http/person-data.routes.js';
import { authRoutes } from './http/auth.routes.js';
import { bookingsRoutes } from './http/bookings.routes.js';
import { noShowRoutes } from './http/no-show.routes.js';
import { priorityRoutes } from './http/priority.routes.js';
import { type ConnectionLimits, installConnectionLimits, serverTimeouts } from './http/connection-limits.js';
import { TurnGate } from './http/turn-gate.js';
import { installCrossOriginGuard } from './http/cross-origin.js';
import { eventsRoutes } from './http/events.routes.js';
import { refuseWhileDraining } from './http/draining.js';
import { installErrorHandling } from './http/errors.js';
import { refuseNulBytes } from './http/nul-bytes.js';
import { installJsonOnly } from './http/json-only.js';
import { LazySchemas, lazySchemasOf } from './http/lazy-schemas.js';
import { installHallScope, refuseOtherHalls } from './http/hall-scope.js';
import { publicTicketRoutes } from './http/public-ticket.routes.js';
import { ratingRoutes } from './http/rating.routes.js';
import { waitlistRoutes } from './http/waitlist.routes.js';
import { kioskRoutes } from './http/kiosk.routes.js';
import { langOf } from './http/lang.js';
import { RequestLog, lazyChildLogger } from './http/logging.js';
import { type LegacyOptions, legacyRoutes } from './http/legacy.routes.js';
import { installRateLimits } from './http/rate-limit.js';
import { metricsRoutes } from './http/metrics.routes.js';
import { queueRoutes } from './http/queue.routes.js';
import { NotificationSender, type SenderOptions } from './messaging/sender.js';
import { WebhookDeliverer, type WebhookDelivererOptions } from './messaging/webhook-sender.js';
import { startHoldExpiry } from './runtime.js';
import type { CitizenMessaging } from './services/notify.service.js';
import { ReadCache } from './http/read-cache.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { servicesRoutes } from './http/services.routes.js';
import type { App } from './http/types.js';
import { webRoutes } from './http/web.routes.js';
import { FailoverRateLimiter, type RateLimiter, StoreRateLimiter } from './rate-limit/limiter.js';
import { ping } from './repositories/portable.js';
import type { Clock, ServiceContext } from './services/context.js';
import { FreshReads } from './services/fresh-reads.js';
import { HallDirectory } from './services/hall-directory.js';
import { createPiiHasher } from './services/pii.js';
import type { NoShowOptions } from './no-show-config.js';
import type { PriorityOptions } from './priority-config.js';
import { VERSION } from './version.js';

export interface AppDeps {
  store: Store;
  clock: Clock;
  hallTz: string;
  secret: string;
  /** A pino logger; none in tests. */
  logger?: FastifyBaseLogger;
  /** Folder of the built web apps; default dist/web. */
  webRoot?: string;
  /** How long a GET /api/v1/services answer may be reused; default 500 ms, 0 in tests that move the clock. */
  readCacheMs?: number;
  /** The seed mini-program's API; default on, kiosk gate off, loopback allowed. */
  legacy?: LegacyOptions;
  /** Shared counters behind the public routes' per-address limits. */
  rateLimiter?: RateLimiter;
  /** Requests per minute per public route and address; default 0 (off). */
  rateLimitPerMinute?: number;
  /** Kiosk check-ins per minute per paired kiosk (or staff account); default 0 (off). */
  kioskRateLimitPerMinute?: number;
  /** REQUEUE_BEHIND; default 3. */
  requeueBehind?: number;
  /** NO_SHOW_*, LATE_CANCEL_MINUTES, RELEASE_AFTER_MINUTES; default the documented defaults. */
  noShow?: NoShowOptions;
  /** HOLD_MINUTES: how long a 候补 offer holds its place; default 30. */
  holdMinutes?: number;
  /** PRIORITY_*: 优先 tickets; default the documented defaults. */
  priority?: PriorityOptions;
  /** Look for expired 候补 holds this often in this process (HOLD_EXPIRY_MS); default none (tests call expireHolds). */
  holdExpiryMs?: number;
  /** Cross-process wake-ups for live events (PostgreSQL NOTIFY or Redis); without one, events are polled. */
  wake?: WakeChannel | null;
  /** Mark cookies Secure: 'auto' (default) when the request came over HTTPS, or always / never. */
  secureCookies?: boolean | 'auto';
  /** Timeouts and connection caps of the HTTP server (main.ts); none in tests that inject. */
  connections?: ConnectionLimits;
  /** Checks passwords at sign-in; default scrypt (tests count the calls). */
  verifyPassword?: (password: string, stored: string) => Promise<boolean>;
  /** The server's own backups (BACKUP_DIR …), shown to admins; default none. */
  backup?: BackupOptions;
  /** GET /metrics (METRICS, METRICS_ALLOW); default off. */
  metrics?: MetricsOptions;
  /** Text messages to citizens: the data keys, reminders, links; without it no phone is kept. */
  messaging?: CitizenMessaging;
  /** Run a message sender in this process (it stops with the app); default none. */
  sender?: SenderOptions;
  /** Run a webhook deliverer in this process (it stops with the app; needs `messaging`); default none. */
  webhooks?: WebhookDelivererOptions;
}

// Bodies are validated strictly (a string is not a number); query strings and path parameters
// arrive as text and are coerced. Unknown fields are refused, never silently dropped.
function validators() {
  const base = { allErrors: false, removeAdditional: false, useDefaults: true, strict: false } as const;
  const strict = new Ajv({ ...base, coerceTypes: false });
  const coercing = new Ajv({ ...base, coerceTypes: true });
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema);
}

/** Every route an app answers, for tests that walk the whole table (e.g. for missing guards). */
const routeTables = new WeakMap<object, { method: string; url: string }[]>();
export function routeTable(app: App): { method: string; url: string }[] {
  return routeTables.get(app) ?? [];
}

export async function buildApp(deps: AppDeps): Promise<App> {
  // Validators and serializers are compiled when a request first needs them (http/lazy-schemas.ts).
  const schemas = new LazySchemas();
  const app = Fastify({
    schemaController: { compilersFactory: { buildSerializer: schemas.serializers() } },
    ...(deps.logger ? { loggerInstance: deps.logger, childLoggerFactory: lazyChildLogger } : { logger: false }),
    // One line per request, when answered (http/logging.ts).
    logController: new RequestLog(deps.logger),
    bodyLimit: 16 * 1024,
    trustProxy: false,
    // Draining answers the documented SHUTTING_DOWN body instead (http/draining.ts).
    return503OnClosing: false,
    ...(deps.connections ? serverTimeouts(deps.connections) : {}),
    // Errors Fastify raises before routing (a malformed %-escape in the path) get the same body.
    frameworkErrors: (error, request, reply) => {
      const details = { reason: error.message };
      const body = { code: 'VALIDATION', message: errorMessage('VALIDATION', langOf(request), details), details };
      (reply as FastifyReply).status(400).send(body);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (deps.connections) {
    installConnectionLimits(app.server, deps.connections, app.log, deps.legacy?.trustProxy);
    // While connections arrive, a turn of the event loop starts a few requests, so that the next
    // connection is accepted soon (http/turn-gate.ts). The first hook: before any other work.
    const gate = new TurnGate();
    app.server.on('connection', () => gate.connectionAccepted());
    app.addHook('onRequest', (_request, _reply, done) => gate.admit(done));
  }
  const routes: { method: string; url: string }[] = [];
  routeTables.set(app, routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url });
  });
  lazySchemasOf(app, schemas);
  app.setValidatorCompiler(schemas.validators(validators()));
  app.addSchema(ErrorBody);
  // Before the not-found handler is set, so that its hooks cover unknown paths too.
  const metrics = await metricsRoutes(app, deps.metrics);
  refuseNulBytes(app);
  installErrorHandling(app);
  refuseWhileDraining(app);

  // Cookies are parsed only by the routes that look for a session or a device (see http/auth.ts).
  await app.register(cookie, { hook: false });
  const headerPolicy = {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  };
  installSecurityHeaders(app, headerPolicy, deps.legacy?.trustProxy ?? false);
  installCrossOriginGuard(app);
  installJsonOnly(app);
  installHallScope(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'V-Reserve (微预约) API',
        version: '1',
        description: 'Bookings, kiosk check-in and walk-in numbers for a government service hall.',
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Its policy asks for upgrade-insecure-requests: on a hall's plain-HTTP LAN the browser would
    // then fetch the page's scripts over https and show nothing. Over HTTPS it changes nothing.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/g, ''),
  });

  const bus = new EventBus(deps.store.db, deps.wake ?? null, {
    onError: (err) => app.log.warn({ err }, 'live events: reading the outbox failed; retrying'),
  });
  app.addHook('onClose', () => bus.close());
  const ctx: ServiceContext = {
    db: deps.store.db,
    clock: deps.clock,
    hallTz: deps.hallTz,
    pii: createPiiHasher(deps.secret),
    halls: new HallDirectory(deps.store.db),
    reads: new FreshReads(),
    events: bus,
    requeueBehind: deps.requeueBehind,
    ...(deps.noShow ? { noShow: deps.noShow } : {}),
    ...(deps.holdMinutes ? { holdMinutes: deps.holdMinutes } : {}),
    ...(deps.priority ? { priority: deps.priority } : {}),
    ...(deps.messaging ? { messaging: deps.messaging } : {}),
  };
  // Whatever commits a change (and so maybe a message, an event or a test ping) wakes the outbox workers at once.
  const workers: { wake(): void; start(): void; stop(): Promise<void> }[] = [];
  if (deps.sender && deps.messaging) {
    workers.push(
      new NotificationSender(ctx, {
        ...deps.sender,
        onError: (err) => app.log.warn({ err }, 'text messages: a sending round failed; retrying'),
      }),
    );
  }
  if (deps.webhooks && deps.messaging) {
    workers.push(
      new WebhookDeliverer(ctx, {
        ...deps.webhooks,
        onError: (err) => app.log.warn({ err }, 'webhooks: a delivery round failed; retrying'),
      }),
    );
  }
  if (workers.length > 0) {
    ctx.events = {
      committed() {
        bus.committed();
        for (const w of workers) w.wake();
      },
    };
    for (const w of workers) {
      w.start();
      app.addHook('onClose', () => w.stop());
    }
  }

  if (metrics) {
    const { watchOperations } = await import('./metrics/operations-gauges.js');
    watchOperations(metrics, { ctx, bus, poolUse: deps.store.poolUse });
  }
  if (deps.holdExpiryMs) {
    const stopExpiry = startHoldExpiry(ctx, (err) => app.log.warn({ err }, 'waiting list: expiring holds failed; will retry'), deps.holdExpiryMs);
    app.addHook('onClose', async () => stopExpiry());
  }

  refuseOtherHalls(app, ctx);
  // The release answers here so that a rolling upgrade can be followed instance by instance.
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok', version: VERSION }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await ping(deps.store.db);
      return { status: 'ok', store: deps.store.dialect };
    } catch (error) {
      _request.log.warn({ err: error }, 'store not reachable');
      return reply.status(503).send({ status: 'unavailable', store: deps.store.dialect });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // Per-address limits on the routes marked `config: { rateLimit: true }`, counted on the hall clock.
  if (deps.rateLimiter) {
    installRateLimits(app, deps.rateLimiter, {
      perMinute: deps.rateLimitPerMinute ?? 0,
      trustProxy: deps.legacy?.trustProxy,
      now: () => deps.clock().getTime(),
    });
  }

  // Reads of the service list are micro-cached; any write handled here makes them fresh at once.
  const readCache = new ReadCache(deps.readCacheMs ?? 500);
  // The hook goes on the write routes alone (as each is declared): reads run no onResponse hook.
  const clearReadCache: onResponseHookHandler = (_request, _reply, done) => {
    readCache.clear();
    done();
  };
  app.addHook('onRoute', (route) => {
    if ([route.method].flat().some((m) => m !== 'GET' && m !== 'HEAD')) route.onResponse = [...[route.onResponse ?? []].flat(), clearReadCache];
  });
  await servicesRoutes(app, ctx, readCache);
  await bookingsRoutes(app, ctx);
  await noShowRoutes(app, ctx);
  await priorityRoutes(app, ctx);
  await publicTicketRoutes(app, ctx);
  await ratingRoutes(app, ctx);
  await waitlistRoutes(app, ctx);
  await kioskRoutes(app, ctx, {
    limiter: deps.rateLimiter,
    perMinute: deps.kioskRateLimitPerMinute ?? 0,
    now: () => deps.clock().getTime(),
  });
  // Sign-in attempts are always counted, also with the public routes' limits off; while Redis
  // is away they are counted in the store rather than let through.
  const storeCounters = new StoreRateLimiter(deps.store.db);
  await authRoutes(app, ctx, {
    secureCookies: deps.secureCookies ?? 'auto',
    signInCounters: deps.rateLimiter ? new FailoverRateLimiter(deps.rateLimiter, storeCounters) : storeCounters,
    trustProxy: deps.legacy?.trustProxy,
    verifyPassword: deps.verifyPassword,
  });
  await queueRoutes(app, ctx);
  await eventsRoutes(app, ctx, bus);
  await adminRoutes(app, ctx);
  await personDataRoutes(app, ctx);
  await hallsAdminRoutes(app, ctx);
  await notificationsRoutes(app, ctx);
  await webhooksRoutes(app, ctx);
  await backupRoutes(app, ctx, deps.backup);
  await legacyRoutes(app, ctx, deps.legacy);
  await webRoutes(app, deps.webRoot);
  return app;
}
