// Which wake-up channel live events use: Redis pub/sub when REDIS_URL is set, PostgreSQL's own
// LISTEN/NOTIFY on PostgreSQL, otherwise none (each process polls the event table).
import { openPgNotifyChannel } from '../db/dialect.js';
import type { WakeChannel } from './event-bus.js';
import type { RedisWakeOptions } from './redis-wake.js';

export async function openWakeChannel(
  opts: { redisUrl: string | null; databaseUrl: string; dialect: string },
  hooks: RedisWakeOptions = {},
): Promise<WakeChannel | null> {
  // Loaded only with REDIS_URL: ioredis adds about 7 MB to every worker that imports it.
  if (opts.redisUrl) return (await import('./redis-wake.js')).redisWakeChannel(opts.redisUrl, hooks);
  if (opts.dialect !== 'postgres') return null;
  const pg = await openPgNotifyChannel(opts.databaseUrl, 'vreserve_events', hooks);
  return { wake: () => pg.notify(), onWake: (l) => pg.onNotify(l), close: () => pg.close() };
}
