// Who served whom: figures per staff member and per counter over a range of days, from the
// tickets (who called, started and ended each) and the counters' pauses. Pure.
import type { PauseReason } from './counter-state.js';
import { type Interval, PAUSE_REASONS, secondsWithin } from './counter-state.js';
import type { TicketStatus } from './ticket-status.js';

export interface StaffTicketFact {
  status: TicketStatus;
  counterId: number | null;
  calledBy: number | null;
  finishedBy: number | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface StaffFigures {
  staffId: number;
  /** Tickets this person called (last call). */
  called: number;
  /** 办结 by this person. */
  served: number;
  /** 过号 by this person. */
  noShow: number;
  averageServiceMinutes: number | null;
  p90ServiceMinutes: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The p-th percentile (0–100) by the nearest-rank method; null for no values. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

function serviceMinutes(t: StaffTicketFact): number | null {
  if (t.status !== 'served' || !t.startedAt || !t.finishedAt) return null;
  const m = (Date.parse(t.finishedAt) - Date.parse(t.startedAt)) / 60_000;
  return Number.isFinite(m) && m >= 0 ? m : null;
}

/** One line per staff member who called or ended a ticket, by staff id. */
export function staffFigures(tickets: StaffTicketFact[]): StaffFigures[] {
  const lines = new Map<number, StaffFigures & { durations: number[] }>();
  const line = (staffId: number) => {
    let l = lines.get(staffId);
    if (!l) {
      l = { staffId, called: 0, served: 0, noShow: 0, averageServiceMinutes: null, p90ServiceMinutes: null, durations: [] };
      lines.set(staffId, l);
    }
    return l;
  };
  for (const t of tickets) {
    if (t.calledBy !== null) line(t.calledBy).called++;
    if (t.finishedBy === null) continue;
    if (t.status === 'served') {
      const l = line(t.finishedBy);
      l.served++;
      const m = serviceMinutes(t);
      if (m !== null) l.durations.push(m);
    } else if (t.status === 'no_show') line(t.finishedBy).noShow++;
  }
  return [...lines.values()]
    .sort((a, b) => a.staffId - b.staffId)
    .map(({ durations, ...l }) => {
      const p90 = percentile(durations, 90);
      return {
        ...l,
        averageServiceMinutes: durations.length ? round1(durations.reduce((a, b) => a + b, 0) / durations.length) : null,
        p90ServiceMinutes: p90 === null ? null : round1(p90),
      };
    });
}

export interface PauseFact extends Interval {
  counterId: number;
  reason: PauseReason;
}

export interface CounterFigures {
  counterId: number;
  served: number;
  pausedMinutes: number;
  /** Minutes paused per reason. */
  pausedByReason: Record<PauseReason, number>;
}

/** Per counter: tickets served there and the time it was paused within [from, to) up to `now`. */
export function counterFigures(
  counterIds: number[],
  tickets: StaffTicketFact[],
  pauses: PauseFact[],
  from: Date,
  to: Date,
  now: Date,
): CounterFigures[] {
  return counterIds.map((counterId) => {
    const own = pauses.filter((p) => p.counterId === counterId);
    const byReason = Object.fromEntries(
      PAUSE_REASONS.map((reason) => [reason, round1(secondsWithin(own.filter((p) => p.reason === reason), from, to, now) / 60)]),
    ) as Record<PauseReason, number>;
    return {
      counterId,
      served: tickets.filter((t) => t.counterId === counterId && t.status === 'served').length,
      pausedMinutes: round1(secondsWithin(own, from, to, now) / 60),
      pausedByReason: byReason,
    };
  });
}
