// Wake-ups over Redis pub/sub, for deployments that set REDIS_URL.
import { Redis } from 'ioredis';
import { RECONNECT_FIRST_MS, RECONNECT_MAX_MS, type ReconnectHooks } from '../db/dialect.js';
import type { WakeChannel } from './event-bus.js';

const CHANNEL = 'vreserve:events';

/** Reconnect hooks, and the client name Redis lists the connections under (CLIENT LIST). */
export type RedisWakeOptions = ReconnectHooks & { name?: string };

/**
 * ioredis reconnects by itself (here with the same backoff as PostgreSQL's LISTEN connection).
 * After a reconnect the subscriber subscribes again and then calls the listeners once: a message
 * published while it was away is lost, and the events behind it must not wait for the next poll.
 */
export async function redisWakeChannel(url: string, hooks: RedisWakeOptions = {}): Promise<WakeChannel> {
  const connectionName = hooks.name ?? 'vreserve-wake';
  const retryStrategy = (times: number) => Math.min(RECONNECT_FIRST_MS * 2 ** (times - 1), RECONNECT_MAX_MS);
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectionName, retryStrategy });
  const sub = new Redis(url, { lazyConnect: true, connectionName, retryStrategy, autoResubscribe: false });
  // Connection errors are retried by ioredis; they only go to the log.
  pub.on('error', (error) => hooks.onError?.(error));
  sub.on('error', (error) => hooks.onError?.(error));
  await Promise.all([pub.connect(), sub.connect()]);
  const listeners: (() => void)[] = [];
  const wakeAll = () => {
    for (const l of listeners) l();
  };
  sub.on('message', wakeAll);
  await sub.subscribe(CHANNEL);

  let lostAt: number | null = null;
  sub.on('close', () => {
    lostAt ??= Date.now();
  });
  sub.on('ready', async () => {
    if (lostAt === null) return;
    try {
      await sub.subscribe(CHANNEL);
    } catch (error) {
      // Lost again before the subscription was confirmed: the next 'ready' subscribes.
      hooks.onError?.(error);
      return;
    }
    hooks.onReconnect?.(Date.now() - lostAt);
    lostAt = null;
    wakeAll();
  });

  return {
    async wake() {
      await pub.publish(CHANNEL, '1');
    },
    onWake(listener) {
      listeners.push(listener);
    },
    async close() {
      sub.disconnect();
      pub.disconnect();
    },
  };
}
