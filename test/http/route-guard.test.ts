// Walks the whole route table: nothing but the public routes may answer 2xx without credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../src/server/app.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

/** Routes anyone may use: citizens' booking, the legacy client, docs, health, pairing, sign-in. */
const PUBLIC = [
  /^GET \/api\/v1\/services/,
  /^GET \/api\/v1\/hall$/,
  /^GET \/api\/v1\/halls(\/:code(\/services|\/suggestions)?)?$/,
  /^POST \/api\/v1\/bookings/,
  // 短信验证码 for a citizen's phone (limited per phone and per address).
  /^POST \/api\/v1\/verification-codes$/,
  /^(GET|POST) \/(business|order)\//,
  /^GET \/api\/v1\/events\/public/,
  // The page of one booking or ticket: its unguessable token is the permission.
  /^GET \/api\/v1\/t\/:token$/,
  // 好差评 from the ticket page: the same token is the permission.
  /^POST \/api\/v1\/t\/:token\/rating$/,
  // 候补: the citizen's waiting list (ID card + phone in the body); an offer by its unguessable token.
  /^POST \/api\/v1\/waitlist/,
  /^(GET \/api\/v1\/w\/:token|POST \/api\/v1\/w\/:token\/accept)$/,
  /^POST \/api\/v1\/auth\/(login|logout)$/,
  /^POST \/api\/v1\/devices\/pair$/,
  /^GET \/(healthz|readyz)$/,
  /^GET \/api\/(openapi\.json|docs)/,
  /^(GET|HEAD) \/(records|kiosk|counter|display|evaluator|admin|t|w)?(\/\*)?$/,
  /^(GET|HEAD) \/\*$/,
];

const SAMPLE: Record<string, string> = { id: '1', number: 'Y20261125090001' };

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ now: '2026-11-25T10:00:00+08:00' });
});
afterAll(() => t.close());

describe('every non-public route refuses anonymous callers', () => {
  it('walks the route table', async () => {
    const routes = routeTable(t.app).filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    expect(routes.length).toBeGreaterThan(30);
    const guarded = routes.filter((r) => !PUBLIC.some((re) => re.test(`${r.method} ${r.url}`)));
    expect(guarded.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['POST /api/v1/kiosk/check-in', 'POST /api/v1/counters/:number/call-next', 'GET /api/v1/display', 'GET /api/v1/events']),
    );
    for (const r of guarded) {
      const url = r.url.replace(/:(\w+)/g, (_, name: string) => SAMPLE[name] ?? '1').replace('*', 'x');
      const res = await t.app.inject({ method: r.method as 'GET', url, ...(r.method === 'GET' ? {} : { payload: {} }) });
      expect([401, 403], `${r.method} ${r.url} answered ${res.statusCode}`).toContain(res.statusCode);
    }
  });

  it('a kiosk token opens the kiosk routes but not the counter or the display', async () => {
    const walk = await t.app.inject({ method: 'POST', url: '/api/v1/kiosk/walk-in', payload: { serviceId: 1 }, headers: t.kiosk });
    expect(walk.statusCode).toBe(201);
    const call = await t.app.inject({ method: 'POST', url: '/api/v1/counters/1/call-next', headers: t.kiosk });
    expect(call.statusCode).toBe(401);
    const display = await t.app.inject({ method: 'GET', url: '/api/v1/display', headers: t.kiosk });
    expect(display.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/display', headers: t.display })).statusCode).toBe(200);
  });
});
