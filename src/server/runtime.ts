// What the CLI and the server share: a use-case context on an open store, and the
// housekeeping timer that closes finished days.
import type { Config } from './config.js';
import { clockFrom } from './config.js';
import type { Store } from './db/dialect.js';
import type { ServiceContext } from './services/context.js';
import { closeDay } from './services/day-close.service.js';
import { FreshReads } from './services/fresh-reads.js';
import { HallDirectory } from './services/hall-directory.js';
import { createPiiHasher } from './services/pii.js';
import { contactCipherFor } from './data-key.js';
import type { CitizenMessaging } from './services/notify.service.js';
import { eraseExpiredContacts } from './services/contact-retention.service.js';
import { eraseExpiredRecords } from './services/record-retention.service.js';
import { expireHolds } from './services/waitlist-offer.service.js';

export function contextFor(config: Readonly<Config>, store: Store, secret: string): ServiceContext {
  return {
    db: store.db,
    clock: clockFrom(config),
    hallTz: config.hallTz,
    pii: createPiiHasher(secret),
    halls: new HallDirectory(store.db),
    // A command-line tool runs a few use cases: it reads the store every time.
    reads: new FreshReads(0),
    requeueBehind: config.requeueBehind,
    noShow: config.noShow,
    holdMinutes: config.holdMinutes,
    priority: config.priority,
  };
}

/** What the use cases need to reach citizens: the data keys (DATA_KEY or DATA_DIR/data.keys) and the plan. */
export function citizenMessaging(config: Readonly<Config>, logger: { warn(msg: string): void }): CitizenMessaging {
  return {
    contacts: contactCipherFor(config, process.env, (m) => logger.warn(m)),
    reminders: config.messaging.reminders,
    soonAhead: config.messaging.soonAhead,
    publicUrl: config.messaging.publicUrl,
    verifyPhone: config.messaging.verifyPhone,
    retentionDays: config.messaging.contactRetentionDays,
    quietHours: config.messaging.quietHours,
  };
}

/**
 * Housekeeping, now and every minute: closes finished days, erases phone numbers kept past
 * CONTACT_RETENTION_DAYS and the personal fields of records past RECORD_RETENTION_DAYS (0 or
 * absent: kept). Returns a function that stops it.
 */
export function startDayCloser(ctx: ServiceContext, onError: (error: unknown) => void, retentionDays?: number, recordDays?: number): () => void {
  let runs = 0;
  const run = () => {
    // Every older day once at start (the server may have been off) and once a day; else the days just passed.
    const recent = runs % 1440 === 0 ? undefined : 3;
    runs++;
    void closeDay(ctx)
      .then(async () => {
        if (retentionDays) await eraseExpiredContacts(ctx, retentionDays, recent);
        if (recordDays) await eraseExpiredRecords(ctx, recordDays, recent);
      })
      .catch(onError);
  };
  run();
  const timer = setInterval(run, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * 候补 holds past their time end and pass their place on, every HOLD_EXPIRY_MS (default 10 s), in
 * every worker (they queue the next offer's message, so they need the messaging keys). Any process may do it (each hold is ended by one conditional UPDATE), so a process that dies never
 * strands a hold: it expires by its time, in whichever process looks next.
 */
export function startHoldExpiry(ctx: ServiceContext, onError: (error: unknown) => void, everyMs: number): () => void {
  let running = false;
  const run = () => {
    if (running) return;
    running = true;
    void expireHolds(ctx)
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
