// 爽约: the booking form's eligibility check, and the admin's blocked people and rule.
import { type Static, Type } from 'typebox';
import { DateString, Id, IdCardInput, PhoneInput } from './common.js';

export const EligibilityBody = Type.Object({ serviceId: Id, idCard: IdCardInput, phone: PhoneInput }, { additionalProperties: false });
export type EligibilityBody = Static<typeof EligibilityBody>;

export const EligibilityResponse = Type.Object({
  eligible: Type.Literal(true, { description: 'May book online; a blocked person is answered BOOKING_BLOCKED (403) instead' }),
});

export const MissKind = Type.Union([Type.Literal('no_show'), Type.Literal('late_cancel')]);

export const BlockedPerson = Type.Object({
  personKey: Type.String({ description: 'Opaque key of the person (keyed hash of the ID card), for lifting the block' }),
  idCardMasked: Type.String(),
  phoneMasked: Type.String({ description: 'Of their latest booking' }),
  until: Type.String({ description: 'The first day online booking is open to them again (YYYY-MM-DD)' }),
  misses: Type.Array(Type.Object({ date: DateString, number: Type.String(), kind: MissKind, service: Type.String() })),
});
export type BlockedPerson = Static<typeof BlockedPerson>;

export const BlockedResponse = Type.Object({ people: Type.Array(BlockedPerson) });

export const LiftBody = Type.Object(
  {
    personKey: Type.String({ minLength: 1, maxLength: 128 }),
    reason: Type.String({ minLength: 1, maxLength: 200, description: 'Why (kept in the audit log)' }),
  },
  { additionalProperties: false },
);
export type LiftBody = Static<typeof LiftBody>;

export const NoShowRuleBody = Type.Object(
  {
    limit: Type.Integer({ minimum: 0, maximum: 100, description: 'Misses that block online booking (0: never)' }),
    windowDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    blockDays: Type.Integer({ minimum: 0, maximum: 3650 }),
    lateCancel: Type.Boolean({ description: 'A cancel less than lateCancelMinutes before the slot counts as a miss' }),
    lateCancelMinutes: Type.Integer({ minimum: 0, maximum: 1440 }),
  },
  { additionalProperties: false },
);
export type NoShowRuleBody = Static<typeof NoShowRuleBody>;

export const NoShowRuleResponse = Type.Object({
  limit: Type.Integer(),
  windowDays: Type.Integer(),
  blockDays: Type.Integer(),
  lateCancel: Type.Boolean(),
  lateCancelMinutes: Type.Integer(),
  own: Type.Boolean({ description: "Whether the hall set its own rule (else the server's NO_SHOW_* defaults)" }),
  defaults: NoShowRuleBody,
});
export type NoShowRuleResponse = Static<typeof NoShowRuleResponse>;
