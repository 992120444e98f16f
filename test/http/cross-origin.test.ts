// Cross-site request forgery: a page on another site must not make a signed-in browser change
// anything, and the JSON API takes JSON bodies only. Every refusal writes nothing.
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { routeTable } from '../../src/server/app.js';
import { isCrossOrigin, originMatchesHost } from '../../src/server/http/cross-origin.js';
import { bookingBody } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

const CROSS_ORIGIN_ZH = '请求来自其他网站，已拒绝';
const EVIL = 'http://evil.example';
const WRITES = ['POST', 'PUT', 'PATCH', 'DELETE'];
const SAMPLE: Record<string, string> = { id: '1', number: 'Y20261125090001', date: '2026-11-26' };

let t: TestApp;
let admin: string;
let clerk: Record<string, string>;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T10:00:00+08:00' });
  // Staff #1 is the clerk, so :id = 1 names a real device (the kiosk), account and service.
  clerk = await t.signIn('staff');
  admin = (await t.signIn('admin')).cookie as string;
});
afterEach(() => t.close());

/** Every row of every table: a refused request must leave all of it as it was. */
async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(t.store.db);
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) out[name] = (await sql`select * from ${sql.table(name)}`.execute(t.store.db)).rows;
  return out;
}

function stateChangingRoutes() {
  return routeTable(t.app)
    .filter((r) => WRITES.includes(r.method) && r.url.startsWith('/api/'))
    .map((r) => ({ method: r.method as 'POST', url: r.url.replace(/:(\w+)/g, (_, name: string) => SAMPLE[name] ?? '1') }));
}

describe('cookie-authenticated writes from another site', () => {
  it('walks the route table: every state-changing route refuses a cross-origin text/plain request with the admin cookie, and nothing changes', async () => {
    const routes = stateChangingRoutes();
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/devices/1/revoke',
        'POST /api/v1/admin/staff/1/disable',
        'POST /api/v1/admin/staff/1/reset-password',
        'POST /api/v1/admin/services/1/deactivate',
        'DELETE /api/v1/admin/calendar/2026-11-26',
      ]),
    );
    expect(routes.length).toBeGreaterThan(25);
    const before = await snapshot();
    for (const r of routes) {
      const res = await t.app.inject({ ...r, headers: { cookie: admin, origin: EVIL, 'content-type': 'text/plain' }, payload: '{}' });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.json(), `${r.method} ${r.url}`).toMatchObject({ code: 'CROSS_ORIGIN', message: CROSS_ORIGIN_ZH });
    }
    // However the path is spelled, it is the route that is checked.
    for (const url of ['/%61pi/v1/devices/1/revoke', '/api/v1/devices/%31/revoke', '/%61pi/v1/admin/staff/1/disable']) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie: admin, origin: EVIL, 'content-type': 'text/plain' }, payload: '{}' });
      expect(res.statusCode, url).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('the same with JSON bodies, Sec-Fetch-Site: cross-site and no Origin, or neither header', async () => {
    const routes = stateChangingRoutes();
    const before = await snapshot();
    const variants: Record<string, string>[] = [
      { origin: EVIL, 'content-type': 'application/json' },
      { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      { 'sec-fetch-site': 'cross-site', origin: 'http://localhost:80', 'content-type': 'application/json' },
      { 'sec-fetch-site': 'same-site', origin: 'http://localhost:5173', 'content-type': 'application/json' },
      { origin: 'null', 'content-type': 'application/json' },
      { 'content-type': 'application/json' },
    ];
    for (const headers of variants) {
      for (const r of routes) {
        const res = await t.app.inject({ ...r, headers: { cookie: admin, ...headers }, payload: {} });
        expect(res.statusCode, `${r.method} ${r.url} ${JSON.stringify(headers)}`).toBe(403);
        expect(res.json().code).toBe('CROSS_ORIGIN');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('device revoke, staff disable, password reset and service deactivation: refused cross-origin, done from our own page', async () => {
    const audit = async () => (await t.store.db.selectFrom('audit_log').select('action').execute()).map((a) => a.action);
    const evil = { cookie: admin, origin: EVIL, 'content-type': 'text/plain' };
    const own = { cookie: admin, origin: 'http://localhost:80', 'content-type': 'application/json' };
    const actions = [
      ['/api/v1/devices/1/revoke', 'device.revoke'],
      ['/api/v1/admin/staff/1/disable', 'staff.disable'],
      ['/api/v1/admin/staff/1/reset-password', 'staff.reset_password'],
      ['/api/v1/admin/services/1/deactivate', 'service.deactivate'],
    ];
    const clerkRow = () => t.store.db.selectFrom('staff').select(['active', 'password_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
    const clerkBefore = await clerkRow();
    for (const [url] of actions) expect((await t.app.inject({ method: 'POST', url: url as string, headers: evil, payload: '{}' })).statusCode).toBe(403);
    expect(await audit()).toEqual([]);
    expect(await clerkRow()).toEqual(clerkBefore);
    expect((await t.store.db.selectFrom('device').select('revoked_at').where('id', '=', 1).executeTakeFirstOrThrow()).revoked_at).toBeNull();
    expect((await t.store.db.selectFrom('service').select('active').where('id', '=', 1).executeTakeFirstOrThrow()).active).toBe(1);
    // The clerk's session still works: the forged disable did not sign them out.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/queue', headers: clerk })).statusCode).toBe(200);

    for (const [url] of actions) expect((await t.app.inject({ method: 'POST', url: url as string, headers: own, payload: {} })).statusCode, url).toBe(200);
    expect((await audit()).sort()).toEqual(actions.map(([, a]) => a).sort());
  });

  it('a paired kiosk’s device cookie is protected the same way', async () => {
    const { body } = (await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: { cookie: admin, 'sec-fetch-site': 'same-origin' }, payload: { kind: 'kiosk', name: 'K2' } })) as unknown as {
      body: string;
    };
    const pair = await t.app.inject({ method: 'POST', url: '/api/v1/devices/pair', payload: { token: JSON.parse(body).token } });
    const device = `vr_device=${pair.cookies[0]?.value}`;
    const tickets = async () => (await t.store.db.selectFrom('ticket').select('id').execute()).length;
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/kiosk/walk-in', headers: { cookie: device, origin: EVIL }, payload: { serviceId: 1 } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('CROSS_ORIGIN');
    expect(await tickets()).toBe(0);
    const own = await t.app.inject({ method: 'POST', url: '/api/v1/kiosk/walk-in', headers: { cookie: device, 'sec-fetch-site': 'same-origin' }, payload: { serviceId: 1 } });
    expect(own.statusCode).toBe(201);
    expect(await tickets()).toBe(1);
  });

  it('our own pages on a hall LAN: plain HTTP by IP or host name, behind a proxy, and typed-in requests pass', async () => {
    const passes: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      { host: '192.168.10.5:8080', origin: 'http://192.168.10.5:8080' },
      { host: 'hall.test', origin: 'http://hall.test' },
      { host: 'hall.test:80', origin: 'http://hall.test' },
      // TLS ends at the proxy: the page is https, we are reached over http with the same Host.
      { host: 'hall.test', origin: 'https://hall.test' },
      // A proxy that rewrites Host to the upstream says the original in X-Forwarded-Host.
      { host: '127.0.0.1:8080', 'x-forwarded-host': 'hall.test', origin: 'http://hall.test' },
      { host: '[fd00::5]:8080', origin: 'http://[fd00::5]:8080', 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of passes) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: { cookie: admin, ...headers }, payload: { kind: 'display', name: 'D' } });
      expect(res.statusCode, JSON.stringify(headers)).toBe(201);
    }
    const refused: Record<string, string>[] = [
      { host: 'hall.test:8080', origin: 'http://hall.test' },
      { host: 'hall.test', origin: 'http://hall.test:8080' },
      { host: 'hall.test', origin: 'http://hall.test.evil.example' },
      { host: '192.168.10.5:8080', origin: 'http://192.168.10.6:8080' },
    ];
    for (const headers of refused) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/devices', headers: { cookie: admin, ...headers }, payload: { kind: 'display', name: 'D' } });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
    }
  });

  it('without cookies nothing is checked: curl, the kiosk with its token, and citizens booking from anywhere', async () => {
    const booked = await t.app.inject({ method: 'POST', url: '/api/v1/bookings', headers: { origin: EVIL }, payload: bookingBody(person(1), { date: '2026-11-26' }) });
    expect(booked.statusCode).toBe(201);
    const kiosk = await t.app.inject({ method: 'POST', url: '/api/v1/kiosk/walk-in', headers: t.kiosk, payload: { serviceId: 1 } });
    expect(kiosk.statusCode).toBe(201);
    // A kiosk with a token and a stale cookie from an earlier pairing: the token shows it is no forged page.
    const both = await t.app.inject({ method: 'POST', url: '/api/v1/kiosk/walk-in', headers: { ...t.kiosk, cookie: 'vr_device=stale' }, payload: { serviceId: 1 } });
    expect(both.statusCode).toBe(201);
  });
});

describe('JSON routes take JSON', () => {
  it('a text/plain or form body on a /api/v1 route is 415 UNSUPPORTED_MEDIA_TYPE and writes nothing', async () => {
    const before = await snapshot();
    const body = JSON.stringify(bookingBody(person(2), { date: '2026-11-26' }));
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/bookings', headers: { 'content-type': type }, payload: body });
      expect(res.statusCode, type).toBe(415);
      expect(res.json(), type).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '请求内容类型不支持，请使用 application/json' });
    }
    const encoded = await t.app.inject({ method: 'POST', url: '/%61pi/v1/bookings', headers: { 'content-type': 'text/plain' }, payload: body });
    expect(encoded.statusCode).toBe(415);
    const admin415 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/services/1/deactivate',
      headers: { cookie: admin, 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(admin415.statusCode).toBe(415);
    expect(await snapshot()).toEqual(before);
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/bookings', headers: { 'content-type': 'text/plain', 'accept-language': 'en' }, payload: body });
    expect(en.json().message).toBe('Unsupported content type; send application/json');
  });

  it('JSON with a charset and a bodiless POST are fine', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify(bookingBody(person(3), { date: '2026-11-26' })),
    });
    expect(res.statusCode).toBe(201);
    const revoke = await t.app.inject({ method: 'POST', url: '/api/v1/devices/2/revoke', headers: { cookie: admin, 'sec-fetch-site': 'same-origin' } });
    expect(revoke.statusCode).toBe(200);
  });
});

describe('origin rules', () => {
  it.each([
    ['http://hall.test', 'hall.test', true],
    ['https://hall.test', 'hall.test', true],
    ['http://hall.test', 'hall.test:80', true],
    ['https://hall.test', 'hall.test:443', true],
    ['http://HALL.test:8080', 'hall.TEST:8080', true],
    ['http://192.168.1.10:8080', '192.168.1.10:8080', true],
    ['http://[::1]:8080', '[::1]:8080', true],
    ['http://hall.test:8080', 'hall.test', false],
    ['http://hall.test', 'hall.test:8080', false],
    ['http://a.hall.test', 'hall.test', false],
    ['null', 'hall.test', false],
    ['file://hall.test', 'hall.test', false],
    ['not a url', 'hall.test', false],
    ['http://hall.test', 'hall.test:80:80', false],
  ])('Origin %s, Host %s -> %s', (origin, host, same) => {
    expect(originMatchesHost(origin, host)).toBe(same);
  });

  const base = { cookieCredentials: true, bearer: false, secFetchSite: undefined, origin: undefined, hosts: ['hall.test'] };
  it.each([
    [{ cookieCredentials: false, origin: EVIL }, false],
    [{ secFetchSite: 'same-origin', origin: EVIL }, false],
    [{ secFetchSite: 'none' }, false],
    [{ secFetchSite: 'cross-site', origin: 'http://hall.test' }, true],
    [{ secFetchSite: 'same-site' }, true],
    [{ origin: 'http://hall.test' }, false],
    [{ origin: EVIL }, true],
    [{ origin: EVIL, bearer: true }, true],
    [{}, true],
    [{ bearer: true }, false],
  ] as [Partial<typeof base>, boolean][])('%j -> refused: %s', (over, refused) => {
    expect(isCrossOrigin({ ...base, ...over })).toBe(refused);
  });
});

describe('the legacy mini-program API from a page of another site', () => {
  let legacy: TestApp;
  beforeAll(async () => {
    legacy = await makeTestApp({ now: '2026-11-25T09:30:00+08:00' });
  });
  afterAll(() => legacy.close());
  const walkIn = (headers: Record<string, string>) =>
    legacy.app.inject({
      method: 'POST',
      url: '/order/selectByOrder',
      payload: 'takeType=0&serviceId=0',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
  const tickets = () => legacy.store.db.selectFrom('ticket').select('id').execute();

  it('a form posted from another site in the kiosk’s browser gets no number', async () => {
    const fromElsewhere: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'http://evil.example' },
      { 'sec-fetch-site': 'same-site', origin: 'http://other.localhost' },
    ];
    for (const headers of fromElsewhere) {
      const res = await walkIn(headers);
      expect(res.json()).toMatchObject({ code: '101', msg: '请求来自其他网站，已拒绝' });
    }
    expect(await tickets()).toEqual([]);
  });

  it('the mini-program (no Fetch Metadata, no Origin) and our own page still get numbers', async () => {
    expect((await walkIn({})).json()).toMatchObject({ code: '22' });
    expect((await walkIn({ 'sec-fetch-site': 'same-origin' })).json()).toMatchObject({ code: '22' });
    expect(await tickets()).toHaveLength(2);
  });
});
