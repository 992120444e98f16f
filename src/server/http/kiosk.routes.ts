import { CheckInBody, CheckInResponse, WalkInBody, WalkInResponse } from '../../contracts/kiosk.js';
import type { ServiceContext } from '../services/context.js';
import { checkIn, walkIn } from '../services/kiosk.service.js';
import { requireDeviceOrStaff } from './auth.js';
import { hallOf } from './hall-scope.js';
import { type DeviceLimit, perPrincipalLimit } from './device-rate-limit.js';
import { errorResponses } from './errors.js';
import { langOf } from './lang.js';
import type { App } from './types.js';

export async function kioskRoutes(app: App, ctx: ServiceContext, limit: DeviceLimit): Promise<void> {
  // Only a paired kiosk (or staff) may check people in and issue numbers.
  const kiosk = requireDeviceOrStaff(ctx, 'kiosk');
  app.post(
    '/api/v1/kiosk/check-in',
    {
      onRequest: kiosk,
      // Check-in needs only an ID number (or a scanned code and its last 4): each kiosk gets its
      // own limit, and every attempt counts, wrong ones included.
      preHandler: perPrincipalLimit(ctx, 'kiosk-check-in', limit),
      schema: {
        tags: ['kiosk'],
        summary: "预约取号: check in today's bookings by ID card number, or one booking by its scanned code (token or 办事编号) and the ID card's last 4",
        body: CheckInBody,
        response: { 200: CheckInResponse, ...errorResponses(401, 403, 404, 422, 429) },
      },
    },
    async (request) => checkIn(await hallOf(ctx, request), request.body, langOf(request)),
  );

  app.post(
    '/api/v1/kiosk/walk-in',
    {
      onRequest: kiosk,
      schema: {
        tags: ['kiosk'],
        summary: '现场取号: take a walk-in number for a service',
        body: WalkInBody,
        response: { 201: WalkInResponse, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await walkIn(await hallOf(ctx, request), request.body, langOf(request))),
  );
}
