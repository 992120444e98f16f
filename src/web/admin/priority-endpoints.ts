// The hall's 优先 rule: read and set (the console's 爽约管理 tab shows it beside the 爽约 rule).
import type { PriorityRuleBody, PriorityRuleResponse } from '../../contracts/priority.js';
import { requestJson } from '../api/client.js';
import type { Call } from './admin-endpoints.js';
import { scopedHref } from './admin-scope.js';

export type { PriorityRuleBody, PriorityRuleResponse };

export function getPriorityRule(call: Call): Promise<PriorityRuleResponse> {
  return requestJson('GET', scopedHref('/api/v1/admin/priority/rule', call.scope), call);
}

export function setPriorityRule(body: PriorityRuleBody, call: Call): Promise<PriorityRuleResponse> {
  return requestJson('PUT', scopedHref('/api/v1/admin/priority/rule', call.scope), { ...call, body });
}
