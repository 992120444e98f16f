// A person's data on request (PIPL arts. 45 and 47): what is kept about them, masked, and its
// erasure. The ID card and phone travel in POST bodies only, never in a URL.
import { type Static, Type } from 'typebox';
import { BookingStatus } from './bookings.js';
import { IdCardInput, PhoneInput } from './common.js';
import { TicketStatus } from './kiosk.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PersonQueryBody = Type.Object(
  {
    idCard: IdCardInput,
    /** Optional: with it, the 短信验证码 sent to that phone are covered too. */
    phone: Type.Optional(PhoneInput),
  },
  { additionalProperties: false },
);
export type PersonQueryBody = Static<typeof PersonQueryBody>;

export const KeptBookingView = Type.Object({
  number: Type.String(),
  hallCode: Type.String(),
  hallName: Type.String(),
  serviceLetter: Type.String(),
  serviceName: Type.String(),
  date: Type.String(),
  slotStart: Type.String(),
  slotEnd: Type.String(),
  status: BookingStatus,
  /** It still holds a place or a turn: erasure waits until it is cancelled or over. */
  active: Type.Boolean(),
  idCardMasked: Type.String(),
  phoneMasked: Type.String(),
  /** The phone is kept encrypted, to send messages about this booking. */
  phoneKept: Type.Boolean(),
  createdAt: Type.String(),
  tickets: Type.Array(Type.Object({ number: Type.String(), callNumber: Type.String(), status: TicketStatus })),
  messages: Type.Array(Type.Object({ kind: Type.String(), status: Type.String(), createdAt: Type.String(), sentAt: Nullable(Type.String()) })),
});
export type KeptBookingView = Static<typeof KeptBookingView>;

export const PersonDataResponse = Type.Object({
  idCardMasked: Type.String(),
  phoneMasked: Nullable(Type.String()),
  /** A person row keyed by the ID card's hash is kept (it serialises their bookings). */
  personKept: Type.Boolean(),
  bookings: Type.Array(KeptBookingView),
  /** 短信验证码 sent to the phone (only when a phone was given). */
  verificationCodes: Type.Array(
    Type.Object({ purpose: Type.String(), createdAt: Type.String(), usedAt: Nullable(Type.String()), expiresAt: Type.String() }),
  ),
});
export type PersonDataResponse = Static<typeof PersonDataResponse>;

export const PersonForgetResponse = Type.Object({
  /** Bookings whose personal fields were erased (their status, service and day stay, for the reports). */
  bookings: Type.Integer(),
  /** Used or expired 短信验证码 rows whose phone hash was erased. */
  verificationCodes: Type.Integer(),
  /** The person row of the ID card was erased. */
  person: Type.Boolean(),
});
export type PersonForgetResponse = Static<typeof PersonForgetResponse>;

export const ForgetContactsBody = Type.Object(
  {
    idCard: IdCardInput,
    phone: PhoneInput,
    smsCode: Type.Optional(Type.String({ maxLength: 10, description: '短信验证码 asked for with purpose "cancel" (required when BOOKING_VERIFY=sms)' })),
  },
  { additionalProperties: false },
);
export type ForgetContactsBody = Static<typeof ForgetContactsBody>;

export const ForgetContactsResponse = Type.Object({
  /** Past (or cancelled) bookings whose phone number was erased: they no longer show in 我的预约. */
  erased: Type.Integer(),
  /** Bookings still ahead, left as they were (cancel them first to erase them too). */
  kept: Type.Integer(),
});
export type ForgetContactsResponse = Static<typeof ForgetContactsResponse>;
