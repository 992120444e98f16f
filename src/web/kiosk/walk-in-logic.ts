import type { ServiceSummary } from '../../contracts/services.js';

/**
 * available: numbers can be taken now; full: 今日已取完; later: not yet (before opening, over lunch:
 * opens at `opensAt`); over: 今日已结束; closed: not served today. Only `available` is tappable.
 */
export type WalkInState = 'available' | 'full' | 'later' | 'over' | 'closed';

export function walkInState(s: Pick<ServiceSummary, 'open' | 'walkIn'>): WalkInState {
  if (!s.open || s.walkIn.quota === 0 || s.walkIn.hours === 'closed') return 'closed';
  if (s.walkIn.remaining <= 0) return 'full';
  if (s.walkIn.hours === 'over') return 'over';
  if (s.walkIn.hours === 'later') return 'later';
  return 'available';
}

/** How often the walk-in screen asks again while a service opens later today (so it turns tappable on time). */
export const OPENING_RECHECK_MS = 20_000;
