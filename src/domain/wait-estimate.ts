// How long someone joining the queue now will wait, from today's measured service times.

/** Default minutes per person before the hall has measured any service today. */
export const DEFAULT_SERVICE_MINUTES = 10;

/** Mean of today's service durations (ms) in minutes, or the fallback without data. */
export function averageServiceMinutes(durationsMs: readonly number[], fallbackMinutes: number): number {
  const valid = durationsMs.filter((d) => Number.isFinite(d) && d > 0);
  if (valid.length === 0) return fallbackMinutes;
  const mean = valid.reduce((a, b) => a + b, 0) / valid.length / 60_000;
  return Math.round(mean * 10) / 10;
}

/** Finished services that the estimate looks back on: the latest ones say how the counters work now. */
export const ROLLING_WINDOW = 20;
/** Fewer finished services than this, and the configured default is the better guess. */
export const MIN_SAMPLES = 5;

/**
 * Minutes per person for an estimate: the median of the latest finished services (so one
 * start-and-finish within a second, or one very long case, does not swing it), never below a
 * floor of a quarter of the configured default (and one minute): a clerk who clicks 开始 and 办结
 * together does not make the service instant. Until MIN_SAMPLES are done, the configured default.
 */
export function typicalServiceMinutes(durationsMs: readonly number[], configuredMinutes: number): number {
  const recent = durationsMs.filter((d) => Number.isFinite(d) && d >= 0).slice(-ROLLING_WINDOW);
  if (recent.length < MIN_SAMPLES) return configuredMinutes;
  const sorted = [...recent].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const medianMs = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const floor = Math.max(1, configuredMinutes / 4);
  return Math.round(Math.max(medianMs / 60_000, floor) * 10) / 10;
}

/** People ahead × average minutes, shared by the counters serving the queue; whole minutes, rounded up. */
export function estimateWaitMinutes(ahead: number, averageMinutes: number, counters: number): number {
  if (ahead <= 0) return 0;
  // Someone is ahead: never "0 minutes" (the screens would say 很快 to a person who must wait).
  return Math.max(1, Math.ceil((ahead * averageMinutes) / Math.max(1, counters)));
}
