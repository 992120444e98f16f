// Environment -> one frozen, validated config. Every problem is reported at once, in words.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { isValidTimeZone } from '../domain/schedule.js';
import { wholeNumber } from './env-number.js';
import { type BackupOptions, backupOptionsFromEnv } from './backup/backup-config.js';
import { dialectOf } from './db/dialect.js';
import { type ConnectionLimits, defaultMaxConnections } from './http/connection-limits.js';
import { type LegacyOptions, legacyOptionsFromEnv } from './http/legacy/legacy-config.js';
import { type MessagingOptions, messagingOptionsFromEnv } from './messaging/messaging-config.js';
import { type MetricsOptions, metricsOptionsFromEnv } from './metrics/metrics-config.js';
import { type NoShowOptions, noShowOptionsFromEnv } from './no-show-config.js';
import { type PriorityOptions, priorityOptionsFromEnv } from './priority-config.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  workers: number;
  /** Workers failing to start this many times within intervalMs stop the server (WORKER_START_LIMIT_BURST, …_INTERVAL_SEC). */
  workerStartLimit: { burst: number; intervalMs: number };
  hallTz: string;
  secret: string | null;
  logLevel: string;
  production: boolean;
  /** Demo/acceptance clock: the hall clock read `startMs` at real time `anchorMs`, then runs on. */
  clock: { startMs: number; anchorMs: number } | null;
  /**
   * Session and device cookies are marked Secure (COOKIE_SECURE): `auto` (default) when the request
   * came over HTTPS, `true` always (an HTTPS-only deployment), `false` never.
   */
  secureCookies: boolean | 'auto';
  /** The seed mini-program's API (LEGACY_API, LEGACY_KIOSK_ALLOW, TRUST_PROXY). */
  legacy: LegacyOptions;
  /** Requests per minute per public route and client address (RATE_LIMIT_PER_MINUTE); 0 = off. */
  rateLimitPerMinute: number;
  /** Kiosk check-ins per minute per paired kiosk (KIOSK_RATE_LIMIT_PER_MINUTE); 0 = off. */
  kioskRateLimitPerMinute: number;
  /** REQUEUE_BEHIND: how many waiting tickets a passed (过号) ticket that comes back lets go first. */
  requeueBehind: number;
  /** HOLD_MINUTES: how long a place freed for the first in a 候补 line is held for them. */
  holdMinutes: number;
  /** HOLD_EXPIRY_MS: how often each worker looks for 候补 holds past their time. */
  holdExpiryMs: number;
  /** Redis for shared rate-limit counters (REDIS_URL); else they live in the store. */
  redisUrl: string | null;
  /** Timeouts and connection caps against slow and hostile clients. */
  connections: ConnectionLimits;
  /** The server's own backups (BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP, BACKUP_PASSPHRASE). */
  backup: BackupOptions;
  /** GET /metrics (METRICS, METRICS_ALLOW). */
  metrics: MetricsOptions;
  /** Text messages to citizens (SMS_DRIVER, QUIET_HOURS, PUBLIC_URL, CONTACT_RETENTION_DAYS …). */
  messaging: MessagingOptions;
  /** RECORD_RETENTION_DAYS: days after which bookings and tickets lose their personal fields (default 1095; 0 = never). */
  recordRetentionDays: number;
  /** DATA_KEY: the AES-256 key for phone numbers kept to send messages; else generated into DATA_DIR. */
  dataKey: string | null;
  /** 爽约 rule defaults and unused places (NO_SHOW_*, LATE_CANCEL_MINUTES, RELEASE_AFTER_MINUTES). */
  noShow: NoShowOptions;
  /** 优先 tickets (PRIORITY_AGE, PRIORITY_MAX_PASSES, PRIORITY_MAX_EXTRA_MINUTES, PRIORITY_RESERVE). */
  priority: PriorityOptions;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];


export function loadConfig(env: NodeJS.ProcessEnv = process.env, realNow: number = Date.now()): Readonly<Config> {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(env.DATA_DIR || './data');
  const databaseUrl = env.DATABASE_URL || `sqlite:${resolve(dataDir, 'vreserve.db')}`;
  try {
    dialectOf(databaseUrl);
  } catch (e) {
    problems.push((e as Error).message);
  }
  const hallTz = env.HALL_TZ || 'Asia/Shanghai';
  if (!isValidTimeZone(hallTz)) problems.push(`HALL_TZ must be an IANA time zone such as Asia/Shanghai (got "${hallTz}")`);
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  const secret = env.SECRET || null;
  if (secret !== null && secret.length < 16) problems.push('SECRET must be at least 16 characters long');
  if (env.REDIS_URL && !/^rediss?:\/\//.test(env.REDIS_URL)) {
    // Not echoed: the URL may hold a password.
    problems.push('REDIS_URL must start with redis:// or rediss://, e.g. redis://127.0.0.1:6379');
  }

  let clock: Config['clock'] = null;
  if (env.VRESERVE_CLOCK) {
    const startMs = Date.parse(env.VRESERVE_CLOCK);
    if (production) problems.push('VRESERVE_CLOCK is for demos and tests; it is refused when NODE_ENV=production');
    else if (Number.isNaN(startMs)) {
      problems.push(`VRESERVE_CLOCK must be an ISO instant such as 2026-11-25T08:30:00+08:00 (got "${env.VRESERVE_CLOCK}")`);
    } else {
      const anchor = env.VRESERVE_CLOCK_ANCHOR ? Number(env.VRESERVE_CLOCK_ANCHOR) : realNow;
      clock = { startMs, anchorMs: Number.isFinite(anchor) ? anchor : realNow };
    }
  }

  const connections: ConnectionLimits = {
    headersTimeoutMs: wholeNumber(env, 'HEADERS_TIMEOUT_MS', 10_000, 100, 600_000, problems),
    requestTimeoutMs: wholeNumber(env, 'REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000, problems),
    keepAliveTimeoutMs: wholeNumber(env, 'KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000, problems),
    maxConnections: wholeNumber(env, 'MAX_CONNECTIONS', defaultMaxConnections(), 0, 10_000_000, problems),
    maxConnectionsPerAddress: wholeNumber(env, 'MAX_CONNECTIONS_PER_ADDRESS', 256, 0, 10_000_000, problems),
  };
  if (connections.headersTimeoutMs > connections.requestTimeoutMs) {
    problems.push(
      `HEADERS_TIMEOUT_MS (${connections.headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${connections.requestTimeoutMs}): the headers are part of the request`,
    );
  }

  const config: Config = {
    port: wholeNumber(env, 'PORT', 8080, 0, 65535, problems),
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl,
    workers: wholeNumber(env, 'WORKERS', availableParallelism(), 1, 64, problems),
    workerStartLimit: {
      burst: wholeNumber(env, 'WORKER_START_LIMIT_BURST', 5, 1, 1000, problems),
      intervalMs: wholeNumber(env, 'WORKER_START_LIMIT_INTERVAL_SEC', 60, 1, 86_400, problems) * 1000,
    },
    hallTz,
    secret,
    logLevel,
    production,
    clock,
    legacy: legacyOptionsFromEnv(env, problems),
    secureCookies: cookieSecurity(env.COOKIE_SECURE, problems),
    rateLimitPerMinute: wholeNumber(env, 'RATE_LIMIT_PER_MINUTE', 10, 0, 1_000_000, problems),
    kioskRateLimitPerMinute: wholeNumber(env, 'KIOSK_RATE_LIMIT_PER_MINUTE', 20, 0, 1_000_000, problems),
    requeueBehind: wholeNumber(env, 'REQUEUE_BEHIND', 3, 0, 100, problems),
    holdMinutes: wholeNumber(env, 'HOLD_MINUTES', 30, 1, 1440, problems),
    holdExpiryMs: wholeNumber(env, 'HOLD_EXPIRY_MS', 10_000, 50, 600_000, problems),
    redisUrl: env.REDIS_URL || null,
    connections,
    backup: backupOptionsFromEnv(env, problems),
    metrics: metricsOptionsFromEnv(env, problems),
    messaging: messagingOptionsFromEnv(env, problems),
    dataKey: dataKeyFrom(env, problems),
    recordRetentionDays: recordRetentionFrom(env, problems),
    noShow: noShowOptionsFromEnv(env, problems),
    priority: priorityOptionsFromEnv(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

function cookieSecurity(raw: string | undefined, problems: string[]): boolean | 'auto' {
  const value = (raw ?? '').trim().toLowerCase();
  if (value === '' || value === 'auto') return 'auto';
  if (value === 'true') return true;
  if (value === 'false') return false;
  problems.push(`COOKIE_SECURE must be auto, true or false (got "${raw}")`);
  return 'auto';
}

export function clockFrom(config: Pick<Config, 'clock'>): () => Date {
  const c = config.clock;
  if (!c) return () => new Date();
  return () => new Date(c.startMs + (Date.now() - c.anchorMs));
}

/** RECORD_RETENTION_DAYS when unset: three years. */
export const DEFAULT_RECORD_RETENTION_DAYS = 1095;

/** RECORD_RETENTION_DAYS: whole days from 30 to 36500, or 0 / off (records keep their personal fields). */
function recordRetentionFrom(env: NodeJS.ProcessEnv, problems: string[]): number {
  const raw = (env.RECORD_RETENTION_DAYS ?? '').trim().toLowerCase();
  if (raw === 'off') return 0;
  const days = wholeNumber({ RECORD_RETENTION_DAYS: raw }, 'RECORD_RETENTION_DAYS', DEFAULT_RECORD_RETENTION_DAYS, 0, 36_500, problems);
  if (days > 0 && days < 30) {
    problems.push(`RECORD_RETENTION_DAYS must be 0 (or off) or at least 30 days, so that a day's records outlive its reports' checks (got "${raw}")`);
    return DEFAULT_RECORD_RETENTION_DAYS;
  }
  return days;
}

/** DATA_KEY: 32 random bytes, base64 or hex (`openssl rand -base64 32`). */
function dataKeyFrom(env: NodeJS.ProcessEnv, problems: string[]): string | null {
  const raw = (env.DATA_KEY ?? '').trim();
  if (raw === '') return null;
  const bytes = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (bytes.length !== 32) {
    problems.push('DATA_KEY must be 32 random bytes written as base64 or 64 hex digits (make one with: openssl rand -base64 32)');
    return null;
  }
  return raw;
}
