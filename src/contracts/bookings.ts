import { type Static, Type } from 'typebox';
import { CallNumber, DateString, Id, IdCardInput, PhoneInput, PublicToken, TicketNumber, TimeString } from './common.js';

/** The domain's BookingStatus, spelled out for validation and OpenAPI (test/http/contract-unions.test.ts keeps them equal). */
export const BookingStatus = Type.Union([
  Type.Literal('booked'),
  Type.Literal('checked_in'),
  Type.Literal('cancelled'),
  Type.Literal('missed'),
  Type.Literal('served'),
]);

const SmsCode = Type.String({ maxLength: 10, description: '短信验证码 sent by POST /api/v1/verification-codes (required when BOOKING_VERIFY=sms)' });

export const VerificationCodeBody = Type.Object(
  { phone: PhoneInput, purpose: Type.Union([Type.Literal('book'), Type.Literal('cancel'), Type.Literal('reschedule')]) },
  { additionalProperties: false },
);
export type VerificationCodeBody = Static<typeof VerificationCodeBody>;

export const VerificationCodeResponse = Type.Object({
  expiresInSeconds: Type.Integer({ description: 'The code is valid this long; 5 tries' }),
});

export const CreateBookingBody = Type.Object(
  {
    serviceId: Id,
    date: DateString,
    slot: TimeString,
    idCard: IdCardInput,
    phone: PhoneInput,
    name: Type.Optional(Type.String({ maxLength: 40 })),
    notify: Type.Optional(Type.Boolean({ description: 'Text messages about this booking (confirmation, reminders, calls); default true' })),
    smsCode: Type.Optional(SmsCode),
    agent: Type.Optional(
      Type.Object(
        {
          idCard: IdCardInput,
          relation: Type.Union([Type.Literal('child'), Type.Literal('spouse'), Type.Literal('other')], { description: '子女, 配偶, 其他' }),
        },
        {
          additionalProperties: false,
          description: '代办: booking for someone else. `idCard` is then the person’s, `phone` the agent’s (texts go to it), and this is the agent’s own ID card',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateBookingBody = Static<typeof CreateBookingBody>;

export const Booking = Type.Object({
  number: TicketNumber,
  hallCode: Type.String({
    description: 'The hall where the booking is (its code, as in /h/CODE/)',
  }),
  hallName: Type.String({
    description: "The hall's name in the requested language",
  }),
  serviceId: Type.Integer(),
  serviceLetter: Type.String(),
  serviceName: Type.String(),
  date: DateString,
  slotStart: TimeString,
  slotEnd: TimeString,
  status: BookingStatus,
  idCardMasked: Type.String(),
  phoneMasked: Type.String(),
  agent: Type.Optional(
    Type.Object(
      { idCardMasked: Type.String(), relation: Type.Union([Type.Literal('child'), Type.Literal('spouse'), Type.Literal('other')]) },
      { description: '代办: the agent who booked it for the person (their ID card masked) and the relation' },
    ),
  ),
  createdAt: Type.String({ description: 'ISO instant' }),
  checkInOpensAt: TimeString,
  cancelReason: Type.Optional(Type.String()),
  callNumber: Type.Optional(CallNumber),
  statusToken: Type.Optional(
    Type.String({ description: 'Lets this device ask for the status of this booking later (POST /api/v1/bookings/statuses)' }),
  ),
  notify: Type.Optional(Type.Boolean({ description: 'Whether text messages are sent about this booking (to its owner only)' })),
  publicToken: Type.Optional(PublicToken),
  rescheduledTo: Type.Optional(TicketNumber),
  rescheduledFrom: Type.Optional(TicketNumber),
  reschedulesLeft: Type.Optional(
    Type.Integer({ description: '改约: how many more times this booking may be moved (0 once moved twice, or when it holds no place)' }),
  ),
});
export type Booking = Static<typeof Booking>;

export const CreateBookingResponse = Type.Object({
  booking: Booking,
  remaining: Type.Integer({ description: "The service's remaining places that day" }),
  replayed: Type.Boolean({ description: 'True when an Idempotency-Key retry returned the original booking' }),
});
export type CreateBookingResponse = Static<typeof CreateBookingResponse>;

export const PersonCredentials = Type.Object({ idCard: IdCardInput, phone: PhoneInput }, { additionalProperties: false });
export type PersonCredentials = Static<typeof PersonCredentials>;

export const CancelBody = Type.Object(
  {
    idCard: IdCardInput,
    phone: PhoneInput,
    forgetPhone: Type.Optional(Type.Boolean({ description: 'Erase the phone number kept for messages now (then no message about the cancel is sent)' })),
    smsCode: Type.Optional(SmsCode),
  },
  { additionalProperties: false },
);
export type CancelBody = Static<typeof CancelBody>;

export const RescheduleBody = Type.Object(
  {
    idCard: IdCardInput,
    phone: PhoneInput,
    date: DateString,
    slot: TimeString,
    hallCode: Type.Optional(
      Type.String({ minLength: 1, maxLength: 40, description: 'Move to another hall offering the same service (default: the same hall)' }),
    ),
    smsCode: Type.Optional(SmsCode),
  },
  { additionalProperties: false },
);
export type RescheduleBody = Static<typeof RescheduleBody>;

export const RescheduleResponse = Type.Object({
  booking: Booking,
  previous: Booking,
  remaining: Type.Integer({ description: "The new booking's service's remaining places that day" }),
});
export type RescheduleResponse = Static<typeof RescheduleResponse>;

export const BookingMessagesBody = Type.Object(
  { idCard: IdCardInput, phone: PhoneInput, notify: Type.Boolean({ description: 'Whether to get text messages about this booking' }) },
  { additionalProperties: false },
);
export type BookingMessagesBody = Static<typeof BookingMessagesBody>;

export const BookingMessagesResponse = Type.Object({ booking: Booking });

export const LookupResponse = Type.Object({ bookings: Type.Array(Booking) });
export type LookupResponse = Static<typeof LookupResponse>;

export const BookingNumberParams = Type.Object({ number: Type.String({ maxLength: 40 }) }, { additionalProperties: false });

export const CancelResponse = Type.Object({ booking: Booking, remaining: Type.Integer() });
export type CancelResponse = Static<typeof CancelResponse>;

export const BookingStatusesBody = Type.Object(
  {
    bookings: Type.Array(
      Type.Object({ number: Type.String({ maxLength: 40 }), token: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);
export type BookingStatusesBody = Static<typeof BookingStatusesBody>;

export const BookingStatusesResponse = Type.Object({
  bookings: Type.Array(
    Type.Object({
      number: TicketNumber,
      status: BookingStatus,
      cancelReason: Type.Optional(Type.String()),
      rescheduledTo: Type.Optional(TicketNumber),
    }),
    { description: 'Only the bookings whose token matched; nothing personal' },
  ),
});
export type BookingStatusesResponse = Static<typeof BookingStatusesResponse>;
