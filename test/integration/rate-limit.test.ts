// The shared rate-limit counters on every real store and on Redis: parallel hits never let more
// than the limit through, windows roll over, and separate connections (workers, instances) count
// together.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store, openRateLimitStore, openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { type RateLimiter, RedisRateLimiter, StoreRateLimiter } from '../../src/server/rate-limit/limiter.js';
import { bucketHits } from '../../src/server/repositories/rate-limit.repository.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-25T08:30:00+08:00') + 5_000;

function uniqueKey(name: string): string {
  return `POST /test/${name}|10.0.0.${randomBytes(1)[0]}|${randomBytes(4).toString('hex')}`;
}

/** The shared suite: two limiters on two connections to the same counters. */
function limiterSuite(
  label: string,
  sweeps: boolean,
  open: () => Promise<{ a: RateLimiter; b: RateLimiter; hits?: (bucket: string) => Promise<number> } | null>,
) {
  describe(label, () => {
    let pair: Awaited<ReturnType<typeof open>> = null;
    beforeAll(async () => {
      pair = await open();
    });

    it('20 parallel hits with a limit of 10: exactly 10 allowed', async (c) => {
      if (!pair) return c.skip();
      const { a } = pair;
      const key = uniqueKey('parallel');
      const results = await Promise.all(Array.from({ length: 20 }, () => a.hit(key, 10, MINUTE, T0)));
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
      expect(
        results
          .filter((r) => r.allowed)
          .map((r) => r.remaining)
          .sort((x, y) => x - y),
      ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      for (const r of results.filter((x) => !x.allowed)) expect(r).toEqual({ allowed: false, retryAfterSeconds: 55, remaining: 0 });
    });

    it('two connections share one count, also in parallel', async (c) => {
      if (!pair) return c.skip();
      const { a, b } = pair;
      const key = uniqueKey('shared');
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).hit(key, 10, MINUTE, T0)));
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
      expect((await a.hit(key, 10, MINUTE, T0)).allowed).toBe(false);
      expect((await b.hit(key, 10, MINUTE, T0)).allowed).toBe(false);

      const sequential = uniqueKey('sequential');
      expect(await a.hit(sequential, 2, MINUTE, T0)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 1 });
      expect(await b.hit(sequential, 2, MINUTE, T0)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 0 });
      expect((await a.hit(sequential, 2, MINUTE, T0)).allowed).toBe(false);
    });

    it('a new window allows again', async (c) => {
      if (!pair) return c.skip();
      const { a, b } = pair;
      const key = uniqueKey('rollover');
      expect((await a.hit(key, 1, MINUTE, T0)).allowed).toBe(true);
      const refused = await b.hit(key, 1, MINUTE, T0 + 54_500);
      expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1, remaining: 0 });
      const nextWindow = T0 + 55_000;
      expect(await b.hit(key, 1, MINUTE, nextWindow)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 0 });
      expect((await a.hit(key, 1, MINUTE, nextWindow)).allowed).toBe(false);
    });

    it('forget drops a bucket’s count for every connection, in that window only', async (c) => {
      if (!pair) return c.skip();
      const { a, b } = pair;
      const key = uniqueKey('forget');
      for (let i = 0; i < 3; i++) await a.hit(key, 3, MINUTE, T0);
      expect((await b.hit(key, 3, MINUTE, T0)).allowed).toBe(false);
      await b.forget(key, MINUTE, T0);
      expect(await a.hit(key, 3, MINUTE, T0)).toEqual({ allowed: true, retryAfterSeconds: 0, remaining: 2 });
      await a.forget(uniqueKey('never-hit'), MINUTE, T0);
    });

    // Redis expires its keys itself (see the PEXPIRE test below).
    if (sweeps) {
      it('drops the buckets of windows that are over', async (c) => {
        const hits = pair?.hits;
        if (!pair || !hits) return c.skip();
        // Each limiter sweeps on its first hit in a window: b does at T0 + 3 min.
        const key = uniqueKey('sweep');
        const windowStart = Math.floor(T0 / MINUTE) * MINUTE;
        await pair.a.hit(key, 5, MINUTE, T0);
        expect(await hits(`${key}|${windowStart}`)).toBe(1);
        await pair.b.hit(key, 5, MINUTE, T0 + 3 * MINUTE);
        expect(await hits(`${key}|${windowStart}`)).toBe(0);
        expect(await hits(`${key}|${windowStart + 3 * MINUTE}`)).toBe(1);
      });
    }
  });
}

function storePair(first: Store, second: Store) {
  return { a: new StoreRateLimiter(first.db), b: new StoreRateLimiter(second.db), hits: (bucket: string) => bucketHits(first.db, bucket) };
}

for (const kind of wantedStores()) {
  const opened: Store[] = [];
  let temp: TempDatabase | null = null;
  let dir: string | null = null;

  afterAll(async () => {
    for (const s of opened.splice(0)) await s.close();
    await temp?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  limiterSuite(`StoreRateLimiter on ${kind}`, true, async () => {
    let url: string;
    if (kind === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'vreserve-rl-'));
      url = `sqlite:${join(dir, 'main.db')}`;
    } else {
      temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
      if (!temp) return null;
      url = temp.url;
    }
    const first = openStore(url, { poolSize: 10 });
    opened.push(first);
    await migrateToLatest(first.db);
    const second = openStore(url, { poolSize: 10 });
    opened.push(second);
    return storePair(first, second);
  });
}

describe('openRateLimitStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vreserve-rlfile-'));
  const opened: Store[] = [];
  afterAll(async () => {
    for (const s of opened) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  limiterSuite('StoreRateLimiter on <DATA_DIR>/ratelimit.db', true, async () => {
    // Two opens of the same file, as two workers do; the second finds the table already there.
    const first = await openRateLimitStore(dir);
    opened.push(first);
    const second = await openRateLimitStore(dir);
    opened.push(second);
    expect(first.location).toBe(`sqlite:${join(dir, 'ratelimit.db')}`);
    // No fsync per request: WAL with synchronous=OFF (0).
    expect((await sql`pragma journal_mode`.execute(first.db)).rows).toEqual([{ journal_mode: 'wal' }]);
    expect((await sql`pragma synchronous`.execute(first.db)).rows).toEqual([{ synchronous: 0 }]);
    return storePair(first, second);
  });
});

describe('Redis', () => {
  const url = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
  const keyPrefix = `vreserve:test:${randomBytes(4).toString('hex')}:`;
  const limiters: RedisRateLimiter[] = [];
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  afterAll(async () => {
    for (const l of limiters) await l.close();
    probe.disconnect();
  });

  limiterSuite('RedisRateLimiter', false, async () => {
    const a = new RedisRateLimiter(url, { keyPrefix });
    const b = new RedisRateLimiter(url, { keyPrefix });
    limiters.push(a, b);
    try {
      await Promise.all([a.connect(), b.connect()]);
    } catch (error) {
      const reason = `redis at ${url.replace(/\/\/[^@/]*@/, '//***@')} is not reachable: ${(error as Error).message}`;
      if (process.env.CI === 'true') throw new Error(`${reason} (CI requires Redis)`);
      console.warn(`skipping RedisRateLimiter: ${reason}`);
      return null;
    }
    return { a, b };
  });

  it('gives every bucket an expiry at the end of its window', async (c) => {
    const reachable = await probe.ping().then(
      () => true,
      () => false,
    );
    if (!reachable) return c.skip();
    const limiter = new RedisRateLimiter(url, { keyPrefix });
    limiters.push(limiter);
    await limiter.connect();
    const key = uniqueKey('ttl');
    await limiter.hit(key, 5, MINUTE, T0);
    const ttl = await probe.pttl(`${keyPrefix}${key}|${Math.floor(T0 / MINUTE) * MINUTE}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(56_000);
  });

  it('fails fast, not hanging, while Redis is unreachable', async () => {
    const down = new RedisRateLimiter('redis://127.0.0.1:1', { keyPrefix });
    limiters.push(down);
    await expect(down.connect()).rejects.toThrow();
    await expect(down.hit('k', 1, MINUTE, T0)).rejects.toThrow();
  });
});
