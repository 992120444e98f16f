// The text-message log as the admin console reads it: phones masked, never the text's variables
// beyond what the citizen's message says about the booking.
import { type Static, Type } from 'typebox';

export const NotificationStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('sending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('skipped'),
]);
export type NotificationStatus = Static<typeof NotificationStatus>;

export const NotificationCounts = Type.Object({
  queued: Type.Integer(),
  sending: Type.Integer(),
  sent: Type.Integer(),
  failed: Type.Integer(),
  skipped: Type.Integer(),
});

export const NotificationEntry = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'booking.confirmed, booking.reminder_day, … ticket.called' }),
  channel: Type.Literal('sms'),
  status: NotificationStatus,
  lang: Type.Union([Type.Literal('zh'), Type.Literal('en')]),
  number: Type.Union([Type.String(), Type.Null()], { description: 'The booking (办事编号) it is about' }),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer({ description: 'Sending attempts; 2 or more on a sent message means it may have gone out twice (a sender died mid-send)' }),
  nextAttemptAt: Type.String(),
  gatewayId: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  sentAt: Type.Union([Type.String(), Type.Null()]),
});
export type NotificationEntry = Static<typeof NotificationEntry>;

export const NotificationsQuery = Type.Object(
  {
    hall: Type.Optional(Type.String({ maxLength: 20 })),
    status: Type.Optional(NotificationStatus),
    before: Type.Optional(Type.Integer({ minimum: 1, description: 'Older than this id (the next page)' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type NotificationsQuery = Static<typeof NotificationsQuery>;

export const NotificationsResponse = Type.Object({
  counts: NotificationCounts,
  notifications: Type.Array(NotificationEntry),
});
export type NotificationsResponse = Static<typeof NotificationsResponse>;

export const NotificationParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const ResendResponse = Type.Object({ id: Type.Integer(), status: Type.Literal('queued') });
