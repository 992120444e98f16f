import { type Static, Type } from 'typebox';
import { CallNumber, Id, TicketNumber, TimeString } from './common.js';
import { PriorityGroup, Ticket } from './kiosk.js';

export const CounterStateSchema = Type.Union([Type.Literal('open'), Type.Literal('paused'), Type.Literal('closed')], {
  description: 'open: calls numbers; paused (暂停服务, with a reason); closed (not staffed)',
});

export const PauseReasonSchema = Type.Union(
  [Type.Literal('break'), Type.Literal('meeting'), Type.Literal('consulting'), Type.Literal('other')],
  { description: 'break 休息, meeting 会议, consulting 业务咨询, other (with a note)' },
);

export const CounterPauseSchema = Type.Object({
  reason: PauseReasonSchema,
  note: Type.Union([Type.String(), Type.Null()]),
  since: Type.String({ description: 'ISO instant' }),
});

export const PauseCounterBody = Type.Object(
  { reason: PauseReasonSchema, note: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export type PauseCounterBody = Static<typeof PauseCounterBody>;

export const Counter = Type.Object({
  id: Type.Integer(),
  number: Type.Integer({ description: '窗口号' }),
  name: Type.String(),
  serviceIds: Type.Array(Type.Integer()),
  active: Type.Boolean(),
  current: Type.Union([Ticket, Type.Null()], { description: 'The ticket this counter has called or is serving' }),
  servedToday: Type.Integer(),
  state: CounterStateSchema,
  pause: Type.Union([CounterPauseSchema, Type.Null()], { description: 'Why and since when it is paused (null unless paused)' }),
});
export type Counter = Static<typeof Counter>;

export const CountersResponse = Type.Object({ counters: Type.Array(Counter) });
export type CountersResponse = Static<typeof CountersResponse>;

export const CounterNumberParams = Type.Object({ number: Type.Integer({ minimum: 1, maximum: 999 }) }, { additionalProperties: false });

export const PutCounterBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 60 }), serviceIds: Type.Array(Id, { minItems: 1, maxItems: 50 }) },
  { additionalProperties: false },
);
export type PutCounterBody = Static<typeof PutCounterBody>;

export const TicketNumberParams = Type.Object({ number: TicketNumber }, { additionalProperties: false });

export const CallTicketBody = Type.Object({ counter: Type.Integer({ minimum: 1, maximum: 999 }) }, { additionalProperties: false });
export const TransferBody = Type.Object({ serviceId: Id }, { additionalProperties: false });

/** 优先 set by staff at the counter (null: a normal ticket). */
export const SetPriorityBody = Type.Object({ priority: Type.Union([PriorityGroup, Type.Null()]) }, { additionalProperties: false });
export type SetPriorityBody = Static<typeof SetPriorityBody>;

export const TicketActionResponse = Type.Object({ ticket: Ticket, counter: Type.Union([Counter, Type.Null()]) });
export type TicketActionResponse = Static<typeof TicketActionResponse>;

export const WaitingTicket = Type.Object({
  number: TicketNumber,
  callNumber: CallNumber,
  kind: Type.Union([Type.Literal('booking'), Type.Literal('walk_in')]),
  slotStart: Type.Union([TimeString, Type.Null()]),
  queuedAt: Type.String(),
  waitedMinutes: Type.Integer(),
  overdue: Type.Boolean({ description: 'Waited longer than the service’s 最长等候 (maxWaitMinutes)' }),
  transferred: Type.Boolean(),
  priority: Type.Union([PriorityGroup, Type.Null()], { description: '优先 and its group' }),
});
export type WaitingTicket = Static<typeof WaitingTicket>;

export const ServiceQueue = Type.Object({
  serviceId: Type.Integer(),
  serviceLetter: Type.String(),
  serviceName: Type.String(),
  waiting: Type.Array(WaitingTicket, { description: 'In the order they will be called' }),
  servedToday: Type.Integer(),
  averageServiceMinutes: Type.Number({ description: "Today's measured average, or the configured default before there is data" }),
  estimatedWaitMinutes: Type.Integer({ description: 'For someone joining now' }),
  maxWaitMinutes: Type.Integer({ description: '最长等候: a ticket waiting longer is overdue' }),
});
export type ServiceQueue = Static<typeof ServiceQueue>;

export const QueueQuery = Type.Object(
  { serviceIds: Type.Optional(Type.String({ pattern: '^\\d+(,\\d+)*$', description: 'Comma-separated; default all' })) },
  { additionalProperties: false },
);

export const PassedTicket = Type.Object({
  number: TicketNumber,
  callNumber: CallNumber,
  serviceId: Type.Integer(),
  passedAt: Type.String({ description: 'ISO instant of the 过号' }),
});
export type PassedTicket = Static<typeof PassedTicket>;

export const QueueResponse = Type.Object({
  date: Type.String(),
  now: TimeString,
  queues: Type.Array(ServiceQueue),
  passed: Type.Array(PassedTicket, { description: "Today's passed numbers that may come back once (重新排队), latest first" }),
  requeueBehind: Type.Integer({ description: 'REQUEUE_BEHIND: how many waiting numbers a passed number that comes back lets go first' }),
  counters: Type.Array(Counter),
});
export type QueueResponse = Static<typeof QueueResponse>;

export const CallState = Type.Union(
  [Type.Literal('calling'), Type.Literal('serving'), Type.Literal('served'), Type.Literal('no_show'), Type.Literal('transferred')],
  { description: 'calling / serving: live at its counter; served, no_show (过号) and transferred: ended there' },
);
export type CallState = Static<typeof CallState>;

export const DisplayCall = Type.Object({
  number: TicketNumber,
  callNumber: CallNumber,
  serviceId: Type.Integer(),
  serviceName: Type.String(),
  counterNumber: Type.Integer({ description: 'The counter it was called to' }),
  counterName: Type.String(),
  calledAt: Type.String(),
  callCount: Type.Integer({ description: '1 for the first call, more for recalls' }),
  state: CallState,
  priority: Type.Union([PriorityGroup, Type.Null()], { description: '优先 and its group' }),
});
export type DisplayCall = Static<typeof DisplayCall>;

export const DisplayResponse = Type.Object({
  date: Type.String(),
  now: TimeString,
  instant: Type.String({ description: 'The hall clock as an ISO instant' }),
  timeZone: Type.String({ description: 'The hall time zone, e.g. Asia/Shanghai' }),
  calls: Type.Array(DisplayCall, { description: 'Latest first; at most one live call per counter' }),
  waiting: Type.Array(Type.Object({ serviceId: Type.Integer(), serviceLetter: Type.String(), serviceName: Type.String(), count: Type.Integer() })),
  counters: Type.Array(
    Type.Object({ number: Type.Integer(), name: Type.String(), state: CounterStateSchema }),
    { description: 'Every counter of the hall and whether it is open now' },
  ),
});
export type DisplayResponse = Static<typeof DisplayResponse>;
