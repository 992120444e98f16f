// The sign-in throttle on every real store and on Redis: 200 parallel wrong guesses from one
// address reach the password hash at most 10 times, and the admin at another desk gets in.
import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../../src/domain/sign-in.js';
import { RedisRateLimiter } from '../../src/server/rate-limit/limiter.js';
import { createStaff } from '../../src/server/services/auth.service.js';
import { verifyPassword } from '../../src/server/services/password.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TestApp, type TestAppOptions, makeTestApp, testContext } from '../support/test-app.js';

const NOW = '2026-11-25T10:00:00+08:00';
const PASSWORD = 'Hall-chief-pass-7';
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

async function guessingRun(opts: TestAppOptions): Promise<void> {
  let hashChecks = 0;
  const t: TestApp = await makeTestApp({
    ...opts,
    now: NOW,
    verifyPassword: (password, stored) => {
      hashChecks++;
      return verifyPassword(password, stored);
    },
  });
  try {
    const ctx = testContext(t.store.db, () => new Date(NOW));
    await createStaff(ctx, {
      username: 'admin',
      password: PASSWORD,
      role: 'admin',
      hallId: 1,
    });
    const login = (password: string, remoteAddress: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password }, remoteAddress });
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => login(`wrong-guess-${i}`, '203.0.113.7')));
    console.info(`sign-in throttle: ${hashChecks} of 200 parallel guesses reached the password hash`);
    expect(hashChecks).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccountAndAddress);
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    expect((await login(PASSWORD, '192.168.10.5')).statusCode).toBe(200);
    expect((await login(PASSWORD, '203.0.113.7')).json().code).toBe('ACCOUNT_LOCKED');
  } finally {
    await t.close();
  }
}

for (const kind of wantedStores()) {
  describe(`sign-in throttle on ${kind}`, () => {
    let temp: TempDatabase | null = null;
    afterAll(async () => {
      await temp?.drop();
    });

    it('200 parallel wrong guesses: at most 10 reach the hash; the admin from another address signs in', async (c) => {
      if (kind !== 'sqlite') {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return c.skip();
      }
      await guessingRun(temp ? { databaseUrl: temp.url } : {});
    });
  });
}

describe('sign-in throttle with Redis counters', () => {
  it('200 parallel wrong guesses: at most 10 reach the hash; the admin from another address signs in', async (c) => {
    const probe = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    const reachable = await probe.connect().then(
      () => true,
      () => false,
    );
    probe.disconnect();
    if (!reachable) {
      if (process.env.CI === 'true') throw new Error(`redis at ${REDIS_URL} is not reachable (CI requires Redis)`);
      return c.skip();
    }
    const limiter = new RedisRateLimiter(REDIS_URL, { keyPrefix: `vreserve:test:${randomBytes(4).toString('hex')}:` });
    await limiter.connect();
    try {
      await guessingRun({ rateLimiter: limiter });
    } finally {
      await limiter.close();
    }
  });
});
