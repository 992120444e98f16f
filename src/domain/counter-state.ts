// A counter (窗口) is open (it calls numbers), paused (休息, 会议, 业务咨询 or another reason; it calls
// nobody until resumed) or closed (nobody staffs it). Only an open counter is given numbers.

export const COUNTER_STATES = ['open', 'paused', 'closed'] as const;
export type CounterState = (typeof COUNTER_STATES)[number];

export const PAUSE_REASONS = ['break', 'meeting', 'consulting', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** The longest free text a pause may carry (e.g. 系统故障). */
export const PAUSE_NOTE_MAX = 40;

export interface PauseRequest {
  reason: PauseReason;
  note?: string | null;
}

/** Why a pause request is refused, or null. 'other' needs a note; a note is trimmed and short. */
export function pauseRefusal(request: PauseRequest): 'NOTE_REQUIRED' | 'NOTE_TOO_LONG' | null {
  const note = request.note?.trim() ?? '';
  if (request.reason === 'other' && note === '') return 'NOTE_REQUIRED';
  if ([...note].length > PAUSE_NOTE_MAX) return 'NOTE_TOO_LONG';
  return null;
}

/** Which state a command leads to from a state, or null when it makes no sense (pause a closed counter). */
export function nextCounterState(from: CounterState, command: 'pause' | 'resume' | 'close'): CounterState | null {
  if (command === 'resume') return from === 'open' ? null : 'open';
  if (command === 'pause') return from === 'open' ? 'paused' : null;
  return from === 'closed' ? null : 'closed';
}

export interface Interval {
  /** ISO instants; `to` null while the pause lasts. */
  from: string;
  to: string | null;
}

/**
 * Seconds covered by the intervals within [dayStart, dayEnd), counting an unfinished one up to
 * `now`. Overlapping intervals are counted once.
 */
export function secondsWithin(intervals: Interval[], dayStart: Date, dayEnd: Date, now: Date): number {
  const clipped = intervals
    .map((i) => {
      const from = Math.max(Date.parse(i.from), dayStart.getTime());
      const to = Math.min(i.to === null ? now.getTime() : Date.parse(i.to), dayEnd.getTime(), now.getTime());
      return [from, to] as const;
    })
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const [from, to] of clipped) {
    const start = Math.max(from, reach);
    if (to > start) total += to - start;
    reach = Math.max(reach, to);
  }
  return Math.round(total / 1000);
}
