// An app on a fresh temporary SQLite store with a clock the test moves by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_QUIET_HOURS, DEFAULT_REMINDERS } from '../../src/domain/delivery.js';
import { createContactCipher, dataKeyFrom } from '../../src/server/services/contact-cipher.js';
import type { CitizenMessaging } from '../../src/server/services/notify.service.js';
import type { BackupOptions } from '../../src/server/backup/backup-config.js';
import { type Store, openRateLimitStore, openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { LegacyOptions } from '../../src/server/http/legacy.routes.js';
import type { App } from '../../src/server/http/types.js';
import { createDevice, createStaff } from '../../src/server/services/auth.service.js';
import type { Role } from '../../src/domain/sign-in.js';
import type { Db } from '../../src/server/repositories/portable.js';
import type { ServiceContext } from '../../src/server/services/context.js';
import { FreshReads } from '../../src/server/services/fresh-reads.js';
import { HallDirectory } from '../../src/server/services/hall-directory.js';
import { createPiiHasher } from '../../src/server/services/pii.js';
import type { MetricsOptions } from '../../src/server/metrics/metrics-config.js';
import { type RateLimiter, StoreRateLimiter } from '../../src/server/rate-limit/limiter.js';

export interface TestApp {
  app: App;
  store: Store;
  /** Headers of a paired kiosk (its device token). */
  kiosk: Record<string, string>;
  /** Headers of a paired display board. */
  display: Record<string, string>;
  /** Creates a staff account (once per name) and returns the signed-in session's headers (cookie, Sec-Fetch-Site). */
  signIn(role?: Role, username?: string, hall?: string): Promise<Record<string, string>>;
  /** A use-case context on the test's store and clock (for setting things up without HTTP). */
  ctx: ServiceContext;
  /** Sets the hall clock, e.g. setNow('2026-11-25T09:30:00+08:00'). */
  setNow(iso: string): void;
  close(): Promise<void>;
}

export const TEST_SECRET = 'test-secret-0123456789abcdef';

export interface TestAppOptions {
  now?: string;
  databaseUrl?: string;
  readCacheMs?: number;
  /** Per-address limit of the public routes; default 0 (off). */
  rateLimitPerMinute?: number;
  /** Per-kiosk limit of kiosk check-ins (needs rateLimitPerMinute > 0 or a rateLimiter); default 0 (off). */
  kioskRateLimitPerMinute?: number;
  /** Default: counters in the temp folder's ratelimit.db (or the store when databaseUrl is given). */
  rateLimiter?: RateLimiter;
  /** The legacy API's options; default: buildApp's. */
  legacy?: LegacyOptions;
  /** Checks passwords at sign-in; default scrypt (wrap it to count the calls). */
  verifyPassword?: (password: string, stored: string) => Promise<boolean>;
  /** The server's own backups (BACKUP_DIR …); default none. */
  backup?: BackupOptions;
  /** GET /metrics; default off. */
  metrics?: MetricsOptions;
  /** Text messages: default on with a test data key (nothing is sent unless a test runs a sender). */
  messaging?: CitizenMessaging | null;
}

/** A fixed data key for tests (never a real deployment's). */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

export function testMessaging(overrides: Partial<CitizenMessaging> = {}): CitizenMessaging {
  return {
    contacts: createContactCipher([dataKeyFrom(TEST_DATA_KEY)]),
    reminders: DEFAULT_REMINDERS,
    soonAhead: 3,
    publicUrl: 'http://hall.test',
    // As a server has it unless QUIET_HOURS says otherwise.
    quietHours: DEFAULT_QUIET_HOURS,
    ...overrides,
  };
}

export async function makeTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  let now = Date.parse(opts.now ?? '2026-11-25T08:30:00+08:00');
  const dir = opts.databaseUrl ? null : mkdtempSync(join(tmpdir(), 'vreserve-test-'));
  const store = openStore(opts.databaseUrl ?? `sqlite:${join(dir as string, 'test.db')}`);
  await migrateToLatest(store.db);
  const rateLimitPerMinute = opts.rateLimitPerMinute ?? 0;
  const counters = rateLimitPerMinute > 0 && !opts.rateLimiter && dir ? await openRateLimitStore(dir) : null;
  const rateLimiter = opts.rateLimiter ?? (rateLimitPerMinute > 0 ? new StoreRateLimiter((counters ?? store).db) : undefined);
  const app = await buildApp({
    store,
    clock: () => new Date(now),
    hallTz: 'Asia/Shanghai',
    secret: TEST_SECRET,
    webRoot: join(tmpdir(), 'vreserve-no-web'),
    // The tests move the clock by hand, so cached reads would lag behind it.
    readCacheMs: opts.readCacheMs ?? 0,
    rateLimiter,
    rateLimitPerMinute,
    kioskRateLimitPerMinute: opts.kioskRateLimitPerMinute ?? 0,
    ...(opts.legacy ? { legacy: opts.legacy } : {}),
    ...(opts.verifyPassword ? { verifyPassword: opts.verifyPassword } : {}),
    ...(opts.backup ? { backup: opts.backup } : {}),
    ...(opts.metrics ? { metrics: opts.metrics } : {}),
    ...(opts.messaging === null ? {} : { messaging: opts.messaging ?? testMessaging() }),
  });
  await app.ready();
  const ctx = testContext(store.db, () => new Date(now));
  const bearer = async (kind: 'kiosk' | 'display') => ({
    authorization: `Bearer ${(await createDevice(ctx, 1, kind, kind)).token}`,
  });
  const kiosk = await bearer('kiosk');
  const display = await bearer('display');
  const made = new Set<string>();
  return {
    app,
    store,
    kiosk,
    display,
    ctx,
    async signIn(role: Role = 'staff', username = role === 'admin' ? 'boss' : role === 'city_admin' ? 'mayor' : 'clerk', hall?: string) {
      const password = 'Test-pass-9x!';
      if (!made.has(username)) {
        const hallId = role === 'city_admin' ? null : hall ? ((await ctx.halls.byCode(hall))?.id ?? -1) : 1;
        await createStaff(ctx, { username, password, role, hallId });
        made.add(username);
      }
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'vr_session');
      // What a browser sends from one of our own pages along with the cookie.
      return { cookie: `vr_session=${cookie?.value}`, 'sec-fetch-site': 'same-origin' };
    },
    setNow(iso: string) {
      const t = Date.parse(iso);
      if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
      now = t;
    },
    async close() {
      await app.close();
      await counters?.close();
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A use-case context as the server makes one, on any store and clock. */
export function testContext(db: Db, clock: () => Date = () => new Date(), secret = TEST_SECRET): ServiceContext {
  return {
    db,
    clock,
    hallTz: 'Asia/Shanghai',
    pii: createPiiHasher(secret),
    halls: new HallDirectory(db, 0),
    reads: new FreshReads(0),
    messaging: testMessaging(),
  };
}
