// Hall devices reach the server over plain HTTP by IP address or host name: HTTPS-only headers
// must not be sent to them (upgrade-insecure-requests leaves the page blank), but must be sent
// when the browser came over HTTPS, directly or through a proxy we trust.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, makeTestApp } from '../support/test-app.js';

const HTTPS_ONLY = ['strict-transport-security', 'cross-origin-opener-policy'];

function expectPlain(headers: Record<string, unknown>) {
  for (const h of HTTPS_ONLY) expect(headers, h).not.toHaveProperty(h);
  expect(String(headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  // The rest of the policy stays.
  expect(String(headers['content-security-policy'])).toContain("script-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
}

function expectSecure(headers: Record<string, unknown>) {
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(String(headers['content-security-policy'])).toContain('upgrade-insecure-requests');
}

describe('without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp();
  });
  afterAll(() => t.close());

  it('a plain-HTTP request by host name gets no HTTPS-only headers', async () => {
    const res = await t.app.inject({ url: '/api/v1/services', headers: { host: 'hall.test:8080' } });
    expect(res.statusCode).toBe(200);
    expectPlain(res.headers);
  });

  it('errors and unknown paths too', async () => {
    expectPlain((await t.app.inject({ url: '/nope', headers: { host: '10.1.2.3' } })).headers);
  });

  it('X-Forwarded-Proto from an untrusted peer is ignored', async () => {
    const res = await t.app.inject({ url: '/api/v1/services', headers: { 'x-forwarded-proto': 'https' } });
    expectPlain(res.headers);
  });
});

describe('behind a trusted proxy that terminates TLS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ legacy: { enabled: true, kioskAllow: ['loopback'], requireKioskGate: false, trustProxy: ['127.0.0.1'] } });
  });
  afterAll(() => t.close());

  it('X-Forwarded-Proto: https gets the HTTPS headers', async () => {
    const res = await t.app.inject({ url: '/api/v1/services', headers: { 'x-forwarded-proto': 'https' } });
    expectSecure(res.headers);
  });

  it('the proxy’s own value (the last one) decides, not what the client sent', async () => {
    const res = await t.app.inject({ url: '/api/v1/services', headers: { 'x-forwarded-proto': 'https, http' } });
    expectPlain(res.headers);
  });

  it('a request from an address that is not the proxy is plain', async () => {
    const res = await t.app.inject({ url: '/api/v1/services', remoteAddress: '192.0.2.7', headers: { 'x-forwarded-proto': 'https' } });
    expectPlain(res.headers);
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
