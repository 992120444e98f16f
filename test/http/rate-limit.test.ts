// Per-address limits on the public routes (RATE_LIMIT_PER_MINUTE), counted in the shared SQLite
// counters file, on the hall clock the test holds still.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_LEGACY_OPTIONS, legacyOptionsFromEnv } from '../../src/server/http/legacy.routes.js';
import { clientKey } from '../../src/server/http/rate-limit.js';
import type { App } from '../../src/server/http/types.js';
import { type RateLimiter, StoreRateLimiter } from '../../src/server/rate-limit/limiter.js';
import { bookingBody, counts } from '../support/http.js';
import { person } from '../support/people.js';
import { TEST_SECRET, type TestApp, type TestAppOptions, makeTestApp } from '../support/test-app.js';

const RATE_LIMITED_ZH = '请求过于频繁，请稍后再试';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function start(opts: TestAppOptions = {}): Promise<TestApp> {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', rateLimitPerMinute: 3, ...opts });
  return t;
}

async function send(app: App, method: 'GET' | 'POST', url: string, body?: object, ip = '10.0.0.1', headers: Record<string, string> = {}) {
  const res = await app.inject({ method, url, remoteAddress: ip, headers, ...(body ? { payload: body } : {}) });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

function legacyBook(app: App, n: number, ip = '10.0.0.1', path = '/order/insertOne') {
  const p = person(n);
  const payload = new URLSearchParams({ idcard: p.idCard, phone: p.phone, serviceId: '0', reserveTakeTime: '2026-11-25 10:00:00' });
  return app.inject({ method: 'POST', url: path, headers: FORM, payload: payload.toString(), remoteAddress: ip });
}

async function bookingCount(tt: TestApp): Promise<number> {
  const row = await tt.store.db.selectFrom('booking').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('rate limits on the public routes', () => {
  it('lets 3 bookings through (refused or not), then answers 429 RATE_LIMITED with Retry-After and writes nothing', async () => {
    const { app } = await start();
    expect((await send(app, 'POST', '/api/v1/bookings', bookingBody(person(1)))).status).toBe(201);
    expect((await send(app, 'POST', '/api/v1/bookings', bookingBody(person(2)))).status).toBe(201);
    // A business refusal still counts as a request.
    const dup = await send(app, 'POST', '/api/v1/bookings', bookingBody(person(1)));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('DUPLICATE_BOOKING');
    const before = await counts(app);

    const refused = await send(app, 'POST', '/api/v1/bookings', bookingBody(person(3)));
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(refused.body.message).toBe(RATE_LIMITED_ZH);
    // The hall clock stands at 08:30:00: the window ends a full minute later.
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.body.details).toEqual({ retryAfter: 60 });
    expect(await bookingCount(t!)).toBe(2);
    expect(await counts(app)).toEqual(before);
  });

  it('answers in English when asked', async () => {
    const { app } = await start({ rateLimitPerMinute: 1 });
    await send(app, 'POST', '/api/v1/bookings/lookup', person(1));
    const refused = await send(app, 'POST', '/api/v1/bookings/lookup', person(1), '10.0.0.1', { 'accept-language': 'en' });
    expect(refused.status).toBe(429);
    expect(refused.body.message).toBe('Too many requests; please try again later');
  });

  it('counts each address apart, and an IPv6 client by its /64', async () => {
    const { app } = await start();
    for (let i = 1; i <= 3; i++) await send(app, 'POST', '/api/v1/bookings', bookingBody(person(i)));
    expect((await send(app, 'POST', '/api/v1/bookings', bookingBody(person(4)))).status).toBe(429);
    expect((await send(app, 'POST', '/api/v1/bookings', bookingBody(person(5)), '10.0.0.2')).status).toBe(201);

    for (let i = 1; i <= 3; i++) {
      expect((await send(app, 'POST', '/api/v1/bookings/lookup', person(10), `2001:db8:1:2::${i}`)).status).toBe(200);
    }
    expect((await send(app, 'POST', '/api/v1/bookings/lookup', person(10), '2001:db8:1:2:ffff::9')).status).toBe(429);
    expect((await send(app, 'POST', '/api/v1/bookings/lookup', person(10), '2001:db8:1:3::1')).status).toBe(200);
  });

  it('counts each route apart; every booking number shares the cancel route', async () => {
    const { app } = await start();
    const numbers: string[] = [];
    for (let i = 1; i <= 3; i++) numbers.push((await send(app, 'POST', '/api/v1/bookings', bookingBody(person(i)), `10.0.1.${i}`)).body.booking.number);
    for (let i = 1; i <= 3; i++) {
      const res = await send(app, 'POST', `/api/v1/bookings/${numbers[i - 1]}/cancel`, person(i));
      expect(res.status).toBe(200);
    }
    const fourth = await send(app, 'POST', '/api/v1/bookings/Y20261125090099/cancel', person(4));
    expect(fourth.body.code).toBe('RATE_LIMITED');
    // Lookups from the same address have their own count.
    expect((await send(app, 'POST', '/api/v1/bookings/lookup', person(1))).status).toBe(200);
  });

  it('never limits the availability reads', async () => {
    const { app } = await start({ rateLimitPerMinute: 1 });
    for (let i = 0; i < 12; i++) {
      expect((await send(app, 'GET', '/api/v1/services')).status).toBe(200);
      expect((await send(app, 'GET', '/api/v1/services/1/availability?days=1')).status).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/business/selectOne?serviceId=0', remoteAddress: '10.0.0.1' })).json().code).not.toBe('100');
    }
  });

  it('allows again in the next window', async () => {
    const tt = await start({ rateLimitPerMinute: 1 });
    expect((await send(tt.app, 'POST', '/api/v1/bookings/lookup', person(1))).status).toBe(200);
    tt.setNow('2026-11-25T08:30:59.500+08:00');
    const refused = await send(tt.app, 'POST', '/api/v1/bookings/lookup', person(1));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    tt.setNow('2026-11-25T08:31:00+08:00');
    expect((await send(tt.app, 'POST', '/api/v1/bookings/lookup', person(1))).status).toBe(200);
  });

  it('refuses the legacy client with HTTP 200, code "100" and the message, with Retry-After', async () => {
    const tt = await start();
    for (let i = 1; i <= 2; i++) expect((await legacyBook(tt.app, i)).json().code).toBe('111');
    // With or without the trailing slash the client sends, it is one route.
    expect((await legacyBook(tt.app, 3, '10.0.0.1', '/order/insertOne/')).json().code).toBe('111');
    const res = await legacyBook(tt.app, 4);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code: '100', msg: RATE_LIMITED_ZH, data: {} });
    expect(res.headers['retry-after']).toBe('60');
    expect(await bookingCount(tt)).toBe(3);
    expect((await legacyBook(tt.app, 5, '10.0.0.2')).json().code).toBe('111');
  });

  it('lets requests through when the limiter fails (fail open)', async () => {
    const broken: RateLimiter = {
      hit: async () => {
        throw new Error('counters are down');
      },
      forget: async () => {},
    };
    const { app } = await start({ rateLimitPerMinute: 1, rateLimiter: broken });
    for (let i = 1; i <= 3; i++) expect((await send(app, 'POST', '/api/v1/bookings', bookingBody(person(i)))).status).toBe(201);
    expect((await legacyBook(app, 4)).json().code).toBe('111');
  });

  it('installs nothing at 0 per minute', async () => {
    let hits = 0;
    const counting: RateLimiter = {
      hit: async () => {
        hits++;
        return { allowed: false, retryAfterSeconds: 1, remaining: 0 };
      },
      forget: async () => {},
    };
    const { app } = await start({ rateLimitPerMinute: 0, rateLimiter: counting });
    for (let i = 1; i <= 3; i++) expect((await send(app, 'POST', '/api/v1/bookings', bookingBody(person(i)))).status).toBe(201);
    expect(hits).toBe(0);
  });

  it('behind a trusted proxy, counts the forwarded client address', async () => {
    const tt = await start({ rateLimitPerMinute: 0 });
    const app = await buildApp({
      store: tt.store,
      clock: () => new Date('2026-11-25T08:30:00+08:00'),
      hallTz: 'Asia/Shanghai',
      secret: TEST_SECRET,
      webRoot: join(tmpdir(), 'vreserve-no-web'),
      legacy: { ...DEFAULT_LEGACY_OPTIONS, trustProxy: ['10.9.0.0/16'] },
      rateLimiter: new StoreRateLimiter(tt.store.db),
      rateLimitPerMinute: 1,
    });
    try {
      const lookup = (forwarded: string) => send(app, 'POST', '/api/v1/bookings/lookup', person(1), '10.9.0.5', { 'x-forwarded-for': forwarded });
      expect((await lookup('203.0.113.7')).status).toBe(200);
      expect((await lookup('203.0.113.7')).status).toBe(429);
      expect((await lookup('203.0.113.8')).status).toBe(200);
      // An address the client wrote itself, in front of the one the proxy saw, changes nothing.
      expect((await lookup('198.51.100.1, 203.0.113.7')).status).toBe(429);
    } finally {
      await app.close();
    }
  });
});

describe('TRUST_PROXY=true (one hop)', () => {
  it('rotating the leftmost X-Forwarded-For never changes the counted address', async () => {
    const tt = await start({ rateLimitPerMinute: 0 });
    const problems: string[] = [];
    const legacy = legacyOptionsFromEnv({ TRUST_PROXY: 'true' }, problems);
    expect(problems).toEqual([]);
    const app = await buildApp({
      store: tt.store,
      clock: () => new Date('2026-11-25T08:30:00+08:00'),
      hallTz: 'Asia/Shanghai',
      secret: TEST_SECRET,
      webRoot: join(tmpdir(), 'vreserve-no-web'),
      legacy,
      rateLimiter: new StoreRateLimiter(tt.store.db),
      rateLimitPerMinute: 2,
    });
    try {
      const lookup = (forwarded: string) => send(app, 'POST', '/api/v1/bookings/lookup', person(1), '127.0.0.1', { 'x-forwarded-for': forwarded });
      const statuses = [];
      for (let i = 1; i <= 6; i++) statuses.push((await lookup(`198.51.100.${i}, 203.0.113.7`)).status);
      expect(statuses).toEqual([200, 200, 429, 429, 429, 429]);
      // Another client behind the same proxy has its own count.
      expect((await lookup('198.51.100.1, 203.0.113.8')).status).toBe(200);
      // The legacy API's booking shares the counting.
      const form = new URLSearchParams({ idcard: person(1).idCard, phone: person(1).phone, serviceId: '0', reserveTakeTime: '2026-11-25 10:00:00' });
      for (let i = 1; i <= 3; i++) {
        const res = await app.inject({ method: 'POST', url: '/order/insertOne', headers: { ...FORM, 'x-forwarded-for': `10.${i}.0.1, 203.0.113.9` }, payload: form.toString(), remoteAddress: '127.0.0.1' });
        if (i === 3) expect(res.json().msg).toBe(RATE_LIMITED_ZH);
      }
    } finally {
      await app.close();
    }
  });
});

describe('clientKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s -> %s', (address, key) => {
    expect(clientKey(address)).toBe(key);
  });
});
