// Guessing passwords slows only the guesser: attempts are counted per (account, address) and per
// address before the password hash is checked, and the real admin at another desk still gets in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStaff } from '../../src/server/services/auth.service.js';
import { verifyPassword } from '../../src/server/services/password.js';
import { type TestApp, makeTestApp, testContext } from '../support/test-app.js';

const NOW = '2026-11-25T10:00:00+08:00'; // 02:00 UTC: a 15-minute window starts here
const PASSWORD = 'Hall-chief-pass-7';
const ATTACKER = '203.0.113.7';
const ADMIN_DESK = '192.168.10.5';

let t: TestApp;
/** How many times a password was checked against a hash (scrypt), real or dummy. */
let hashChecks = 0;

beforeEach(async () => {
  hashChecks = 0;
  t = await makeTestApp({
    now: NOW,
    verifyPassword: (password, stored) => {
      hashChecks++;
      return verifyPassword(password, stored);
    },
  });
  const ctx = testContext(t.store.db, () => new Date(NOW));
  await createStaff(ctx, {
    username: 'admin',
    password: PASSWORD,
    role: 'admin',
    hallId: 1,
  });
});
afterEach(() => t.close());

async function login(username: string, password: string, remoteAddress: string) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });
  return { status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'] };
}

const sessions = async () => (await t.store.db.selectFrom('staff_session').select('token_hash').execute()).length;

describe('sign-in throttle', () => {
  it('200 parallel wrong guesses from one address: at most 10 reach the password hash; the admin from another address signs in right after', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => login('admin', `wrong-guess-${i}`, ATTACKER)));
    const reached = hashChecks;
    console.info(`sign-in throttle: ${reached} of 200 parallel guesses reached the password hash`);
    expect(reached).toBeLessThanOrEqual(10);
    expect(reached).toBeGreaterThan(0);
    expect(results.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(190);
    for (const r of results.filter((x) => x.status === 429)) {
      expect(r.body).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { retryAfter: 900 } });
      expect(r.retryAfter).toBe('900');
    }
    expect(await sessions()).toBe(0);

    const admin = await login('admin', PASSWORD, ADMIN_DESK);
    expect(admin.status).toBe(200);
    expect(admin.body.staff.username).toBe('admin');
    // The guesser is still shut out, even with the right password.
    const before = hashChecks;
    expect((await login('admin', PASSWORD, ATTACKER)).body.code).toBe('ACCOUNT_LOCKED');
    expect(hashChecks).toBe(before);
  });

  it('ten wrong passwords shut out only that address, for the rest of the 15-minute window', async () => {
    for (let i = 1; i <= 9; i++) expect((await login('admin', `bad-${i}-password`, ATTACKER)).body.code).toBe('INVALID_CREDENTIALS');
    const tenth = await login('admin', 'bad-10-password', ATTACKER);
    expect(tenth.status).toBe(429);
    expect(tenth.body).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { retryAfter: 900 } });
    expect((await login('admin', PASSWORD, ATTACKER)).body.code).toBe('ACCOUNT_LOCKED');
    expect(hashChecks).toBe(10);
    expect((await login('admin', PASSWORD, ADMIN_DESK)).status).toBe(200);
    t.setNow('2026-11-25T10:14:59+08:00');
    expect((await login('admin', PASSWORD, ATTACKER)).body).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { retryAfter: 1 } });
    t.setNow('2026-11-25T10:15:00+08:00');
    expect((await login('admin', PASSWORD, ATTACKER)).status).toBe(200);
  });

  it('a right password forgives the typos before it', async () => {
    for (let i = 1; i <= 9; i++) expect((await login('admin', `typo-${i}-password`, ADMIN_DESK)).status).toBe(401);
    expect((await login('admin', PASSWORD, ADMIN_DESK)).status).toBe(200);
    for (let i = 1; i <= 9; i++) expect((await login('admin', `typo-${i}-password`, ADMIN_DESK)).body.code).toBe('INVALID_CREDENTIALS');
    expect((await login('admin', PASSWORD, ADMIN_DESK)).status).toBe(200);
  });

  it('an unknown account is throttled exactly like a real one (no way to tell them apart)', async () => {
    const real = [];
    const unknown = [];
    for (let i = 1; i <= 11; i++) {
      real.push(await login('admin', `bad-${i}-password`, ATTACKER));
      unknown.push(await login('nobody', `bad-${i}-password`, ATTACKER));
    }
    expect(unknown.map((r) => [r.status, r.body])).toEqual(real.map((r) => [r.status, r.body]));
    expect(hashChecks).toBe(20);
  });

  it('one address trying many accounts (password spraying) stops after 100 attempts, for that address only', async () => {
    for (let i = 0; i < 100; i++) expect((await login(`user-${i}`, 'Spring-2026!', ATTACKER)).body.code, `attempt ${i + 1}`).toBe('INVALID_CREDENTIALS');
    const sprayed = await login('admin', PASSWORD, ATTACKER);
    expect(sprayed.status).toBe(429);
    expect(sprayed.body.code).toBe('ACCOUNT_LOCKED');
    expect(hashChecks).toBe(100);
    expect((await login('admin', PASSWORD, ADMIN_DESK)).status).toBe(200);
  });

  it('guessing from many addresses slows the account down to one attempt per address and window, never locking out the admin', async () => {
    // 50 failures from 5 addresses: the account slows down.
    for (let a = 1; a <= 5; a++) {
      for (let i = 1; i <= 10; i++) await login('admin', `spread-${a}-${i}`, `198.51.100.${a}`);
    }
    expect(hashChecks).toBe(50);
    // A new address gets its first guess and no second one.
    expect((await login('admin', 'spread-6-1', '198.51.100.6')).body.code).toBe('INVALID_CREDENTIALS');
    const second = await login('admin', 'spread-6-2', '198.51.100.6');
    expect(second.status).toBe(429);
    expect(second.body.code).toBe('ACCOUNT_LOCKED');
    expect(hashChecks).toBe(51);
    // Admins see that the account is under attack.
    const admin = await login('admin', PASSWORD, ADMIN_DESK);
    expect(admin.status).toBe(200);
    const cookie = { cookie: `vr_session=${(await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: PASSWORD }, remoteAddress: ADMIN_DESK })).cookies[0]?.value}` };
    const staff = await t.app.inject({ method: 'GET', url: '/api/v1/admin/staff', headers: cookie });
    expect(staff.json().staff.find((s: { username: string }) => s.username === 'admin').locked).toBe(true);
    // The slow-down ends with its window.
    t.setNow('2026-11-25T10:15:00+08:00');
    for (let i = 1; i <= 3; i++) expect((await login('admin', `later-${i}`, '198.51.100.6')).body.code).toBe('INVALID_CREDENTIALS');
  });
});
