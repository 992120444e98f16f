// The offer page's decisions without React: the token of its path, and what the page says.
import type { OfferView } from '../../contracts/waitlist.js';

/** The token of a /w/<token> path, or '' (the server answers 404 for anything malformed). */
export function offerTokenOfPath(path: string): string {
  const m = /^\/w\/([^/]+)\/?$/.exec(path);
  return m ? decodeURIComponent(m[1] as string) : '';
}

export type OfferState = 'open' | 'expired' | 'gone';

/** Whether the offer can still be accepted. */
export function offerState(view: Pick<OfferView, 'offer'>): OfferState {
  if (view.offer.status === 'held') return 'open';
  return view.offer.status === 'expired' ? 'expired' : 'gone';
}
