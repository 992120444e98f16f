// CLI entry: `vreserve serve | migrate | check`. `serve` runs one worker process per core
// (node:cluster), all sharing the same store; the primary only supervises.
import cluster from 'node:cluster';
import type { pino } from 'pino';
import { buildApp } from './app.js';
import { type Config, ConfigError, clockFrom, loadConfig } from './config.js';
import { type Store, openRateLimitStore, openStore } from './db/dialect.js';
import { migrateToLatest } from './db/migrate.js';
import { createLogger } from './http/logging.js';
import { type RateLimiter, RedisRateLimiter, StoreRateLimiter } from './rate-limit/limiter.js';
import { loadOrCreateSecret } from './secret.js';
import { checkInvariants } from './services/check.service.js';
import { ADMIN_USAGE, adminCommand, deviceCommand, welcome } from './cli/admin-commands.js';
import { BACKUP_USAGE, backupCommand, restoreCommand } from './cli/backup-commands.js';
import { KEYS_USAGE, keysCommand } from './cli/keys-commands.js';
import { contactsPastRetention } from './services/contact-retention.service.js';
import { recordsPastRetention } from './services/record-retention.service.js';
import { HALL_USAGE, demoCommand, hallCommand } from './cli/hall-commands.js';
import { PERSON_USAGE, personCommand, terminalIo } from './cli/person-commands.js';
import { startBackupSchedule } from './backup/schedule.js';
import { cliLang, describeFailure } from './cli/failure.js';
import { DEFAULT_RESTART_LIMITS } from './cli/restart-policy.js';
import { superviseWorkers } from './cli/supervisor.js';
import { openWakeChannel } from './events/wake-channel.js';
import { smsDriverFor } from './messaging/drivers.js';
import { citizenMessaging, contextFor, startDayCloser } from './runtime.js';
import { ensureFirstAdmin } from './services/auth.service.js';
import { VERSION } from './version.js';

const USAGE = `usage: vreserve <command>

  serve     migrate the store, then serve HTTP with WORKERS processes (default)
  migrate   bring the store's schema up to date and exit
  check     verify the store's invariants (capacity, counts, unique numbers); exit 1 on a problem
  version   print the release (also --version)
${ADMIN_USAGE}
${HALL_USAGE}
${PERSON_USAGE}
${BACKUP_USAGE}
${KEYS_USAGE}

Configuration comes from the environment; see README.md.`;

function configOrExit(): Readonly<Config> {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`vreserve: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

function baseUrl(config: Readonly<Config>): string {
  return `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
}

async function withStore<T>(config: Config, work: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(config.databaseUrl, { poolSize: 2 });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Where the rate-limit counters of every worker and instance meet: Redis when REDIS_URL is set,
 * else the store (on SQLite its own unsynced file beside the database); none when limits are off.
 */
async function openRateLimiter(
  config: Readonly<Config>,
  store: Store,
  logger: pino.Logger,
): Promise<{ limiter: RateLimiter; close(): Promise<void> } | null> {
  if (config.rateLimitPerMinute === 0) return null;
  if (config.redisUrl) {
    const limiter = new RedisRateLimiter(config.redisUrl, { onError: (err) => logger.debug({ err }, 'redis (rate limits)') });
    // Unreachable at start: requests pass unlimited (fail open) while ioredis keeps reconnecting.
    await limiter.connect().catch((err) => logger.warn({ err }, 'redis for rate limits is not reachable; limits are off until it is'));
    return { limiter, close: () => limiter.close() };
  }
  if (store.dialect !== 'sqlite') return { limiter: new StoreRateLimiter(store.db), close: async () => {} };
  const counters = await openRateLimitStore(config.dataDir);
  return { limiter: new StoreRateLimiter(counters.db), close: () => counters.close() };
}

/** Serves HTTP in this process; a one-process server shares the primary's logger (one buffer on stdout). */
async function runWorker(config: Readonly<Config>, logger: pino.Logger = createLogger(config.logLevel)): Promise<void> {
  const secret = config.secret ?? loadOrCreateSecret(config.dataDir, (m) => logger.warn(m));
  const store = openStore(config.databaseUrl);
  const limits = await openRateLimiter(config, store, logger);
  const wake = await openWakeChannel(
    { redisUrl: config.redisUrl, databaseUrl: config.databaseUrl, dialect: store.dialect },
    {
      onError: (err) => logger.warn({ err }, 'live events: wake-up connection lost; reconnecting'),
      onReconnect: (downMs) => logger.info({ downMs }, 'live events: wake-up connection restored'),
    },
  ).catch(
    (err) => {
      logger.warn({ err }, 'live events: no wake-up channel; polling the event table instead');
      return null;
    },
  );
  const app = await buildApp({
    wake,
    secureCookies: config.secureCookies,
    store,
    clock: clockFrom(config),
    hallTz: config.hallTz,
    secret,
    logger,
    legacy: config.legacy,
    rateLimiter: limits?.limiter,
    rateLimitPerMinute: config.rateLimitPerMinute,
    kioskRateLimitPerMinute: config.kioskRateLimitPerMinute,
    requeueBehind: config.requeueBehind,
    noShow: config.noShow,
    holdMinutes: config.holdMinutes,
    priority: config.priority,
    holdExpiryMs: config.holdExpiryMs,
    connections: config.connections,
    backup: config.backup,
    metrics: config.metrics,
    messaging: citizenMessaging(config, logger),
    ...(config.messaging.sender
      ? {
          sender: {
            driver: smsDriverFor(config.messaging.sms, (fields, msg) => logger.info(fields, msg)),
            templates: config.messaging.templates,
            quietHours: config.messaging.quietHours,
            timeoutMs: config.messaging.sms.timeoutMs,
            leaseMs: config.messaging.leaseMs,
          },
        }
      : {}),
    ...(config.messaging.webhookSender ? { webhooks: {} } : {}),
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'finishing in-flight requests');
    await app.close();
    await limits?.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: config.port, host: config.host });
}

async function serve(config: Readonly<Config>): Promise<void> {
  const logger = createLogger(config.logLevel);
  if (config.clock) {
    // Workers must all read the same demo clock: hand them the real instant it was set at.
    process.env.VRESERVE_CLOCK_ANCHOR = String(config.clock.anchorMs);
    logger.warn({ startsAt: new Date(config.clock.startMs).toISOString() }, 'VRESERVE_CLOCK is set: the hall clock is simulated');
  }
  const secret = config.secret ?? loadOrCreateSecret(config.dataDir, (m) => logger.warn(m));
  const url = baseUrl(config);
  // The primary keeps one connection for housekeeping: migrations, the first admin, closing days.
  const store = openStore(config.databaseUrl, { poolSize: 2 });
  // Several instances may start together: each migration runs in one of them (see migrate.ts).
  const applied = (
    await migrateToLatest(store.db, {
      onNewerSchema: (unknown) =>
        logger.warn({ version: VERSION, unknown }, 'a newer release migrated the store; serving on its schema until this instance is upgraded too'),
    })
  ).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  logger.info({ version: VERSION, store: store.location, applied }, 'store ready');
  const ctx = contextFor(config, store, secret);
  const first = await ensureFirstAdmin(ctx);
  startDayCloser(
    ctx,
    (err) => logger.warn({ err }, 'housekeeping (closing days, erasing old phone numbers and records) failed; will retry'),
    config.messaging.contactRetentionDays,
    config.recordRetentionDays,
  );
  startBackupSchedule(config, logger);
  const greet = () => first && process.stdout.write(welcome(first, url));
  if (config.workers === 1) {
    await runWorker(config, logger);
    greet();
    logger.info(`V-Reserve 微预约 is serving at ${url} (1 process)`);
    return;
  }
  if (config.metrics.enabled) (await import('./metrics/registry.js')).answerWorkersForMetrics();
  superviseWorkers({
    workers: config.workers,
    limits: { ...DEFAULT_RESTART_LIMITS, ...config.workerStartLimit },
    logger,
    onServing() {
      greet();
      logger.info(`V-Reserve 微预约 is serving at ${url} (${config.workers} workers)`);
    },
  });
}

async function main(): Promise<void> {
  const [command = 'serve'] = process.argv.slice(2);
  if (cluster.isWorker) return runWorker(configOrExit());
  switch (command) {
    case 'serve':
      return serve(configOrExit());
    case 'migrate': {
      const config = configOrExit();
      let newer: string[] = [];
      const results = await withStore(config, (store) => migrateToLatest(store.db, { onNewerSchema: (unknown) => (newer = unknown) }));
      const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
      if (newer.length) process.stdout.write(`a newer release migrated the store (${newer.join(', ')}); nothing to do\n`);
      else process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'already up to date\n');
      return;
    }
    case 'check': {
      const config = configOrExit();
      const secret = config.secret ?? loadOrCreateSecret(config.dataDir, () => {});
      const report = await withStore(config, async (store) => {
        const found = await checkInvariants(store.db);
        // Phone numbers kept past CONTACT_RETENTION_DAYS (housekeeping erases them every minute).
        const kept = await contactsPastRetention(contextFor(config, store, secret), config.messaging.contactRetentionDays);
        if (kept > 0) found.problems.push(`${kept} booking(s) still keep a phone number more than ${config.messaging.contactRetentionDays} days (CONTACT_RETENTION_DAYS) after their day`);
        // Records kept past RECORD_RETENTION_DAYS (housekeeping erases their personal fields every minute).
        if (config.recordRetentionDays > 0) {
          const old = await recordsPastRetention(contextFor(config, store, secret), config.recordRetentionDays);
          if (old > 0) found.problems.push(`${old} booking(s) still keep personal fields more than ${config.recordRetentionDays} days (RECORD_RETENTION_DAYS) after their day`);
        }
        return found;
      });
      if (report.problems.length === 0) {
        process.stdout.write(`ok: ${report.slots} slots checked; capacity, counts and numbers are consistent\n`);
        return;
      }
      process.stdout.write(`${report.problems.length} problem(s):\n${report.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      process.exitCode = 1;
      return;
    }
    case 'admin':
    case 'device':
    case 'hall':
    case 'demo': {
      const config = configOrExit();
      const secret = config.secret ?? loadOrCreateSecret(config.dataDir, () => {});
      await withStore(config, async (store) => {
        await migrateToLatest(store.db);
        const ctx = contextFor(config, store, secret);
        const args = process.argv.slice(3);
        if (command === 'admin') await adminCommand(ctx, args);
        else if (command === 'device') await deviceCommand(ctx, args, baseUrl(config));
        else if (command === 'hall') await hallCommand(ctx, args);
        else await demoCommand(ctx, args);
      });
      return;
    }
    case 'person': {
      const config = configOrExit();
      const secret = config.secret ?? loadOrCreateSecret(config.dataDir, () => {});
      const io = terminalIo();
      try {
        process.exitCode = await withStore(config, async (store) => {
          await migrateToLatest(store.db);
          return personCommand(contextFor(config, store, secret), process.argv.slice(3), io);
        });
      } finally {
        io.close();
      }
      return;
    }
    case 'backup':
      process.exitCode = await backupCommand(configOrExit(), process.argv.slice(3));
      return;
    case 'keys': {
      const config = configOrExit();
      process.exitCode = await withStore(config, async (store) => {
        await migrateToLatest(store.db);
        return keysCommand(config, store, process.argv.slice(3), (line) => process.stdout.write(`${line}\n`));
      });
      return;
    }
    case 'restore':
      process.exitCode = await restoreCommand(configOrExit(), process.argv.slice(3));
      return;
    case 'version':
    case '--version':
    case '-v':
      process.stdout.write(`vreserve ${VERSION}\n`);
      return;
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      process.stderr.write(`vreserve: unknown command "${command}"\n\n${USAGE}\n`);
      process.exitCode = 2;
  }
}

main().catch((error) => {
  const { message, exitCode } = describeFailure(error, cliLang());
  process.stderr.write(`vreserve: ${message}\n`);
  process.exit(exitCode);
});
