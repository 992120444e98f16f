import type { Lang } from '../../contracts/errors.js';
import { type HallTime, hallTime } from '../../domain/schedule.js';
import type { Db } from '../repositories/portable.js';
import type { Service } from '../repositories/service.repository.js';
import type { PiiHasher } from './pii.js';

export type Clock = () => Date;

/** Everything a use case needs from outside: the store, the time and the keys. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  hallTz: string;
  pii: PiiHasher;
  /** Told after a transaction that appended events commits, so live clients hear of it at once. */
  events?: { committed(): void };
  /** REQUEUE_BEHIND: how many waiting tickets a passed ticket that comes back lets go first (default 3). */
  requeueBehind?: number;
}

export interface Now {
  instant: Date;
  iso: string;
  local: HallTime;
}

export function nowOf(ctx: ServiceContext): Now {
  const instant = ctx.clock();
  return { instant, iso: instant.toISOString(), local: hallTime(instant, ctx.hallTz) };
}

export function serviceName(service: Service, lang: Lang): string {
  return lang === 'en' ? service.nameEn : service.nameZh;
}
