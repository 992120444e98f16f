// 好差评's calls: the hall's satisfaction figures (and CSV), its latest ratings, and the 差评 cases
// with their steps.
import type { CaseItem, CaseListResponse, CaseStepBody, CitySatisfactionResponse, RatingListResponse, RatingReportResponse } from '../../contracts/rating.js';
import { requestJson } from '../api/client.js';
import type { Call } from './admin-endpoints.js';
import { type Scope, scopedHref } from './admin-scope.js';

export type { CaseItem, CaseStepBody, RatingReportResponse };

export function getRatingReport(from: string, to: string, call: Call): Promise<RatingReportResponse> {
  return requestJson('GET', scopedHref('/api/v1/reports/ratings', call.scope, { from, to }), call);
}

export function ratingCsvHref(from: string, to: string, scope: Scope): string {
  return scopedHref('/api/v1/reports/ratings.csv', scope, { from, to });
}

export function getRatingsByHall(from: string, to: string, call: Call): Promise<CitySatisfactionResponse> {
  return requestJson('GET', `/api/v1/reports/ratings-by-hall?from=${from}&to=${to}`, call);
}

export function getRatings(from: string, to: string, call: Call): Promise<RatingListResponse> {
  return requestJson('GET', scopedHref('/api/v1/admin/ratings', call.scope, { from, to }), call);
}

export function getCases(from: string, to: string, call: Call): Promise<CaseListResponse> {
  return requestJson('GET', scopedHref('/api/v1/admin/rating-cases', call.scope, { from, to }), call);
}

export function stepCase(id: number, body: CaseStepBody, call: Call): Promise<CaseItem> {
  return requestJson('POST', scopedHref(`/api/v1/admin/rating-cases/${id}/step`, call.scope), { ...call, body });
}

export function assignCase(id: number, assigneeId: number | null, call: Call): Promise<CaseItem> {
  return requestJson('POST', scopedHref(`/api/v1/admin/rating-cases/${id}/assign`, call.scope), { ...call, body: { assigneeId } });
}
