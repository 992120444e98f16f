// The pure decisions of the live connection: when to give up on Server-Sent Events and poll,
// how long to wait between attempts, and which event ids are new. No timers, no DOM: the
// randomness comes in as a number, so the rules are tested as tables.

/** How often the fallback asks /events/poll. */
export const POLL_INTERVAL_MS = 2_000;
/** Stream failures in a row (no successful open between them) before falling back to polling. */
export const FALLBACK_AFTER_FAILURES = 3;
/** While polling, how often the stream is tried again (a proxy may have recovered). */
export const STREAM_RETRY_MS = 30_000;
/** While the server refuses us (401/403), poll this slowly: pairing or sign-in will not come back by itself. */
export const DENIED_POLL_MS = 15_000;
const BACKOFF_BASE_MS = 1_000;
const BACKOFF_MAX_MS = 15_000;

/** Exponential backoff with jitter: between half and all of 1 s, 2 s, 4 s … capped at 15 s. `random` in [0, 1). */
export function backoffMs(failures: number, random: number): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(cap * (0.5 + Math.min(Math.max(random, 0), 1) / 2));
}

export interface StreamErrorPlan {
  failures: number;
  /** wait: the browser reconnects by itself; reopen: open a new stream after delayMs; poll: fall back. */
  next: 'wait' | 'reopen' | 'poll';
  delayMs: number;
}

/**
 * After the stream reported an error. `closed` means the browser gave up (the server answered
 * with an HTTP error or not an event stream) and will not retry; otherwise it retries itself.
 */
export function afterStreamError(failures: number, closed: boolean, random: number): StreamErrorPlan {
  const n = failures + 1;
  if (n >= FALLBACK_AFTER_FAILURES) return { failures: n, next: 'poll', delayMs: 0 };
  if (closed) return { failures: n, next: 'reopen', delayMs: backoffMs(n, random) };
  return { failures: n, next: 'wait', delayMs: 0 };
}

/** Whether an event is new (ids only grow), and the cursor after it. Repeats after a switch of transport are dropped. */
export function takeEventId(lastId: number | null, id: number): { fresh: boolean; lastId: number | null } {
  if (!Number.isInteger(id) || id < 0) return { fresh: false, lastId };
  if (lastId !== null && id <= lastId) return { fresh: false, lastId };
  return { fresh: true, lastId: id };
}

/**
 * The cursor after a poll answer, and whether screens must reload everything: on the first poll
 * (we do not know what happened before) and when the store's ids went backwards (a new store).
 */
export function afterPoll(lastId: number | null, answerLastId: number): { lastId: number; resync: boolean } {
  if (lastId === null || answerLastId < lastId) return { lastId: answerLastId, resync: true };
  return { lastId: answerLastId, resync: false };
}

/** Parses the id the server put on an event ('' when it had none). */
export function parseEventId(raw: string | null | undefined): number | null {
  if (raw === null || raw === undefined || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

function withQuery(path: string, key: string, value: number | null): string {
  if (value === null) return path;
  return `${path}${path.includes('?') ? '&' : '?'}${key}=${value}`;
}

/** The poll URL: everything after the cursor, or (without one) just the current position. */
export function pollUrl(path: string, lastId: number | null): string {
  return withQuery(path, 'after', lastId);
}

/**
 * The stream URL. A stream we open ourselves cannot set the Last-Event-ID header, so the cursor
 * goes in the query (the server reads either); the browser's own reconnects send the header.
 */
export function streamUrl(path: string, lastId: number | null): string {
  return withQuery(path, 'lastEventId', lastId);
}
