// The seed's mini-program API (V-Reserve-Applet), kept so that halls can point the old client at
// V-Reserve unchanged. A thin adapter: it translates field names, 0-based service ids and answer
// codes, and calls the same services as /api/v1 — every rule, limit and number comes from them.
// Every answer is HTTP 200 with `{ code, msg, data }`: the client reads `code`, not the status.
import formbody from '@fastify/formbody';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import { CreateBookingBody, PersonCredentials } from '../../contracts/bookings.js';
import { CheckInBody, WalkInBody } from '../../contracts/kiosk.js';
import { maskIdCard, normalizeIdCard } from '../../domain/id-card.js';
import { slotForTime } from '../../domain/schedule.js';
import { AppError } from '../services/app-error.js';
import { createBooking, lookupBookings } from '../services/booking.service.js';
import type { Service } from '../repositories/service.repository.js';
import { activeServiceByLetter, serviceAvailability } from '../services/catalog.service.js';
import type { HallContext, ServiceContext } from '../services/context.js';
import { checkIn, walkIn } from '../services/kiosk.service.js';
import { answeredStoreUnavailable } from './errors.js';
import { publicHall } from './hall-scope.js';
import { addressMatcher, clientHop, saysForwarded } from './legacy/client-address.js';
import { DEFAULT_LEGACY_OPTIONS, type LegacyOptions } from './legacy/legacy-config.js';
import {
  LEGACY_CODES as CODE,
  LEGACY_MESSAGES as MSG,
  type Fields,
  fieldsOf,
  legacyBooking,
  legacyIdOf,
  legacyLetter,
  legacyTicket,
  parseLegacyDateTime,
  refusalMessage,
  text,
} from './legacy/legacy-shapes.js';
import type { App } from './types.js';

export { DEFAULT_LEGACY_OPTIONS, type LegacyOptions, legacyOptionsFromEnv } from './legacy/legacy-config.js';

/** Paths of the legacy API (each also answers with a trailing slash, as the client sends one). */
export const LEGACY_PATHS = ['/business/selectOne', '/order/insertOne', '/order/selectByOrder', '/order/selectAll'] as const;

const HIDDEN = { schema: { hide: true } } as const;

const FIELD_LABELS: Record<string, string> = {
  idCard: '身份证号',
  phone: '手机号',
  serviceId: '业务编号',
  date: '预约日期',
  slot: '预约时段',
};

// TypeBox's value checker is about 2 MB of heap in each worker: loaded by the first legacy request.
let valueChecker: Promise<typeof import('typebox/value')> | undefined;

/** The same input limits as /api/v1 (the contracts' schemas), with the reason in Chinese. */
async function checkInput(schema: TSchema, value: unknown): Promise<void> {
  valueChecker ??= import('typebox/value');
  const { Value } = await valueChecker;
  const [first] = Value.Errors(schema, value);
  if (!first) return;
  const field = first.instancePath.split('/').filter(Boolean)[0] ?? '';
  const label = FIELD_LABELS[field] ?? (field || '请求');
  const reason = first.keyword === 'minLength' ? `${label}不能为空` : `${label}格式不正确`;
  throw new AppError('VALIDATION', { reason, field });
}

/** A value the client really sent: it sends the string "undefined" for a field it did not have. */
function given(value: string | undefined): value is string {
  const s = value?.trim() ?? '';
  return s !== '' && s !== 'undefined';
}

/** Runs a use case; a refusal (AppError) becomes the legacy answer `refuse` builds. */
async function answer(refuse: (msg: string) => object, work: () => Promise<object>): Promise<object> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) return refuse(refusalMessage(error.code, error.details));
    throw error;
  }
}

const bookingRefusal = (msg: string) => ({ code: CODE.bookingRefused, msg, data: {} });
const takeRefusal = (msg: string) => ({ code: CODE.takeRefused, msg });
const listRefusal = (msg: string) => ({ code: CODE.bookingRefused, msg, data: [] });

async function legacyService(ctx: HallContext, raw: string | undefined): Promise<{ legacyId: number; service: Service }> {
  const letter = legacyLetter(raw);
  const service = letter ? await activeServiceByLetter(ctx.db, ctx.hall.id, letter) : undefined;
  const legacyId = service ? legacyIdOf(service.letter) : null;
  if (!service || legacyId === null) throw new AppError('SERVICE_NOT_FOUND');
  return { legacyId, service };
}

function legacyErrorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const refuse = request.url.startsWith('/order/selectByOrder') ? takeRefusal : request.url.startsWith('/order/selectAll') ? listRefusal : bookingRefusal;
  // Our own refusals raised before the handler (too many requests, a NUL character in a field) are
  // answers like any other refusal; the client only reads `code`.
  if (error instanceof AppError) return reply.status(200).send(refuse(refusalMessage(error.code, error.details)));
  const status = error.statusCode ?? 500;
  // Malformed HTTP (wrong content type, bad JSON, body too large) keeps its status.
  if (status >= 400 && status < 500) return reply.status(status).send(refuse(refusalMessage('VALIDATION', { reason: error.message })));
  if (answeredStoreUnavailable(error, request, reply)) return reply.send(refuse(refusalMessage('STORE_UNAVAILABLE')));
  request.log.error({ err: error }, 'unhandled error in the legacy API');
  return reply.status(500).send(refuse(refusalMessage('INTERNAL')));
}

export async function legacyRoutes(app: App, ctx: ServiceContext, options: LegacyOptions = DEFAULT_LEGACY_OPTIONS): Promise<void> {
  // The old client knows one hall: LEGACY_HALL, or the first.
  const hall = () => publicHall(ctx, options.hall);
  if (!options.enabled) return;
  const kioskAllowed = addressMatcher(options.kioskAllow);
  const trust = options.trustProxy ?? false;

  /** Check-in and walk-in are kiosk actions; the old client has no device token to show. */
  function kioskRefusal(request: FastifyRequest): string | null {
    if (!options.requireKioskGate) return null;
    const who = clientHop(request.socket.remoteAddress, request.headers['x-forwarded-for'], trust);
    // Forwarded for someone, by a peer we do not trust to say for whom (a local proxy while
    // TRUST_PROXY is off, or only X-Real-IP / Forwarded): the peer's own address — often
    // loopback — says nothing about who is asking.
    if (who.hop === 0 && saysForwarded(request.headers)) return MSG.kioskNotAllowed;
    return kioskAllowed(who.address) ? null : MSG.kioskNotAllowed;
  }

  // GET /business/selectOne?serviceId=N: 已预约人数 and 余号数量 of the next open day in the window.
  async function selectOne(request: FastifyRequest) {
    return answer(bookingRefusal, async () => {
      const { legacyId, service } = await legacyService(await hall(), text(fieldsOf(request.query), 'serviceId'));
      const { days } = await serviceAvailability(ctx, service.id, {}, 'zh');
      const day = days.find((d) => d.open && d.inWindow);
      return { id: legacyId, serviceName: service.nameZh, reserveNum: day?.reserved ?? 0, residualNum: day?.remaining ?? 0 };
    });
  }

  // POST /order/insertOne: book the slot that contains reserveTakeTime (else the next one that day).
  async function insertOne(request: FastifyRequest) {
    return answer(bookingRefusal, async () => {
      const f: Fields = fieldsOf(request.body);
      const { service } = await legacyService(await hall(), text(f, 'serviceId'));
      const when = parseLegacyDateTime(text(f, 'reserveTakeTime'));
      if (!when) throw new AppError('VALIDATION', { reason: '预约时间应为 YYYY-MM-DD HH:mm:ss', field: 'reserveTakeTime' });
      const { days } = await serviceAvailability(ctx, service.id, { from: when.date, days: 1 }, 'zh');
      const slot = slotForTime({ slots: days[0]?.slots ?? [] }, when.time);
      if (!slot) throw new AppError('SLOT_NOT_BOOKABLE', { reason: 'no_such_slot', field: 'slot' });
      const input = { serviceId: service.id, date: when.date, slot: slot.start, idCard: text(f, 'idcard') ?? '', phone: text(f, 'phone') ?? '' };
      await checkInput(CreateBookingBody, input);
      const { booking } = await createBooking(ctx, input, { lang: 'zh' });
      return { code: CODE.booked, msg: MSG.booked, data: legacyBooking(booking) };
    });
  }

  // POST /order/selectByOrder: takeType 0 (or no ID card) = 现场取号, else 预约取号 by ID card.
  async function selectByOrder(request: FastifyRequest) {
    return answer(takeRefusal, async () => {
      const refused = kioskRefusal(request);
      if (refused) return takeRefusal(refused);
      const f = fieldsOf(request.body);
      const idcard = text(f, 'idcard');
      if (text(f, 'takeType')?.trim() === '0' || !given(idcard)) {
        const { service } = await legacyService(await hall(), text(f, 'serviceId'));
        const input = { serviceId: service.id };
        await checkInput(WalkInBody, input);
        const { ticket } = await walkIn(await hall(), input, 'zh');
        return {
          code: CODE.walkIn,
          msg: MSG.walkIn,
          data: legacyTicket(ticket),
        };
      }
      const input = { idCard: idcard };
      await checkInput(CheckInBody, input);
      const { tickets, reprint } = await checkIn(await hall(), input, 'zh');
      const [first] = tickets;
      if (!first) throw new AppError('NO_BOOKING');
      return {
        code: CODE.checkedIn,
        msg: MSG.checkedIn,
        data: {
          id: first.number,
          idcard: maskIdCard(normalizeIdCard(idcard)),
          ...legacyTicket(first),
          reprint,
          ...(tickets.length > 1 ? { tickets: tickets.map(legacyTicket) } : {}),
        },
      };
    });
  }

  // GET /order/selectAll?idcard=…&phone=…: that person's bookings, masked; nobody else's.
  async function selectAll(request: FastifyRequest) {
    return answer(listRefusal, async () => {
      const q = fieldsOf(request.query);
      const idCard = text(q, 'idcard');
      const phone = text(q, 'phone');
      if (!given(idCard) || !given(phone)) return { code: CODE.listed, msg: MSG.listed, data: [] };
      await checkInput(PersonCredentials, { idCard, phone });
      const { bookings } = await lookupBookings(ctx, { idCard, phone }, 'zh');
      const data = bookings.map((b) => ({ ...legacyBooking(b), serviceName: b.serviceName, status: b.status }));
      return { code: CODE.listed, msg: MSG.listed, data };
    });
  }

  await app.register(async (legacy) => {
    // Form bodies are parsed here only: the JSON API keeps refusing them.
    await legacy.register(formbody);
    legacy.setErrorHandler(legacyErrorHandler);
    const routes: [(typeof LEGACY_PATHS)[number], 'GET' | 'POST', (request: FastifyRequest) => Promise<object>][] = [
      ['/business/selectOne', 'GET', selectOne],
      ['/order/insertOne', 'POST', insertOne],
      ['/order/selectByOrder', 'POST', selectByOrder],
      ['/order/selectAll', 'GET', selectAll],
    ];
    for (const [path, method, handler] of routes) {
      // Booking and lookup are limited per address like /api/v1's; selectOne is an availability read
      // and selectByOrder a kiosk action (a hall's kiosks share an address), so neither is limited.
      const config = { rateLimit: path === '/order/insertOne' || path === '/order/selectAll' };
      for (const url of [path, `${path}/`]) legacy.route({ method, url, ...HIDDEN, config, handler });
    }
  });
}
