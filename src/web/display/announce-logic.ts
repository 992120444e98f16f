// What the display board says and when: the Mandarin sentence for a call, which calls in an
// answer are new (a recall counts again), and a queue that never cuts a sentence short.
import type { DisplayCall } from '../../contracts/queue.js';
import { spellOut } from '../voice/spell-out.js';

export { spellOut };

/** '请 Y 0 1 2 号到 3 号窗口办理': the number on the citizen's ticket, as printed. */
export function announcementText(call: Pick<DisplayCall, 'callNumber' | 'counterNumber'>): string {
  return `请 ${spellOut(call.callNumber)} 号到 ${call.counterNumber} 号窗口办理`;
}

/** A call still open at its counter (called or being served). */
export function isLive(call: Pick<DisplayCall, 'state'>): boolean {
  return call.state === 'calling' || call.state === 'serving';
}

/**
 * What the board shows: the newest live call large (never one that was completed, passed or
 * transferred — those would send people to an idle counter), then every other call, newest first.
 */
export function boardCalls<T extends Pick<DisplayCall, 'state'>>(calls: readonly T[]): { latest: T | null; others: T[] } {
  const latest = calls.find(isLive) ?? null;
  return { latest, others: calls.filter((c) => c !== latest) };
}

/** One call of one number: a recall (callCount + 1) is a new call. */
export function callKey(call: Pick<DisplayCall, 'number' | 'callCount'>): string {
  return `${call.number}#${call.callCount}`;
}

/** How many calls one answer may announce at most (after a long outage, only the newest). */
export const MAX_ANNOUNCE_AT_ONCE = 3;

/**
 * The calls of a board answer (latest first) that were not on the board before, oldest first, to
 * announce in that order. The first answer (`seen` null) announces nothing: a board switched on
 * does not read out the morning's history.
 */
export function newCalls(
  seen: ReadonlySet<string> | null,
  calls: readonly DisplayCall[],
  max = MAX_ANNOUNCE_AT_ONCE,
): { announce: DisplayCall[]; seen: Set<string> } {
  const next = new Set(calls.map(callKey));
  if (seen === null) return { announce: [], seen: next };
  // A call that ended before this board heard of it is not read out.
  const fresh = calls.filter((c) => isLive(c) && !seen.has(callKey(c))).slice(0, max);
  return { announce: fresh.reverse(), seen: next };
}

// The queue is shared with the kiosk's voice (长辈版): it lives in voice/.
export { AnnouncementQueue } from '../voice/announcement-queue.js';

function epochMinutes(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0) / 60_000;
}

/**
 * How far the hall clock (the server's date and HH:mm) is from this device's clock read in the
 * hall's time zone. Within a minute either way the device clock is trusted (it has seconds);
 * beyond that (a wrong device clock, or a simulated hall clock) the board follows the server.
 */
export function clockOffsetMs(server: { date: string; now: string }, device: { date: string; time: string }): number {
  const diff = epochMinutes(server.date, server.now) - epochMinutes(device.date, device.time);
  return Math.abs(diff) <= 1 ? 0 : diff * 60_000;
}

export { counterLabel } from '../hall/counter-label.js';
