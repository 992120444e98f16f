// 好差评: the counter's 评价器 (a paired evaluator device) and the ticket page's rating.
import type { Lang } from '../../contracts/errors.js';
import type { EvaluatorCurrentResponse, RatingBody, RatingResponse } from '../../contracts/rating.js';
import { requestJson } from './client.js';

interface Call {
  lang: Lang;
  signal?: AbortSignal;
}

/** The ticket this evaluator's counter completed in the last 60 s, while unrated (else `ticket: null`). */
export function getEvaluatorCurrent(call: Call): Promise<EvaluatorCurrentResponse> {
  return requestJson('GET', '/api/v1/evaluator/current', call);
}

export function rateAtCounter(number: string, body: RatingBody, call: Call): Promise<RatingResponse> {
  return requestJson('POST', '/api/v1/evaluator/ratings', { ...call, body: { number, ...body } });
}

/** The ticket page's rating; `via: 'message'` when the page was opened from the invitation text. */
export function rateByToken(token: string, body: RatingBody, via: 'web' | 'message', call: Call): Promise<RatingResponse> {
  return requestJson('POST', `/api/v1/t/${encodeURIComponent(token)}/rating`, { ...call, body: { ...body, via } });
}
