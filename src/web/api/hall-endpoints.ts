// The city's halls as citizens see them, typed by src/contracts/halls.ts: the list with today's
// places, one hall, its services, and 一键换厅 suggestions.
import type { Lang } from '../../contracts/errors.js';
import type { HallDetailResponse, HallsResponse, SuggestionsResponse } from '../../contracts/halls.js';
import type { ServicesResponse } from '../../contracts/services.js';
import { hrefOf } from '../nav/router.js';
import { requestJson } from './client.js';

interface Call {
  lang: Lang;
  signal?: AbortSignal;
}

const hallPath = (code: string) => `/api/v1/halls/${encodeURIComponent(code)}`;

export function getHalls(call: Call): Promise<HallsResponse> {
  return requestJson('GET', '/api/v1/halls', call);
}

export function getHallDetail(code: string, call: Call): Promise<HallDetailResponse> {
  return requestJson('GET', hallPath(code), call);
}

export function getHallServices(code: string, date: string | undefined, call: Call): Promise<ServicesResponse> {
  return requestJson('GET', hrefOf(`${hallPath(code)}/services`, { date }), call);
}

export function getSuggestions(code: string, letter: string, call: Call): Promise<SuggestionsResponse> {
  return requestJson('GET', hrefOf(`${hallPath(code)}/suggestions`, { letter }), call);
}
