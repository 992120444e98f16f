// 爽约: the booking form's eligibility check (public), and the admin's blocked people, lifts and rule.
import {
  BlockedResponse,
  EligibilityBody,
  EligibilityResponse,
  LiftBody,
  NoShowRuleBody,
  NoShowRuleResponse,
} from '../../contracts/no-show.js';
import { Type } from 'typebox';
import type { ServiceContext } from '../services/context.js';
import { blockedPeople, checkEligibility, liftBlock, noShowRule, setNoShowRule } from '../services/no-show.service.js';
import { requireStaff, staffOf } from './auth.js';
import { errorResponses } from './errors.js';
import { hallOf } from './hall-scope.js';
import { langOf } from './lang.js';
import type { App } from './types.js';

export async function noShowRoutes(app: App, ctx: ServiceContext): Promise<void> {
  app.post(
    '/api/v1/bookings/eligibility',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['bookings'],
        summary: '爽约: whether this ID card may book this service online now; BOOKING_BLOCKED (until when, and why) if not',
        body: EligibilityBody,
        response: { 200: EligibilityResponse, ...errorResponses(403, 404, 429) },
      },
    },
    (request) => checkEligibility(ctx, request.body),
  );

  const admin = requireStaff(ctx, 'admin');
  const refused = errorResponses(401, 403, 404);
  const actor = async (request: Parameters<typeof staffOf>[1]) => (await staffOf(ctx, request)).username;

  app.get(
    '/api/v1/admin/no-show/blocked',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: '爽约: people whose online booking is blocked in this hall (masked)', response: { 200: BlockedResponse, ...refused } },
    },
    async (request) => ({ people: await blockedPeople(await hallOf(ctx, request), langOf(request)) }),
  );

  app.post(
    '/api/v1/admin/no-show/lift',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: '爽约: lift a block with a reason (audited); their misses so far stop counting',
        body: LiftBody,
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...refused },
      },
    },
    async (request) => {
      await liftBlock(await hallOf(ctx, request), await actor(request), request.body);
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/admin/no-show/rule',
    { onRequest: admin, schema: { tags: ['admin'], summary: "爽约: this hall's rule", response: { 200: NoShowRuleResponse, ...refused } } },
    async (request) => noShowRule(await hallOf(ctx, request)),
  );

  app.put(
    '/api/v1/admin/no-show/rule',
    {
      onRequest: admin,
      schema: { tags: ['admin'], summary: "爽约: set this hall's own rule (audited)", body: NoShowRuleBody, response: { 200: NoShowRuleResponse, ...refused } },
    },
    async (request) => setNoShowRule(await hallOf(ctx, request), await actor(request), request.body),
  );
}
