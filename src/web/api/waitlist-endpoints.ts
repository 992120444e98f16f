// 候补 (waiting list) endpoints, typed by src/contracts/waitlist.ts.
import type { PersonCredentials } from '../../contracts/bookings.js';
import type { Lang } from '../../contracts/errors.js';
import type { AcceptOfferResponse, JoinWaitlistBody, OfferView, WaitlistEntry, WaitlistLookupResponse } from '../../contracts/waitlist.js';
import { requestJson } from './client.js';

interface Call {
  lang: Lang;
  signal?: AbortSignal;
}

export function joinWaitlist(body: JoinWaitlistBody, call: Call): Promise<{ entry: WaitlistEntry }> {
  return requestJson('POST', '/api/v1/waitlist', { ...call, body });
}

export function lookupWaitlist(body: PersonCredentials, call: Call): Promise<WaitlistLookupResponse> {
  return requestJson('POST', '/api/v1/waitlist/lookup', { ...call, body });
}

export function leaveWaitlist(id: number, body: PersonCredentials, call: Call): Promise<{ entry: WaitlistEntry }> {
  return requestJson('POST', `/api/v1/waitlist/${id}/leave`, { ...call, body });
}

export function acceptWaitlistEntry(id: number, body: PersonCredentials, call: Call): Promise<AcceptOfferResponse> {
  return requestJson('POST', `/api/v1/waitlist/${id}/accept`, { ...call, body });
}

/** The offer page /w/<token> (no sign-in: the token is the permission). */
export function getOffer(token: string, call: Call): Promise<OfferView> {
  return requestJson('GET', `/api/v1/w/${encodeURIComponent(token)}`, call);
}

export function acceptOffer(token: string, call: Call): Promise<AcceptOfferResponse> {
  return requestJson('POST', `/api/v1/w/${encodeURIComponent(token)}/accept`, { ...call, body: {} });
}
