// The page of one booking or ticket, /t/<token>: what a phone shows without sign-in. Nothing
// personal: no ID card, no phone, not even masked.
import { type Static, Type } from 'typebox';
import { CallNumber, DateString, TicketNumber, TimeString } from './common.js';
import { TicketStatus } from './kiosk.js';
import { RatingState } from './rating.js';

export const PublicTicketParams = Type.Object({ token: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

/** Where it stands: a booking before check-in (`booked`, `cancelled`, `missed`), then its ticket's status. */
export const PublicTicketState = Type.Union([
  Type.Literal('booked'),
  Type.Literal('cancelled'),
  Type.Literal('missed'),
  ...TicketStatus.anyOf,
]);
export type PublicTicketState = Static<typeof PublicTicketState>;

export const PublicTicketResponse = Type.Object({
  state: PublicTicketState,
  kind: Type.Union([Type.Literal('booking'), Type.Literal('walk_in')]),
  number: TicketNumber,
  callNumber: Type.Union([CallNumber, Type.Null()], { description: 'Once it has a ticket' }),
  serviceLetter: Type.String(),
  serviceName: Type.String(),
  hallCode: Type.String(),
  hallName: Type.String(),
  date: DateString,
  slotStart: Type.Union([TimeString, Type.Null()]),
  slotEnd: Type.Union([TimeString, Type.Null()]),
  checkIn: Type.Union([Type.Literal('too_early'), Type.Literal('open'), Type.Literal('expired'), Type.Null()], {
    description: 'A booking not checked in yet: whether check-in at the kiosk is open now',
  }),
  checkInOpensAt: Type.Union([TimeString, Type.Null()], { description: 'On the booking’s date, hall time' }),
  waitingAhead: Type.Union([Type.Integer(), Type.Null()], { description: 'While waiting' }),
  estimatedWaitMinutes: Type.Union([Type.Integer(), Type.Null()], { description: 'While waiting' }),
  counterNumber: Type.Union([Type.Integer(), Type.Null()], { description: 'Once called: the counter to go to' }),
  counterName: Type.Union([Type.String(), Type.Null()]),
  callCount: Type.Integer({ description: 'How many times it has been called (a recall changes it)' }),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  rescheduledTo: Type.Optional(
    Type.Union([Type.Object({ number: TicketNumber, path: Type.Union([Type.String(), Type.Null()]) }), Type.Null()], {
      description: '改约: the booking this one was moved to, and its page /t/<token> (null for a booking written before tokens)',
    }),
  ),
  rating: Type.Optional(RatingState),
  today: DateString,
  now: TimeString,
});
export type PublicTicketResponse = Static<typeof PublicTicketResponse>;
