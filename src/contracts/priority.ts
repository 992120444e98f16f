// 优先 per hall: the admin's view and change of the hall's priority rule.
import { type Static, Type } from 'typebox';
import { PriorityGroup } from './kiosk.js';

// The bounds are the PRIORITY_* settings' (src/domain/priority-rule.ts; a test keeps them equal).
export const PriorityRuleBody = Type.Object(
  {
    groups: Type.Array(PriorityGroup, { maxItems: 4, uniqueItems: true, description: 'The groups the hall honours (empty: no priority tickets)' }),
    age: Type.Integer({ minimum: 50, maximum: 120, description: '优先 · 老年人 from this age (by the ID card)' }),
    maxPasses: Type.Integer({ minimum: 0, maximum: 100, description: 'At most this many priority tickets ahead of a normal ticket in a row (0: no priority calling)' }),
    maxExtraMinutes: Type.Integer({ minimum: 1, maximum: 480, description: 'No priority ticket passes a normal ticket once this long has gone by since the first did' }),
    reserve: Type.Integer({ minimum: 0, maximum: 1000, description: '绿色通道: elderly walk-ins per service and day beyond the quota (0: none)' }),
  },
  { additionalProperties: false },
);
export type PriorityRuleBody = Static<typeof PriorityRuleBody>;

export const PriorityRuleResponse = Type.Object({
  groups: Type.Array(PriorityGroup),
  age: Type.Integer(),
  maxPasses: Type.Integer(),
  maxExtraMinutes: Type.Integer(),
  reserve: Type.Integer(),
  own: Type.Boolean({ description: "Whether the hall set its own rule (else the server's PRIORITY_* defaults)" }),
  defaults: PriorityRuleBody,
});
export type PriorityRuleResponse = Static<typeof PriorityRuleResponse>;
