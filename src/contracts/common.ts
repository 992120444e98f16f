import { type Static, Type } from 'typebox';

/** Years 1900-2999: enough for any booking or report, and no arithmetic past year 9999. */
export const DateString = Type.String({ pattern: '^(19|2\\d)\\d{2}-\\d{2}-\\d{2}$', description: 'Hall-local date, YYYY-MM-DD' });
/** Row ids fit the databases' 32-bit integers. */
export const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
/** Event ids as clients send them back (0 = from the start). */
export const EventId = Type.Integer({ minimum: 0, maximum: 2147483647 });
export const TimeString = Type.String({
  pattern: '^([01]\\d|2[0-3]):[0-5]\\d$',
  description: 'Hall-local time, HH:mm',
});
export const TicketNumber = Type.String({
  pattern: '^([A-Z][A-Z0-9]{1,7}-)?[A-Z]\\d{14,}$',
  description: '办事编号, e.g. Y20261125090003 (the first hall) or CD-Y20261125090003 (hall CD)',
});
export const CallNumber = Type.String({
  pattern: '^[A-Z]\\d{3,5}$',
  description: '叫号号码: what the hall calls out — the service letter and the ticket’s place in that service’s day, e.g. Y012',
});

/** The token of a booking's or ticket's page /t/<token> (given only to its owner, never in live events). */
export const PublicToken = Type.String({
  pattern: '^[A-Za-z0-9_-]{22}$',
  description: 'Public ticket token: its page is /t/<token>, the QR codes carry that URL',
});

export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { $id: 'ErrorBody' },
);
export type ErrorBody = Static<typeof ErrorBody>;

export const IdCardInput = Type.String({ minLength: 1, maxLength: 40, description: '身份证号 (18 characters)' });
export const PhoneInput = Type.String({ minLength: 1, maxLength: 30, description: 'Mainland mobile number' });
