// LEGACY_API, LEGACY_KIOSK_ALLOW and TRUST_PROXY -> the legacy API's options, every problem in words.
import { isHallCode } from '../../../domain/hall.js';
import { LOOPBACK, type TrustProxy, invalidEntries, parseTrustProxy, splitList } from './client-address.js';

export interface LegacyOptions {
  /** Serve the seed mini-program's API at /business/* and /order/* (LEGACY_API, default on). */
  enabled: boolean;
  /** Addresses/CIDR ranges (or `loopback`) allowed to check in and take walk-in numbers. */
  kioskAllow: string[];
  /**
   * Enforce `kioskAllow`. True once kiosks need a device token: the old client cannot send one,
   * so its check-in and walk-in are then limited to the allowed addresses.
   */
  requireKioskGate: boolean;
  /** Which proxies' X-Forwarded-For is believed when finding the client's address. */
  trustProxy?: TrustProxy;
  /** The hall the old client books and takes numbers in (LEGACY_HALL, a hall code; default the first hall). */
  hall?: string;
}

export const DEFAULT_LEGACY_OPTIONS: Readonly<LegacyOptions> = Object.freeze({
  enabled: true,
  kioskAllow: LOOPBACK,
  requireKioskGate: true,
  trustProxy: false,
});

const ON = ['on', 'true', '1', 'yes'];
const OFF = ['off', 'false', '0', 'no'];

/**
 * Reads the legacy API's settings. Problems are appended to `problems` (config.ts reports them
 * all at once); the returned value then holds the defaults for the settings that were wrong.
 */
export function legacyOptionsFromEnv(
  env: NodeJS.ProcessEnv,
  problems: string[],
  opts: { requireKioskGate?: boolean } = {},
): LegacyOptions {
  let enabled = true;
  const api = (env.LEGACY_API ?? '').trim().toLowerCase();
  if (OFF.includes(api)) enabled = false;
  else if (api !== '' && !ON.includes(api)) problems.push(`LEGACY_API must be "on" or "off" (got "${env.LEGACY_API}")`);

  let kioskAllow = LOOPBACK;
  const allowRaw = env.LEGACY_KIOSK_ALLOW ?? '';
  if (allowRaw.trim() !== '') {
    const entries = splitList(allowRaw);
    const bad = invalidEntries(entries);
    if (bad.length > 0) {
      problems.push(
        `LEGACY_KIOSK_ALLOW must list IP addresses or CIDR ranges such as 192.168.10.0/24, fd00::/8, "loopback" or "none" (not an address: ${bad.map((b) => `"${b}"`).join(', ')})`,
      );
    } else kioskAllow = entries;
  }

  let trustProxy: TrustProxy = false;
  const trust = parseTrustProxy(env.TRUST_PROXY);
  if (trust.ok) trustProxy = trust.value;
  else problems.push(trust.problem);

  const hall = (env.LEGACY_HALL ?? '').trim();
  if (hall !== '' && !isHallCode(hall)) problems.push(`LEGACY_HALL must be a hall code such as MAIN or CD (got "${env.LEGACY_HALL}")`);

  return {
    enabled,
    kioskAllow,
    requireKioskGate: opts.requireKioskGate ?? true,
    trustProxy,
    ...(hall !== '' && isHallCode(hall) ? { hall } : {}),
  };
}
