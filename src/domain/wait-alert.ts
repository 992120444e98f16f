// 最长等候: each service's longest acceptable wait (default 30 minutes). A ticket waiting longer is
// overdue: marked at the counters and on the admin's today screen as it crosses the line, and
// counted in the reports with the median and p90 of the waits and service times. Pure.
import type { ServiceSchedule } from './schedule.js';
import { percentile } from './staff-figures.js';

export const DEFAULT_MAX_WAIT_MINUTES = 30;

export function maxWaitMinutesOf(schedule: Pick<ServiceSchedule, 'maxWaitMinutes'>): number {
  return schedule.maxWaitMinutes ?? DEFAULT_MAX_WAIT_MINUTES;
}

/** Waited longer than the service's maximum. */
export function isOverdue(waitedMinutes: number, maxWaitMinutes: number): boolean {
  return waitedMinutes > maxWaitMinutes;
}

export interface WaitFact {
  status: string;
  queuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface WaitFigures {
  /** Tickets that waited longer than the maximum (called late, or still waiting past it). */
  overMaxWait: number;
  /** Of those, still waiting now. */
  waitingOverMaxWait: number;
  p50WaitMinutes: number | null;
  p90WaitMinutes: number | null;
  p50ServiceMinutes: number | null;
  p90ServiceMinutes: number | null;
}

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/** `now`: an ISO instant; a ticket still waiting has waited until then. */
export function waitFigures(tickets: WaitFact[], maxWaitMinutes: number, now: string): WaitFigures {
  const waits: number[] = [];
  let over = 0;
  let waitingOver = 0;
  for (const t of tickets) {
    const end = t.calledAt ?? (t.status === 'waiting' ? now : null);
    if (end === null) continue;
    const waited = minutesBetween(t.queuedAt, end);
    if (!Number.isFinite(waited) || waited < 0) continue;
    if (t.calledAt) waits.push(waited);
    if (isOverdue(waited, maxWaitMinutes)) {
      over++;
      if (!t.calledAt) waitingOver++;
    }
  }
  const services = tickets
    .filter((t) => t.status === 'served' && t.startedAt && t.finishedAt)
    .map((t) => minutesBetween(t.startedAt as string, t.finishedAt as string))
    .filter((m) => Number.isFinite(m) && m >= 0);
  return {
    overMaxWait: over,
    waitingOverMaxWait: waitingOver,
    p50WaitMinutes: round1(percentile(waits, 50)),
    p90WaitMinutes: round1(percentile(waits, 90)),
    p50ServiceMinutes: round1(percentile(services, 50)),
    p90ServiceMinutes: round1(percentile(services, 90)),
  };
}
