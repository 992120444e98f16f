// What public/early.js asked for at `/` before the page's scripts arrived (the halls, the live
// events' position, then the service list): each answer is taken once, in the language it was
// asked in; a screen that finds none asks for itself.
import type { Lang } from '../../contracts/errors.js';
import type { HallsResponse } from '../../contracts/halls.js';
import type { ServicesResponse } from '../../contracts/services.js';
import { ApiError, readJson } from './client.js';

interface Early {
  lang: Lang;
  halls: Promise<Response> | null;
  /** The id of the last live event when the list was asked for (null: not known, the list was not asked for). */
  position: Promise<number | null> | null;
  services: Promise<Response | null> | null;
}

declare global {
  interface Window {
    __vreserveEarly?: Early;
  }
}

const early = (lang: Lang): Early | null => {
  const found = typeof window === 'undefined' ? undefined : window.__vreserveEarly;
  return found && found.lang === lang ? found : null;
};

const asApiError = (error: unknown): never => {
  throw new ApiError(0, 'NETWORK', (error as Error).message);
};

/** The halls early.js asked for, once. */
export function takeEarlyHalls(lang: Lang): Promise<HallsResponse> | null {
  const found = early(lang);
  const answer = found?.halls ?? null;
  if (found) found.halls = null;
  return answer ? answer.then((r) => readJson<HallsResponse>(r), asApiError) : null;
}

/** The live events' position early.js read before the list, once (for the public live connection to start from). */
export function takeEarlyPosition(): Promise<number | null> | null {
  const found = typeof window === 'undefined' ? undefined : window.__vreserveEarly;
  const position = found?.position ?? null;
  if (found) found.position = null;
  return position;
}

/** The service list early.js asked for, once; null inside when it did not (its position was not known). */
export function takeEarlyServices(lang: Lang): Promise<ServicesResponse | null> | null {
  const found = early(lang);
  const answer = found?.services ?? null;
  if (found) found.services = null;
  return answer ? answer.then((r) => (r === null ? null : readJson<ServicesResponse>(r)), asApiError) : null;
}
