import { type Static, Type } from 'typebox';
import { DateString, EventId } from './common.js';
import { LIVE_EVENT_TYPES, type LiveEventType } from './event-types.js';

export { LIVE_EVENT_TYPES, type LiveEventType };

/** One change in the hall, as sent over Server-Sent Events. Never carries personal data. */
export const LiveEvent = Type.Object({
  id: Type.Integer({ description: 'Increasing event id; send it back as Last-Event-ID' }),
  type: Type.Unsafe<LiveEventType>(Type.String({ enum: [...LIVE_EVENT_TYPES] })),
  hallId: Type.Union([Type.Integer(), Type.Null()], {
    description: 'The hall it happened in (a client hears only its own hall)',
  }),
  serviceId: Type.Union([Type.Integer(), Type.Null()]),
  date: Type.Union([DateString, Type.Null()]),
  at: Type.String({ description: 'ISO instant' }),
  number: Type.Optional(Type.String()),
  counterNumber: Type.Optional(Type.Integer()),
  counterName: Type.Optional(Type.String()),
  toServiceId: Type.Optional(Type.Integer()),
  outOfOrder: Type.Optional(Type.Boolean({ description: 'A number called out of queue order' })),
  data: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: 'What else the event says, by type: rating.created {ratingId, level, reasons, channel, caseId}; case.changed / case.closed {caseId, state, dueDate}',
    }),
  ),
});
export type LiveEvent = Static<typeof LiveEvent>;

export const EventsPollQuery = Type.Object(
  { after: Type.Optional(EventId) },
  { additionalProperties: false },
);

export const EventsPollResponse = Type.Object({ events: Type.Array(LiveEvent), lastId: Type.Integer() });
export type EventsPollResponse = Static<typeof EventsPollResponse>;
