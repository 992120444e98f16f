import type { ServiceSummary } from '../../contracts/services.js';

/** available: numbers left today; full: 今日已取完; closed: not served today. */
export type WalkInState = 'available' | 'full' | 'closed';

export function walkInState(s: Pick<ServiceSummary, 'open' | 'walkIn'>): WalkInState {
  if (!s.open || s.walkIn.quota === 0) return 'closed';
  return s.walkIn.remaining > 0 ? 'available' : 'full';
}
