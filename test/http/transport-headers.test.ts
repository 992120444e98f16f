// Hall devices reach the server over plain HTTP by IP address or host name: HTTPS-only headers
// must not be sent to them (upgrade-insecure-requests leaves the page blank), but must be sent
// when the browser came over HTTPS, directly or through a proxy we trust.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, makeTestApp } from '../support/test-app.js';

const HTTPS_ONLY = ['strict-transport-security', 'cross-origin-opener-policy'];
// Outside /api/ (the pages' set: /healthz stands for a page here, as it needs no web build) and an
// API answer: each has its own set, in both variants.
const PAGE = '/healthz';
const API = '/api/v1/services';

/** Asks for the page and the API answer with the same request headers; both headers, in that order. */
async function both(t: TestApp, opts: { headers?: Record<string, string>; remoteAddress?: string }) {
  const page = await t.app.inject({ url: PAGE, ...opts });
  const api = await t.app.inject({ url: API, ...opts });
  expect(page.statusCode).toBe(200);
  expect(api.statusCode).toBe(200);
  return [page.headers, api.headers] as const;
}

function expectPlain([page, api]: readonly [Record<string, unknown>, Record<string, unknown>]) {
  for (const h of HTTPS_ONLY) {
    expect(page, h).not.toHaveProperty(h);
    expect(api, h).not.toHaveProperty(h);
  }
  expect(String(page['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  // The rest of the policy stays.
  expect(String(page['content-security-policy'])).toContain("script-src 'self'");
  expect(page['x-content-type-options']).toBe('nosniff');
  expect(api['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api['x-content-type-options']).toBe('nosniff');
}

function expectSecure([page, api]: readonly [Record<string, unknown>, Record<string, unknown>]) {
  expect(page['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(page['cross-origin-opener-policy']).toBe('same-origin');
  expect(String(page['content-security-policy'])).toContain('upgrade-insecure-requests');
  expect(api['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(api['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
}

describe('without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  it('a plain-HTTP request by host name gets no HTTPS-only headers', async () => {
    expectPlain(await both(t, { headers: { host: 'hall.test:8080' } }));
  });

  it('errors and unknown paths too', async () => {
    const unknown = (await t.app.inject({ url: '/nope', headers: { host: '10.1.2.3' } })).headers;
    for (const h of HTTPS_ONLY) expect(unknown, h).not.toHaveProperty(h);
    expect(String(unknown['content-security-policy'])).not.toContain('upgrade-insecure-requests');
    expect(unknown['x-content-type-options']).toBe('nosniff');
  });

  it('X-Forwarded-Proto from an untrusted peer is ignored', async () => {
    expectPlain(await both(t, { headers: { 'x-forwarded-proto': 'https' } }));
  });
});

describe('behind a trusted proxy that terminates TLS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ legacy: { enabled: true, kioskAllow: ['loopback'], requireKioskGate: false, trustProxy: ['127.0.0.1'] } });
  });
  afterAll(() => t.close());

  it('X-Forwarded-Proto: https gets the HTTPS headers', async () => {
    expectSecure(await both(t, { headers: { 'x-forwarded-proto': 'https' } }));
  });

  it('the proxy’s own value (the last one) decides, not what the client sent', async () => {
    expectPlain(await both(t, { headers: { 'x-forwarded-proto': 'https, http' } }));
  });

  it('a request from an address that is not the proxy is plain', async () => {
    expectPlain(await both(t, { remoteAddress: '192.0.2.7', headers: { 'x-forwarded-proto': 'https' } }));
  });
});

describe('session and device cookies', () => {
  let plain: TestApp;
  let proxied: TestApp;
  beforeAll(async () => {
    plain = await makeTestApp();
    proxied = await makeTestApp({ legacy: { enabled: true, kioskAllow: ['loopback'], requireKioskGate: false, trustProxy: ['127.0.0.1'] } });
  });
  afterAll(async () => {
    await plain.close();
    await proxied.close();
  });

  async function pairCookie(t: TestApp, headers: Record<string, string>): Promise<string> {
    const token = t.kiosk.authorization?.slice('Bearer '.length);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/devices/pair', payload: { token }, headers });
    expect(res.statusCode).toBe(200);
    return String(res.headers['set-cookie']);
  }

  it('over plain HTTP the cookie is not Secure, or the browser would drop it', async () => {
    const cookie = await pairCookie(plain, { host: '192.168.1.20:8080' });
    expect(cookie).toMatch(/^vr_device=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
  });

  it('over HTTPS (via the trusted proxy) it is Secure', async () => {
    expect(await pairCookie(proxied, { 'x-forwarded-proto': 'https' })).toContain('Secure');
  });
});
