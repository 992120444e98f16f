import { type Static, Type } from 'typebox';
import { CallNumber, DateString, Id, IdCardInput, PublicToken, TicketNumber, TimeString } from './common.js';

/** The domain's TicketStatus, spelled out for validation and OpenAPI (test/http/contract-unions.test.ts keeps them equal). */
export const TicketStatus = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('called'),
  Type.Literal('serving'),
  Type.Literal('served'),
  Type.Literal('no_show'),
  Type.Literal('closed'),
]);

export const Ticket = Type.Object({
  number: TicketNumber,
  callNumber: CallNumber,
  kind: Type.Union([Type.Literal('booking'), Type.Literal('walk_in')]),
  serviceId: Type.Integer(),
  serviceLetter: Type.String(),
  serviceName: Type.String(),
  date: DateString,
  slotStart: Type.Union([TimeString, Type.Null()]),
  slotEnd: Type.Union([TimeString, Type.Null()]),
  status: TicketStatus,
  queuedAt: Type.String({ description: 'ISO instant' }),
  waitingAhead: Type.Integer({ description: 'Tickets that will be called before this one' }),
  estimatedWaitMinutes: Type.Integer({ description: "From today's average service time of the service" }),
  counterNumber: Type.Union([Type.Integer(), Type.Null()], { description: 'The counter that called it, once called' }),
  callCount: Type.Integer({ description: 'How many times it has been called (recalls included)' }),
  agentRelation: Type.Optional(
    Type.Union([Type.Literal('child'), Type.Literal('spouse'), Type.Literal('other')], {
      description: '代办: booked for the person by their 子女, 配偶 or someone else; staff ask for the authorisation letter',
    }),
  ),
  publicToken: Type.Optional(PublicToken),
});
export type Ticket = Static<typeof Ticket>;

/** The last 4 characters of the ID card, asked with a scanned code: a QR alone is not proof. */
export const IdCardLast4 = Type.String({ pattern: '^\\d{3}[\\dXx]$', description: '身份证后4位 (digits, the last may be X)' });

/** Exactly one form: the whole ID card; or a scanned code — the /t/ token or the 办事编号 — with the ID card's last 4. */
export const CheckInBody = Type.Union([
  Type.Object({ idCard: IdCardInput }, { additionalProperties: false }),
  Type.Object({ token: PublicToken, idCardLast4: IdCardLast4 }, { additionalProperties: false }),
  Type.Object({ number: TicketNumber, idCardLast4: IdCardLast4 }, { additionalProperties: false }),
]);
export type CheckInBody = Static<typeof CheckInBody>;

export const CheckInResponse = Type.Object({
  tickets: Type.Array(Ticket),
  reprint: Type.Boolean({ description: 'True when every ticket had already been issued before' }),
});
export type CheckInResponse = Static<typeof CheckInResponse>;

export const WalkInBody = Type.Object({ serviceId: Id }, { additionalProperties: false });
export type WalkInBody = Static<typeof WalkInBody>;

export const WalkInResponse = Type.Object({ ticket: Ticket });
export type WalkInResponse = Static<typeof WalkInResponse>;
