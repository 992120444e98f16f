// Wake-ups over Redis pub/sub, for deployments that set REDIS_URL.
import { Redis } from 'ioredis';
import type { WakeChannel } from './event-bus.js';

const CHANNEL = 'vreserve:events';

export async function redisWakeChannel(url: string): Promise<WakeChannel> {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const sub = new Redis(url, { lazyConnect: true });
  await Promise.all([pub.connect(), sub.connect()]);
  const listeners: (() => void)[] = [];
  sub.on('message', () => {
    for (const l of listeners) l();
  });
  await sub.subscribe(CHANNEL);
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
