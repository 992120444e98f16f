// What the ticket page decides from an answer, without React: how soon to ask again, when to
// alert, and what to say about check-in.
import type { PublicTicketResponse, PublicTicketState } from '../../contracts/public-ticket.js';
import type { MessageKey, Params } from '../i18n/translate.js';

/** Nothing more will happen to these (a passed number may still come back: it is polled). */
const FINAL: ReadonlySet<PublicTicketState> = new Set(['served', 'closed', 'cancelled', 'missed']);

export const POLL_MS = 2500;
/** Near the front (or called): a call shows within 2 s. */
export const NEAR_POLL_MS = 1500;
export const NEAR_AHEAD = 3;
export const HIDDEN_POLL_MS = 10_000;
export const FINAL_POLL_MS = 60_000;

/** The token of a /t/<token> path, or '' (the server answers 404 for anything malformed). */
export function tokenOfPath(path: string): string {
  const m = /^\/t\/([^/]+)\/?$/.exec(path);
  return m ? decodeURIComponent(m[1] as string) : '';
}

export function pollDelay(ticket: Pick<PublicTicketResponse, 'state' | 'waitingAhead'> | undefined, hidden: boolean): number {
  if (ticket !== undefined && FINAL.has(ticket.state)) return FINAL_POLL_MS;
  if (hidden) return HIDDEN_POLL_MS;
  const near = ticket?.state === 'called' || (ticket?.state === 'waiting' && (ticket.waitingAhead ?? 0) <= NEAR_AHEAD);
  return near ? NEAR_POLL_MS : POLL_MS;
}

/** Alert when the ticket is called, and again at each recall — not on every poll while called. */
export function isNewCall(before: Pick<PublicTicketResponse, 'state' | 'callCount'> | undefined, now: Pick<PublicTicketResponse, 'state' | 'callCount'>): boolean {
  if (now.state !== 'called') return false;
  if (before === undefined) return true;
  return before.state !== 'called' || now.callCount > before.callCount;
}

/** When a booking not yet checked in can be checked in. */
export function checkInMessage(t: Pick<PublicTicketResponse, 'checkIn' | 'checkInOpensAt' | 'date' | 'today'>): { key: MessageKey; params: Params } | null {
  if (t.checkIn === 'open') return { key: 'ticket.checkInOpen', params: {} };
  if (t.checkIn === 'expired') return { key: 'ticket.checkInExpired', params: {} };
  if (t.checkIn === 'too_early' && t.checkInOpensAt) {
    return t.date === t.today
      ? { key: 'ticket.checkInOpensToday', params: { opensAt: t.checkInOpensAt } }
      : { key: 'ticket.checkInOpensOn', params: { date: t.date, opensAt: t.checkInOpensAt } };
  }
  return null;
}
