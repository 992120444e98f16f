// Signed webhooks out: when a failed delivery is tried again, what a delivery's body says, and how
// far the fan-out may read the event outbox. Pure: the clock is passed in.

/** Waits after the 1st, 2nd … failed attempt; every later one waits the last (an hour). */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000];
/** Retries stop this long after the first attempt; the delivery is then `failed`. */
export const WEBHOOK_RETRY_FOR_MS = 24 * 60 * 60 * 1000;

export type WebhookRetry = { retryAt: number } | { give: 'up' };

/** After failed attempt number `attempts` (≥ 1) at `nowMs`: when to try again, or give up. */
export function webhookRetry(firstAttemptMs: number, nowMs: number, attempts: number): WebhookRetry {
  const delays = WEBHOOK_RETRY_DELAYS_MS;
  const wait = delays[Math.min(Math.max(attempts, 1), delays.length) - 1] as number;
  const at = nowMs + wait;
  return at - firstAttemptMs > WEBHOOK_RETRY_FOR_MS ? { give: 'up' } : { retryAt: at };
}

/** An event of the outbox as the fan-out reads it. */
export interface OutboxEvent {
  id: number;
  type: string;
  at: string;
  date: string | null;
  number?: string;
  counterNumber?: number;
  data?: unknown;
}

/** Keys that name personal data: dropped from any `data` a delivery passes on, at any depth. */
const PERSONAL = /id.?card|identity|phone|mobile|身份证|手机/i;

function withoutPersonal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonal);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !PERSONAL.test(k))
      .map(([k, v]) => [k, withoutPersonal(v)]),
  );
}

export interface WebhookBody {
  id: number;
  event: string;
  hallCode: string | null;
  serviceCode?: string;
  date: string | null;
  at: string;
  number?: string;
  counterNumber?: number;
  data?: Record<string, unknown>;
}

/**
 * The body of a delivery: only the event's public fields (never a counter's name or anything
 * else the event table may hold), and its `data` object as is, less any key that names personal data.
 */
export function webhookBody(e: OutboxEvent, hallCode: string | null, serviceCode: string | undefined): WebhookBody {
  const data = e.data !== null && typeof e.data === 'object' && !Array.isArray(e.data) ? (withoutPersonal(e.data) as Record<string, unknown>) : undefined;
  return {
    id: e.id,
    event: e.type,
    hallCode,
    ...(serviceCode !== undefined ? { serviceCode } : {}),
    date: e.date,
    at: e.at,
    ...(e.number !== undefined ? { number: e.number } : {}),
    ...(e.counterNumber !== undefined ? { counterNumber: e.counterNumber } : {}),
    ...(data !== undefined ? { data } : {}),
  };
}

/** What orders deliveries to one endpoint: its number (ticket or booking); else the event alone. */
export function orderKeyOf(e: { id: number; number?: string }): string {
  return e.number ? `n:${e.number}` : `e:${e.id}`;
}

/**
 * How long an event id missing from the outbox is waited for before it is taken as rolled back:
 * ids are given at insert but seen at commit, so on PostgreSQL and MySQL a smaller id can appear
 * after a larger one.
 */
export const EVENT_GAP_PATIENCE_MS = 10_000;

/**
 * How far the fan-out may move its cursor over `events` (read after `cursor`, in id order): up to
 * the first missing id, unless the event after that gap is older than the patience (then the
 * missing one was rolled back, not late). Returns the new cursor (== `cursor`: nothing to take).
 */
export function fanOutUpTo(cursor: number, events: readonly { id: number; at: string }[], nowMs: number): number {
  let upTo = cursor;
  for (const e of events) {
    if (e.id !== upTo + 1 && nowMs - Date.parse(e.at) < EVENT_GAP_PATIENCE_MS) break;
    upTo = e.id;
  }
  return upTo;
}
