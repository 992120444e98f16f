// 候补 (waiting list): join a full day or slot, see the position, leave; offers of a freed place.
import { type Static, Type } from 'typebox';
import { Booking } from './bookings.js';
import { DateString, Id, IdCardInput, PhoneInput, PublicToken, TimeString } from './common.js';

export const WaitlistStatus = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('offered'),
  Type.Literal('booked'),
  Type.Literal('left'),
  Type.Literal('lapsed'),
  Type.Literal('closed'),
]);

export const JoinWaitlistBody = Type.Object(
  {
    serviceId: Id,
    date: DateString,
    slot: Type.Optional(TimeString),
    idCard: IdCardInput,
    phone: PhoneInput,
    notify: Type.Optional(Type.Boolean({ description: 'Send the offer as a text message (default true)' })),
    smsCode: Type.Optional(Type.String({ maxLength: 10, description: '短信验证码 (purpose book), required when BOOKING_VERIFY=sms' })),
  },
  { additionalProperties: false },
);
export type JoinWaitlistBody = Static<typeof JoinWaitlistBody>;

export const WaitlistCredentials = Type.Object({ idCard: IdCardInput, phone: PhoneInput }, { additionalProperties: false });

export const WaitlistOffer = Type.Object({
  token: PublicToken,
  slotStart: TimeString,
  slotEnd: TimeString,
  expiresAt: Type.String({ description: 'ISO instant: accept before it' }),
  expiresAtLocal: TimeString,
  status: Type.Union([Type.Literal('held'), Type.Literal('accepted'), Type.Literal('expired'), Type.Literal('released')]),
  bookingNumber: Type.Optional(Type.String()),
});

export const WaitlistEntry = Type.Object({
  id: Type.Integer(),
  hallCode: Type.String(),
  hallName: Type.String(),
  serviceId: Type.Integer(),
  serviceName: Type.String(),
  date: DateString,
  slotStart: Type.Union([TimeString, Type.Null()], { description: 'null: any slot of the day' }),
  status: WaitlistStatus,
  position: Type.Optional(Type.Integer({ description: 'While waiting: 1 = next' })),
  offer: Type.Optional(WaitlistOffer),
  bookingNumber: Type.Optional(Type.String()),
  createdAt: Type.String(),
});
export type WaitlistEntry = Static<typeof WaitlistEntry>;

export const WaitlistEntryResponse = Type.Object({ entry: WaitlistEntry });
export const WaitlistLookupResponse = Type.Object({ entries: Type.Array(WaitlistEntry) });
export type WaitlistLookupResponse = Static<typeof WaitlistLookupResponse>;

export const WaitlistIdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const OfferTokenParams = Type.Object({ token: Type.String({ maxLength: 40 }) }, { additionalProperties: false });

/** The /w/<token> page: what is offered, nothing personal but the masked ID. */
export const OfferView = Type.Object({
  hallCode: Type.String(),
  hallName: Type.String(),
  serviceName: Type.String(),
  date: DateString,
  idCardMasked: Type.String(),
  offer: WaitlistOffer,
});
export type OfferView = Static<typeof OfferView>;

export const AcceptOfferResponse = Type.Object({ booking: Booking });
export type AcceptOfferResponse = Static<typeof AcceptOfferResponse>;
