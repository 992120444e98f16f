import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaff, ensureFirstAdmin } from '../../src/server/services/auth.service.js';
import { get, post } from '../support/http.js';
import { type TestApp, makeTestApp, testContext } from '../support/test-app.js';

let t: TestApp;
let now = Date.parse('2026-11-25T10:00:00+08:00');
const ctx = () => testContext(t.store.db, () => new Date(now));

beforeEach(async () => {
  now = Date.parse('2026-11-25T10:00:00+08:00');
  t = await makeTestApp({ now: '2026-11-25T10:00:00+08:00' });
});
afterEach(() => t.close());

const login = (username: string, password: string) => post(t.app, '/api/v1/auth/login', { username, password });

describe('staff sign-in', () => {
  it('signs in with an HttpOnly SameSite=Strict session cookie and signs out', async () => {
    await createStaff(ctx(), {
      username: 'wang',
      password: 'Counter-pass-42',
      role: 'staff',
      hallId: 1,
    });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'wang', password: 'Counter-pass-42' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().staff).toEqual({
      kind: 'staff',
      username: 'wang',
      displayName: 'wang',
      role: 'staff',
      mustChangePassword: false,
      hall: 'MAIN',
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/vr_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict/);
    const cookie = { cookie: `vr_session=${res.cookies[0]?.value}`, 'sec-fetch-site': 'same-origin' };
    expect((await get(t.app, '/api/v1/auth/me', cookie)).body.username).toBe('wang');
    await post(t.app, '/api/v1/auth/logout', {}, cookie);
    expect((await get(t.app, '/api/v1/auth/me', cookie)).status).toBe(401);
  });

  it('the same answer for an unknown user and a wrong password', async () => {
    await createStaff(ctx(), {
      username: 'wang',
      password: 'Counter-pass-42',
      role: 'staff',
      hallId: 1,
    });
    const a = await login('nobody', 'Counter-pass-42');
    const b = await login('wang', 'wrong-password-1');
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.body).toEqual(b.body);
  });

  it('a one-time password must be changed before anything else', async () => {
    const first = await ensureFirstAdmin(ctx());
    expect(first?.username).toBe('admin');
    expect(await ensureFirstAdmin(ctx())).toBeNull();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: first?.password } });
    expect(res.json().staff.mustChangePassword).toBe(true);
    const cookie = { cookie: `vr_session=${res.cookies[0]?.value}`, 'sec-fetch-site': 'same-origin' };
    expect((await get(t.app, '/api/v1/queue', cookie)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await post(t.app, '/api/v1/auth/password', { currentPassword: first?.password, newPassword: 'short' }, cookie);
    expect(weak.body).toMatchObject({ code: 'WEAK_PASSWORD', details: { reason: 'TOO_SHORT' } });
    const ok = await post(t.app, '/api/v1/auth/password', { currentPassword: first?.password, newPassword: 'New-hall-password-9' }, cookie);
    expect(ok.status).toBe(200);
    expect((await get(t.app, '/api/v1/queue', cookie)).status).toBe(200);
    expect((await login('admin', first?.password as string)).status).toBe(401);
  });

  it('staff may not manage devices; admins may', async () => {
    const staff = await t.signIn('staff');
    expect((await post(t.app, '/api/v1/devices', { kind: 'kiosk', name: 'K2' }, staff)).status).toBe(403);
    const admin = await t.signIn('admin');
    const made = await post(t.app, '/api/v1/devices', { kind: 'kiosk', name: 'K2' }, admin);
    expect(made.status).toBe(201);
    expect(made.body.pairPath).toBe(`/kiosk#pair=${made.body.token}`);
  });
});

describe('devices', () => {
  it('pairing stores the token in an HttpOnly cookie that opens the kiosk routes; revoking closes them', async () => {
    const admin = await t.signIn('admin');
    const { body } = await post(t.app, '/api/v1/devices', { kind: 'kiosk', name: '东门取号机' }, admin);
    const pair = await t.app.inject({ method: 'POST', url: '/api/v1/devices/pair', payload: { token: body.token } });
    expect(pair.statusCode).toBe(200);
    expect(pair.json()).toMatchObject({ kind: 'device', deviceKind: 'kiosk', name: '东门取号机' });
    expect(String(pair.headers['set-cookie'])).toMatch(/vr_device=.*HttpOnly; SameSite=Strict/);
    const cookie = { cookie: `vr_device=${pair.cookies[0]?.value}`, 'sec-fetch-site': 'same-origin' };
    expect((await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, cookie)).status).toBe(201);
    await post(t.app, `/api/v1/devices/${body.device.id}/revoke`, {}, admin);
    expect((await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, cookie)).status).toBe(401);
    const listed = await get(t.app, '/api/v1/devices', admin);
    expect(listed.body.devices.find((d: { id: number }) => d.id === body.device.id).revokedAt).not.toBeNull();
  });

  it('a wrong pairing token is refused', async () => {
    const res = await post(t.app, '/api/v1/devices/pair', { token: 'not-a-real-token-at-all' });
    expect(res.status).toBe(401);
  });

  it('tokens are stored only as hashes', async () => {
    const rows = await t.store.db.selectFrom('device').select('token_hash').execute();
    const token = t.kiosk.authorization?.slice(7) as string;
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });
});
