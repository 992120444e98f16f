// 优先 per hall: the admin's view and change of the hall's priority rule. A hall admin works in their
// own hall; a city admin in any, with ?hall=CODE (hall-scope.ts refuses a hall admin naming another).
import { PriorityRuleBody, PriorityRuleResponse } from '../../contracts/priority.js';
import type { ServiceContext } from '../services/context.js';
import { priorityRule, setPriorityRule } from '../services/priority.service.js';
import { requireStaff, staffOf } from './auth.js';
import { errorResponses } from './errors.js';
import { hallOf } from './hall-scope.js';
import type { App } from './types.js';

export async function priorityRoutes(app: App, ctx: ServiceContext): Promise<void> {
  const admin = requireStaff(ctx, 'admin');
  const refused = errorResponses(401, 403, 404);

  app.get(
    '/api/v1/admin/priority/rule',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: "优先: this hall's rule (its own, else the PRIORITY_* defaults)", response: { 200: PriorityRuleResponse, ...refused } },
    },
    async (request) => priorityRule(await hallOf(ctx, request)),
  );

  app.put(
    '/api/v1/admin/priority/rule',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: "优先: set this hall's own rule — groups honoured, age, bounds, 绿色通道 reserve (audited)",
        body: PriorityRuleBody,
        response: { 200: PriorityRuleResponse, ...refused },
      },
    },
    async (request) => setPriorityRule(await hallOf(ctx, request), (await staffOf(ctx, request)).username, request.body),
  );
}
