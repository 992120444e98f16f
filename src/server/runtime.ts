// What the CLI and the server share: a use-case context on an open store, and the
// housekeeping timer that closes finished days.
import type { Config } from './config.js';
import { clockFrom } from './config.js';
import type { Store } from './db/dialect.js';
import type { ServiceContext } from './services/context.js';
import { closeDay } from './services/day-close.service.js';
import { HallDirectory } from './services/hall-directory.js';
import { createPiiHasher } from './services/pii.js';

export function contextFor(config: Readonly<Config>, store: Store, secret: string): ServiceContext {
  return {
    db: store.db,
    clock: clockFrom(config),
    hallTz: config.hallTz,
    pii: createPiiHasher(secret),
    halls: new HallDirectory(store.db),
    requeueBehind: config.requeueBehind,
  };
}

/** Runs closeDay now and every minute; returns a function that stops it. */
export function startDayCloser(ctx: ServiceContext, onError: (error: unknown) => void): () => void {
  const run = () => void closeDay(ctx).catch(onError);
  run();
  const timer = setInterval(run, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
