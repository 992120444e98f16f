// METRICS and METRICS_ALLOW -> whether GET /metrics answers, and to whom. Off unless asked for:
// the figures tell an outsider how busy the hall is.
import { LOOPBACK, invalidEntries, splitList } from '../http/legacy/client-address.js';

export interface MetricsOptions {
  /** Serve GET /metrics (METRICS=on; default off). */
  enabled: boolean;
  /** Addresses/CIDR ranges (or `loopback`) that may read it (METRICS_ALLOW; default loopback). */
  allow: string[];
}

export const METRICS_OFF: Readonly<MetricsOptions> = Object.freeze({ enabled: false, allow: LOOPBACK });

const ON = ['on', 'true', '1', 'yes'];
const OFF = ['off', 'false', '0', 'no'];

/** Problems are appended to `problems` (config.ts reports them all at once). */
export function metricsOptionsFromEnv(env: NodeJS.ProcessEnv, problems: string[]): MetricsOptions {
  const raw = (env.METRICS ?? '').trim().toLowerCase();
  let enabled = false;
  if (ON.includes(raw)) enabled = true;
  else if (raw !== '' && !OFF.includes(raw)) problems.push(`METRICS must be "on" or "off" (got "${env.METRICS}")`);

  let allow = LOOPBACK;
  const allowRaw = env.METRICS_ALLOW ?? '';
  if (allowRaw.trim() !== '') {
    const entries = splitList(allowRaw);
    const bad = invalidEntries(entries);
    if (bad.length > 0) {
      problems.push(
        `METRICS_ALLOW must list IP addresses or CIDR ranges such as 10.0.0.5, 192.168.10.0/24, "loopback" or "none" (not an address: ${bad.map((b) => `"${b}"`).join(', ')})`,
      );
    } else allow = entries;
  }
  return { enabled, allow };
}
