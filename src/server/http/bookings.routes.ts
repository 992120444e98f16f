import { Type } from 'typebox';
import {
  BookingMessagesBody,
  BookingMessagesResponse,
  BookingNumberParams,
  CancelBody,
  BookingStatusesBody,
  BookingStatusesResponse,
  CancelResponse,
  CreateBookingBody,
  CreateBookingResponse,
  LookupResponse,
  PersonCredentials,
  RescheduleBody,
  RescheduleResponse,
  VerificationCodeBody,
  VerificationCodeResponse,
} from '../../contracts/bookings.js';
import { ForgetContactsBody, ForgetContactsResponse } from '../../contracts/person-data.js';
import { forgetPastContacts } from '../services/person-data.service.js';
import { requestCode } from '../services/verification.service.js';
import { bookingStatuses, cancelBooking, createBooking, lookupBookings, setBookingMessages } from '../services/booking.service.js';
import type { ServiceContext } from '../services/context.js';
import { rescheduleBooking } from '../services/reschedule.service.js';
import { errorResponses } from './errors.js';
import { langOf } from './lang.js';
import type { App } from './types.js';

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

export async function bookingsRoutes(app: App, ctx: ServiceContext): Promise<void> {
  app.post(
    '/api/v1/bookings',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['bookings'],
        summary: '预约: book a place in a slot; returns the 办事编号',
        headers: IdempotencyHeaders,
        body: CreateBookingBody,
        response: { 201: CreateBookingResponse, 200: CreateBookingResponse, ...errorResponses(404, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const result = await createBooking(ctx, request.body, { idempotencyKey: key, lang: langOf(request) });
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );

  app.post(
    '/api/v1/bookings/lookup',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['bookings'],
        summary: '预约记录: the bookings made with this ID card number and phone, newest first',
        body: PersonCredentials,
        response: { 200: LookupResponse, ...errorResponses(429) },
      },
    },
    (request) => lookupBookings(ctx, request.body, langOf(request)),
  );

  app.post(
    '/api/v1/bookings/statuses',
    {
      schema: {
        tags: ['bookings'],
        summary: "The statuses of bookings this device remembers, each with the status token it was given; nothing personal",
        body: BookingStatusesBody,
        response: { 200: BookingStatusesResponse, ...errorResponses() },
      },
    },
    (request) => bookingStatuses(ctx, request.body.bookings),
  );

  app.post(
    '/api/v1/bookings/:number/cancel',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['bookings'],
        summary: 'Cancel a booking before its slot starts; the place returns to the pool',
        params: BookingNumberParams,
        body: CancelBody,
        response: { 200: CancelResponse, ...errorResponses(404, 409, 429) },
      },
    },
    (request) => cancelBooking(ctx, request.params.number, request.body, langOf(request)),
  );

  app.post(
    '/api/v1/bookings/:number/reschedule',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['bookings'],
        summary: '改约: move a booking to another slot of the same service (this hall or another offering it), before its slot starts; at most twice',
        params: BookingNumberParams,
        body: RescheduleBody,
        response: { 200: RescheduleResponse, ...errorResponses(404, 409, 422, 429) },
      },
    },
    (request) => rescheduleBooking(ctx, request.params.number, request.body, langOf(request)),
  );

  app.post(
    '/api/v1/verification-codes',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['bookings'],
        summary: '短信验证码: send a code to the phone before booking, cancelling or moving a booking (BOOKING_VERIFY=sms); 5 an hour per phone and per address',
        body: VerificationCodeBody,
        response: { 202: VerificationCodeResponse, ...errorResponses(404, 422, 429) },
      },
    },
    async (request, reply) => reply.status(202).send(await requestCode(ctx, request.body, request.ip, langOf(request))),
  );

  app.post(
    '/api/v1/bookings/:number/messages',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['bookings'],
        summary: '我的预约: switch text messages about a booking on or off (ID card + phone)',
        params: BookingNumberParams,
        body: BookingMessagesBody,
        response: { 200: BookingMessagesResponse, ...errorResponses(404, 429) },
      },
    },
    (request) => setBookingMessages(ctx, request.params.number, request.body, langOf(request)),
  );

  app.post(
    '/api/v1/bookings/forget-contacts',
    {
      config: { rateLimit: true },
      schema: {
        tags: ['bookings'],
        summary: '我的预约: erase the phone number of your bookings that are over (ID card + phone, and the code when BOOKING_VERIFY=sms)',
        body: ForgetContactsBody,
        response: { 200: ForgetContactsResponse, ...errorResponses(422, 429) },
      },
    },
    (request) => forgetPastContacts(ctx, request.body),
  );
}
