// 好差评: the rating a citizen gives (评价器, the ticket page, the invitation text), the 差评 cases
// staff follow up, and the satisfaction figures. Nothing here carries an ID card or phone number.
import { type Static, Type } from 'typebox';
import { DateString, Id, TicketNumber } from './common.js';

const enumOf = <T extends string>(values: readonly T[], description?: string) =>
  Type.Unsafe<T>(Type.String({ enum: [...values], ...(description ? { description } : {}) }));

export const RatingLevel = enumOf(
  ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'] as const,
  '非常满意, 满意, 基本满意, 不满意, 非常不满意',
);
export const RatingReason = enumOf(['efficiency', 'skill', 'attitude', 'overall'] as const, '服务效率, 服务水平, 服务态度, 整体满意度');
export const RatingChannel = enumOf(['evaluator', 'web', 'message'] as const);
export const CaseState = enumOf(['open', 'rectifying', 'revisited', 'closed'] as const, '待整改, 整改中, 已回访, 已办结');

export const RatingBody = Type.Object(
  {
    level: RatingLevel,
    reasons: Type.Optional(Type.Array(RatingReason, { maxItems: 4, description: 'At least one for 不满意 and 非常不满意' })),
    comment: Type.Optional(Type.Union([Type.String({ maxLength: 400, description: 'At most 200 characters' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

export const PublicRatingBody = Type.Object(
  {
    ...RatingBody.properties,
    via: Type.Optional(Type.Union([Type.Literal('web'), Type.Literal('message')], { description: 'message: opened from the invitation text' })),
  },
  { additionalProperties: false },
);

export const EvaluatorRatingBody = Type.Object({ number: TicketNumber, ...RatingBody.properties }, { additionalProperties: false });

export const RatingState = Type.Object({
  state: Type.Union([Type.Literal('open'), Type.Literal('rated'), Type.Literal('closed')], {
    description: 'open: can be rated now; rated: it was; closed: not served, or the 7 days are over',
  }),
  level: Type.Union([RatingLevel, Type.Null()]),
  until: DateString,
});
export type RatingState = Static<typeof RatingState>;

export const RatingResponse = Type.Object({
  level: RatingLevel,
  followUp: Type.Boolean({ description: 'A 差评: the hall will follow it up' }),
});
export type RatingResponse = Static<typeof RatingResponse>;

export const EvaluatorCurrentResponse = Type.Object({
  counterNumber: Type.Integer(),
  counterName: Type.String(),
  hallName: Type.String(),
  ticket: Type.Union([
    Type.Object({
      number: TicketNumber,
      callNumber: Type.String(),
      serviceName: Type.String(),
      staffName: Type.String({ description: 'Who served (display name), shown to the citizen' }),
      finishedAt: Type.String(),
      rating: RatingState,
    }),
    Type.Null(),
  ], { description: 'The ticket this counter completed last, while it is within the last 60 s and unrated; else null' }),
});
export type EvaluatorCurrentResponse = Static<typeof EvaluatorCurrentResponse>;

export const RangeQuery = Type.Object(
  {
    from: DateString,
    to: DateString,
    lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')], { description: 'Language of CSV headers; default Accept-Language' })),
    hall: Type.Optional(Type.String({ description: "A hall's code (default: your hall, or the first)" })),
  },
  { additionalProperties: false },
);

const Rate = Type.Union([Type.Number(), Type.Null()]);

export const RatingFigures = Type.Object({
  key: Type.String({ description: 'The group: hall code, service letter, counter number, staff username, or date' }),
  label: Type.String(),
  ratings: Type.Integer(),
  byLevel: Type.Record(Type.String(), Type.Integer()),
  satisfactionRate: Rate,
  cases: Type.Integer(),
  rectified: Type.Integer(),
  revisited: Type.Integer(),
  overdue: Type.Integer(),
  rectificationRate: Rate,
  revisitRate: Rate,
});
export type RatingFigures = Static<typeof RatingFigures>;

export const RatingReportResponse = Type.Object({
  from: DateString,
  to: DateString,
  hallCode: Type.String(),
  total: RatingFigures,
  byService: Type.Array(RatingFigures),
  byCounter: Type.Array(RatingFigures),
  byStaff: Type.Array(RatingFigures),
  byDay: Type.Array(RatingFigures),
});
export type RatingReportResponse = Static<typeof RatingReportResponse>;

export const CitySatisfactionResponse = Type.Object({ from: DateString, to: DateString, halls: Type.Array(RatingFigures), total: RatingFigures });
export type CitySatisfactionResponse = Static<typeof CitySatisfactionResponse>;

export const RatingItem = Type.Object({
  id: Type.Integer(),
  number: TicketNumber,
  date: DateString,
  serviceName: Type.String(),
  counterNumber: Type.Union([Type.Integer(), Type.Null()]),
  staffName: Type.String(),
  level: RatingLevel,
  reasons: Type.Array(RatingReason),
  comment: Type.Union([Type.String(), Type.Null()]),
  channel: RatingChannel,
  at: Type.String(),
  caseId: Type.Union([Type.Integer(), Type.Null()]),
});

export const RatingListResponse = Type.Object({ ratings: Type.Array(RatingItem) });
export type RatingListResponse = Static<typeof RatingListResponse>;

export const CaseNote = Type.Object({
  from: Type.Union([CaseState, Type.Null()]),
  to: CaseState,
  note: Type.String(),
  actor: Type.String(),
  at: Type.String(),
});

export const CaseItem = Type.Object({
  id: Type.Integer(),
  number: TicketNumber,
  date: DateString,
  serviceName: Type.String(),
  counterNumber: Type.Union([Type.Integer(), Type.Null()]),
  staffName: Type.String(),
  level: RatingLevel,
  reasons: Type.Array(RatingReason),
  comment: Type.Union([Type.String(), Type.Null()]),
  state: CaseState,
  openedAt: Type.String(),
  dueDate: DateString,
  overdue: Type.Boolean(),
  assignee: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  revisit: Type.Union([Type.Object({ date: DateString, outcome: Type.String(), level: RatingLevel }), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  notes: Type.Array(CaseNote),
});
export type CaseItem = Static<typeof CaseItem>;

export const CaseListResponse = Type.Object({ cases: Type.Array(CaseItem), overdue: Type.Integer(), open: Type.Integer() });
export type CaseListResponse = Static<typeof CaseListResponse>;

export const CaseParams = Type.Object({ id: Id }, { additionalProperties: false });

export const CaseStepBody = Type.Union([
  Type.Object({ to: Type.Literal('rectifying'), note: Type.String({ minLength: 1, maxLength: 1000 }), assigneeId: Type.Optional(Id) }, { additionalProperties: false }),
  Type.Object(
    {
      to: Type.Literal('revisited'),
      note: Type.String({ minLength: 1, maxLength: 1000 }),
      revisitDate: DateString,
      outcome: Type.String({ minLength: 1, maxLength: 1000 }),
      level: RatingLevel,
    },
    { additionalProperties: false },
  ),
  Type.Object({ to: Type.Literal('closed'), note: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
]);
export type CaseStepBody = Static<typeof CaseStepBody>;

export const CaseAssignBody = Type.Object({ assigneeId: Type.Union([Id, Type.Null()]) }, { additionalProperties: false });
