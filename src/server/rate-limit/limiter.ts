// Fixed-window hit counters kept outside the process (the store or Redis), so that every worker
// and every instance behind the load balancer counts against the same limit.
import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import { type Db, isRetryableConflict } from '../repositories/portable.js';
import { deleteBucket, deleteExpiredBuckets, incrementBucket } from '../repositories/rate-limit.repository.js';

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window ends (0 when allowed). */
  retryAfterSeconds: number;
  /** Hits left in this window after this one. */
  remaining: number;
}

export interface RateLimiter {
  /** Counts one hit on `bucketKey` in the window containing `nowMs`. Rejects when the store fails. */
  hit(bucketKey: string, limit: number, windowMs: number, nowMs: number): Promise<RateLimitResult>;
  /** Drops the count of `bucketKey` in the window containing `nowMs` (e.g. after a right password). */
  forget(bucketKey: string, windowMs: number, nowMs: number): Promise<void>;
}

export interface Window {
  start: number;
  end: number;
}

export function windowOf(nowMs: number, windowMs: number): Window {
  const start = Math.floor(nowMs / windowMs) * windowMs;
  return { start, end: start + windowMs };
}

export function verdict(hits: number, limit: number, window: Window, nowMs: number): RateLimitResult {
  const allowed = hits <= limit;
  return {
    allowed,
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((window.end - nowMs) / 1000)),
    remaining: Math.max(0, limit - hits),
  };
}

const MAX_ATTEMPTS = 3;

/** Counters in a `rate_limit` table: the main store (PostgreSQL, MySQL) or openRateLimitStore's file. */
export class StoreRateLimiter implements RateLimiter {
  /** Per window length (the public routes count per minute, sign-in per 15 minutes): the window last swept. */
  readonly #sweptWindow = new Map<number, number>();

  constructor(private readonly db: Db) {}

  async hit(bucketKey: string, limit: number, windowMs: number, nowMs: number): Promise<RateLimitResult> {
    const window = windowOf(nowMs, windowMs);
    const hits = await this.#increment(`${bucketKey}|${window.start}`, window.end);
    // Once per window and process, drop the buckets of windows that are over.
    if (this.#sweptWindow.get(windowMs) !== window.start) {
      this.#sweptWindow.set(windowMs, window.start);
      await deleteExpiredBuckets(this.db, nowMs).catch(() => {});
    }
    return verdict(hits, limit, window, nowMs);
  }

  async forget(bucketKey: string, windowMs: number, nowMs: number): Promise<void> {
    await deleteBucket(this.db, `${bucketKey}|${windowOf(nowMs, windowMs).start}`);
  }

  async #increment(bucket: string, expiresAt: number): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await incrementBucket(this.db, bucket, expiresAt);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(error)) throw error;
      }
    }
  }
}

export interface RedisLimiterOptions {
  /** Connection problems (reported by ioredis between commands). */
  onError?: (error: Error) => void;
  keyPrefix?: string;
}

/** Counters in Redis (REDIS_URL): INCR and PEXPIRE in one MULTI. */
export class RedisRateLimiter implements RateLimiter {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(url: string, options: RedisLimiterOptions = {}) {
    this.#prefix = options.keyPrefix ?? 'vreserve:rl:';
    // ioredis (about 7 MB) is loaded by the first Redis limiter, not by every worker that imports this file.
    const { Redis } = createRequire(import.meta.url)('ioredis') as typeof import('ioredis');
    this.#redis = new Redis(url, {
      lazyConnect: true,
      // While Redis is away, fail at once (the HTTP layer lets the request through) instead of
      // queueing commands and holding requests until it is back.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      connectTimeout: 3000,
      retryStrategy: (times) => Math.min(times * 200, 5000),
    });
    const onError = options.onError ?? (() => {});
    this.#redis.on('error', onError);
  }

  /** Resolves once connected; rejects when Redis does not answer (ioredis keeps retrying). */
  async connect(): Promise<void> {
    await this.#redis.connect();
  }

  async hit(bucketKey: string, limit: number, windowMs: number, nowMs: number): Promise<RateLimitResult> {
    const window = windowOf(nowMs, windowMs);
    const key = `${this.#prefix}${bucketKey}|${window.start}`;
    // Relative expiry: the hall clock (nowMs) may run apart from Redis's own clock.
    const ttl = window.end - nowMs + 1000;
    const replies = await this.#redis.multi().incr(key).pexpire(key, ttl).exec();
    const [incr] = replies ?? [];
    if (!incr || incr[0]) throw incr?.[0] ?? new Error('redis: the MULTI was discarded');
    return verdict(Number(incr[1]), limit, window, nowMs);
  }

  async forget(bucketKey: string, windowMs: number, nowMs: number): Promise<void> {
    await this.#redis.del(`${this.#prefix}${bucketKey}|${windowOf(nowMs, windowMs).start}`);
  }

  async close(): Promise<void> {
    if (this.#redis.status === 'ready') await this.#redis.quit().catch(() => this.#redis.disconnect());
    else this.#redis.disconnect();
  }
}

/**
 * Counts on `primary` (Redis) and, while it fails, on `fallback` (the store): for limits that
 * must hold during an outage, such as sign-in attempts, unlike the public routes' which fail open.
 */
export class FailoverRateLimiter implements RateLimiter {
  constructor(
    private readonly primary: RateLimiter,
    private readonly fallback: RateLimiter,
  ) {}

  async hit(bucketKey: string, limit: number, windowMs: number, nowMs: number): Promise<RateLimitResult> {
    try {
      return await this.primary.hit(bucketKey, limit, windowMs, nowMs);
    } catch {
      return this.fallback.hit(bucketKey, limit, windowMs, nowMs);
    }
  }

  async forget(bucketKey: string, windowMs: number, nowMs: number): Promise<void> {
    await Promise.allSettled([this.primary.forget(bucketKey, windowMs, nowMs), this.fallback.forget(bucketKey, windowMs, nowMs)]);
  }
}
