import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get } from '../support/http.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

const json = { 'content-type': 'application/json' };

describe('malformed requests are 4xx with a JSON error, never 5xx', () => {
  it.each([
    ['broken JSON', '{"serviceId": 1,', json, 400],
    ['a JSON array', '[]', json, 400],
    ['JSON null', 'null', json, 400],
    ['empty body', '', json, 400],
    ['wrong content type', '<booking/>', { 'content-type': 'application/xml' }, 415],
    ['plain text', 'serviceId=1', { 'content-type': 'text/plain' }, 415],
    ['huge body', JSON.stringify({ serviceId: 1, name: 'x'.repeat(40_000) }), json, 413],
  ])('%s', async (_name, payload, headers, status) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/bookings', payload, headers });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code: status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'VALIDATION', message: expect.any(String) });
    expect(await t.store.db.selectFrom('booking').select('id').execute()).toEqual([]);
  });

  it('an unknown route is a JSON 404', async () => {
    const res = await get(t.app, '/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: '找不到请求的内容' });
  });

  it('a wrong method is a 404, not a 5xx', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/v1/bookings' });
    expect(res.statusCode).toBe(404);
  });
});

describe('operations', () => {
  it('healthz and readyz', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect((await get(t.app, '/healthz')).body).toEqual({ status: 'ok', version });
    expect((await get(t.app, '/readyz')).body).toEqual({ status: 'ok', store: 'sqlite' });
  });

  it('publishes an OpenAPI 3 document generated from the route schemas', async () => {
    const { status, body } = await get(t.app, '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/services',
      '/api/v1/services/{id}/availability',
      '/api/v1/bookings',
      '/api/v1/bookings/lookup',
      '/api/v1/bookings/{number}/cancel',
      '/api/v1/kiosk/check-in',
      '/api/v1/kiosk/walk-in',
      '/api/v1/t/{token}',
    ]) {
      expect(body.paths, path).toHaveProperty([path]);
    }
    // Issue 12: check-in by ID card, or by a scanned code with the ID card's last 4 (exactly one form).
    const checkInBody = body.paths['/api/v1/kiosk/check-in'].post.requestBody.content['application/json'].schema;
    expect(checkInBody.anyOf.map((form: { required: string[] }) => [...form.required].sort())).toEqual([
      ['idCard'],
      ['idCardLast4', 'token'],
      ['idCardLast4', 'number'],
    ]);
    const booking = body.paths['/api/v1/bookings'].post.responses['201'].content['application/json'].schema.properties.booking;
    expect(booking.properties).toHaveProperty('publicToken');
    const walkIn = body.paths['/api/v1/kiosk/walk-in'].post.responses['201'].content['application/json'].schema.properties.ticket;
    expect(walkIn.properties).toHaveProperty('publicToken');
    const page = body.paths['/api/v1/t/{token}'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(page.properties)).not.toEqual(expect.arrayContaining(['idCardMasked']));
    const bookingBody = body.paths['/api/v1/bookings'].post.requestBody.content['application/json'].schema;
    expect(bookingBody.required).toEqual(expect.arrayContaining(['serviceId', 'date', 'slot', 'idCard', 'phone']));
    // Many halls: the public hall routes, and the `hall` parameter every hall-scoped route takes.
    for (const path of ['/api/v1/halls', '/api/v1/halls/{code}/services', '/api/v1/halls/{code}/suggestions', '/api/v1/admin/city']) {
      expect(body.paths, path).toHaveProperty([path]);
    }
    // The booking app learns from the hall list whether a 短信验证码 is asked (to show the field up front).
    const halls = body.paths['/api/v1/halls'].get.responses['200'].content['application/json'].schema;
    expect(halls.required).toEqual(expect.arrayContaining(['halls', 'verifyPhone', 'contactRetentionDays']));
    expect(halls.properties.verifyPhone.type).toBe('boolean');
    const hallParam = (path: string, method: string) =>
      (body.paths[path][method].parameters as { name: string; in: string }[]).find((p) => p.name === 'hall' && p.in === 'query');
    expect(hallParam('/api/v1/queue', 'get')).toBeDefined();
    expect(hallParam('/api/v1/counters/{number}/call-next', 'post')).toBeDefined();
    expect(hallParam('/api/v1/reports/daily', 'get')).toBeDefined();
  });

  it('serves the docs UI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    // Reached over plain HTTP (a hall's LAN): its scripts must not be asked for over https.
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('sends security headers: a page’s policy on pages, the API’s on its answers', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/services' });
    expect(api.headers['x-content-type-options']).toBe('nosniff');
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers['x-frame-options']).toBe('DENY');
    expect(api.headers).not.toHaveProperty('x-dns-prefetch-control');
    // A refusal too.
    const refused = await t.app.inject({ method: 'POST', url: '/api/v1/bookings', payload: {} });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('hostile URLs', () => {
  it.each(['/%ZZ', '/api/v1/bookings/%ZZ/cancel', '/api/v1/services?%E0=1'])('%s gets a 4xx JSON error', async (url) => {
    const res = await t.app.inject({ method: url.includes('cancel') ? 'POST' : 'GET', url, payload: url.includes('cancel') ? {} : undefined });
    expect(res.statusCode).toBeLessThan(500);
    if (res.statusCode !== 200) expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  it.each([
    ['/api/v1/services/99999999999/availability', 'GET'],
    ['/api/v1/services/1/availability?from=9999-12-31&days=2', 'GET'],
    ['/api/v1/events/public/poll?after=99999999999', 'GET'],
  ])('%s is refused as invalid, not a server error', async (url, method) => {
    const res = await t.app.inject({ method: method as 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
  });
});
