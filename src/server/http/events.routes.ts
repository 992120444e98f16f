// Server-Sent Events: every change in the hall, within a second, to displays, counters and
// kiosks (all events) and to the booking pages (availability changes only). A client that
// reconnects with Last-Event-ID gets what it missed; one that cannot hold a stream polls.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { EventId } from '../../contracts/common.js';
import { EventsPollQuery, EventsPollResponse, type LiveEvent } from '../../contracts/events.js';
import type { EventBus } from '../events/event-bus.js';
import type { ServiceContext } from '../services/context.js';
import { requireDeviceOrStaff } from './auth.js';
import { errorResponses } from './errors.js';
import { redactUrl } from './logging.js';
import { hallOf, publicHall } from './hall-scope.js';
import type { App } from './types.js';

type Scope = (e: LiveEvent) => LiveEvent | null;

/** Everything that happens in one hall (a device or staff member hears only their own hall). */
const allOfHall =
  (hallId: number): Scope =>
  (e) =>
    e.hallId === hallId ? e : null;

const AVAILABILITY_TYPES = new Set(['booking.created', 'booking.cancelled', 'ticket.walk_in', 'day.closed']);
/** What anyone may see: that a service's counts changed on a date (in one hall, when asked), nothing else. */
const availabilityOnly =
  (hallId: number | null): Scope =>
  (e) =>
    AVAILABILITY_TYPES.has(e.type) && (hallId === null || e.hallId === hallId)
      ? {
          id: e.id,
          type: e.type,
          hallId: e.hallId,
          serviceId: e.serviceId,
          date: e.date,
          at: e.at,
        }
      : null;

const PublicQuery = Type.Object(
  {
    // Where to start (what a stream the page opens itself sends: it cannot set Last-Event-ID).
    lastEventId: Type.Optional(EventId),
    hall: Type.Optional(
      Type.String({
        maxLength: 16,
        description: "Only this hall's changes (its code)",
      }),
    ),
  },
  { additionalProperties: false },
);
const PublicPollQuery = Type.Object(
  {
    ...EventsPollQuery.properties,
    hall: Type.Optional(
      Type.String({
        maxLength: 16,
        description: "Only this hall's changes (its code)",
      }),
    ),
  },
  { additionalProperties: false },
);

const REPLAY_LIMIT = 500;
const HEARTBEAT_MS = 15_000;

function lastEventId(request: FastifyRequest): number | null {
  const raw = request.headers['last-event-id'] ?? (request.query as { lastEventId?: string }).lastEventId;
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw !== undefined && Number.isInteger(n) && n >= 0 && n <= 2147483647 ? n : null;
}

export async function eventsRoutes(app: App, ctx: ServiceContext, bus: EventBus): Promise<void> {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  async function stream(request: FastifyRequest, reply: FastifyReply, scope: Scope): Promise<void> {
    const since = lastEventId(request);
    let sentUpTo = since ?? 0;
    let replaying = true;
    const held: LiveEvent[] = [];
    const res = reply.raw;
    const send = (e: LiveEvent) => {
      if (e.id <= sentUpTo && since !== null) return;
      const visible = scope(e);
      if (visible) res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(visible)}\n\n`);
      sentUpTo = Math.max(sentUpTo, e.id);
    };
    // Listen first, then replay: nothing committed in between is lost, and nothing is sent twice.
    const unsubscribe = await bus.subscribe((e) => (replaying ? held.push(e) : send(e)));
    let heartbeat: NodeJS.Timeout | undefined;
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
      res.end();
    };
    open.add(end);
    request.raw.on('close', end);
    reply.hijack();
    // The request's one log line is written when it is answered, which for a stream is when it
    // closes (hours later): say now that it opened (an events URL holds no personal data).
    request.log.info({ url: redactUrl(request.url) }, 'live events stream opened');
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    try {
      if (since !== null) {
        const missed = await bus.replay(since, REPLAY_LIMIT + 1);
        if (missed.length > REPLAY_LIMIT) res.write('event: reset\ndata: {}\n\n');
        for (const e of missed.slice(0, REPLAY_LIMIT)) send(e);
      }
      replaying = false;
      for (const e of held) send(e);
      heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    } catch (error) {
      // The stream is already open, so no error status can be sent: end it and let the client reconnect.
      request.log.warn({ err: error }, 'live events: replay failed; closing the stream');
      end();
    }
  }

  async function poll(request: FastifyRequest, scope: Scope) {
    const after = (request.query as { after?: number }).after ?? (await bus.latestId());
    const events = await bus.replay(after, REPLAY_LIMIT);
    const lastId = events.at(-1)?.id ?? after;
    return { events: events.map(scope).filter((e): e is LiveEvent => e !== null), lastId };
  }

  // A 评价器 hears its counter complete a ticket (and ratings come in) to show the rating screen at once.
  const device = requireDeviceOrStaff(ctx, 'kiosk', 'display', 'evaluator');
  const hallScope = async (request: FastifyRequest) => allOfHall((await hallOf(ctx, request)).hall.id);
  const publicScope = async (request: FastifyRequest) => {
    const code = (request.query as { hall?: string }).hall;
    return availabilityOnly(code ? (await publicHall(ctx, code)).hall.id : null);
  };
  const sse = { 200: Type.String({ description: 'text/event-stream' }) };

  app.get(
    '/api/v1/events',
    {
      onRequest: device,
      schema: {
        tags: ['events'],
        summary: 'All hall events (SSE); kiosks, displays, evaluators and staff',
        response: { ...sse, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => stream(request, reply, await hallScope(request)),
  );
  app.get(
    '/api/v1/events/poll',
    {
      onRequest: device,
      schema: {
        tags: ['events'],
        summary: 'The same events for clients without SSE',
        querystring: EventsPollQuery,
        response: { 200: EventsPollResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => poll(request, await hallScope(request)),
  );
  app.get(
    '/api/v1/events/public',
    {
      schema: {
        tags: ['events'],
        summary: 'Availability changes (SSE) for the booking pages',
        querystring: PublicQuery,
        response: { ...sse, ...errorResponses(404) },
      },
    },
    async (request, reply) => stream(request, reply, await publicScope(request)),
  );
  app.get(
    '/api/v1/events/public/poll',
    {
      schema: {
        tags: ['events'],
        summary: 'Availability changes for clients without SSE',
        querystring: PublicPollQuery,
        response: { 200: EventsPollResponse, ...errorResponses(404) },
      },
    },
    async (request) => poll(request, await publicScope(request)),
  );
}
