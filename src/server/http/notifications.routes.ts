// The text-message log of a hall (admin): counts by status, the messages newest first with the
// phone masked, and resending a failed one.
import { NotificationParams, NotificationsQuery, NotificationsResponse, ResendResponse } from '../../contracts/notifications.js';
import type { ServiceContext } from '../services/context.js';
import { notificationLog, resendNotification } from '../services/notification-admin.service.js';
import { requireStaff, staffOf } from './auth.js';
import { errorResponses } from './errors.js';
import { hallOf } from './hall-scope.js';
import type { App } from './types.js';

export async function notificationsRoutes(app: App, ctx: ServiceContext): Promise<void> {
  const admin = requireStaff(ctx, 'admin');
  app.get(
    '/api/v1/admin/notifications',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: '短信记录: the hall’s text messages, newest first, phones masked; counts by status',
        querystring: NotificationsQuery,
        response: { 200: NotificationsResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => notificationLog(await hallOf(ctx, request), request.query),
  );

  app.post(
    '/api/v1/admin/notifications/:id/resend',
    {
      onRequest: admin,
      schema: {
        tags: ['admin'],
        summary: 'Send a failed text message again (audited)',
        params: NotificationParams,
        response: { 200: ResendResponse, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      await resendNotification(await hallOf(ctx, request), (await staffOf(ctx, request)).username, request.params.id);
      return { id: request.params.id, status: 'queued' as const };
    },
  );
}
