// 爽约管理's calls: the hall's blocked people, lifting a block, the hall's rule.
import type { BlockedPerson, NoShowRuleBody, NoShowRuleResponse } from '../../contracts/no-show.js';
import { requestJson } from '../api/client.js';
import type { Call } from './admin-endpoints.js';
import { scopedHref } from './admin-scope.js';

export type { BlockedPerson, NoShowRuleBody, NoShowRuleResponse };

export function getBlockedPeople(call: Call): Promise<{ people: BlockedPerson[] }> {
  return requestJson('GET', scopedHref('/api/v1/admin/no-show/blocked', call.scope), call);
}

export function liftNoShowBlock(body: { personKey: string; reason: string }, call: Call): Promise<{ ok: boolean }> {
  return requestJson('POST', scopedHref('/api/v1/admin/no-show/lift', call.scope), { ...call, body });
}

export function getNoShowRule(call: Call): Promise<NoShowRuleResponse> {
  return requestJson('GET', scopedHref('/api/v1/admin/no-show/rule', call.scope), call);
}

export function setNoShowRule(body: NoShowRuleBody, call: Call): Promise<NoShowRuleResponse> {
  return requestJson('PUT', scopedHref('/api/v1/admin/no-show/rule', call.scope), { ...call, body });
}
