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

/** People ahead × average minutes, shared by the counters serving the queue; whole minutes, rounded up. */
export function estimateWaitMinutes(ahead: number, averageMinutes: number, counters: number): number {
  if (ahead <= 0) return 0;
  return Math.ceil((ahead * averageMinutes) / Math.max(1, counters));
}
