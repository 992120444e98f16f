// The text-message log for a hall's admin: what was sent, what failed and why, and resending a
// failed message (audited).
import type { NotificationEntry, NotificationsResponse } from '../../contracts/notifications.js';
import type { NotificationStatus } from '../db/schema.js';
import { appendAudit } from '../repositories/audit.repository.js';
import { countNotificationsByStatus, findNotification, listNotifications, requeueFailed } from '../repositories/notification.repository.js';
import { AppError } from './app-error.js';
import { type HallContext, nowOf } from './context.js';
import { transact } from './transact.js';

export async function notificationLog(
  ctx: HallContext,
  filter: { status?: NotificationStatus; before?: number; limit?: number },
): Promise<NotificationsResponse> {
  const rows = await listNotifications(ctx.db, { hallId: ctx.hall.id, status: filter.status, beforeId: filter.before, limit: filter.limit ?? 50 });
  return {
    counts: await countNotificationsByStatus(ctx.db, ctx.hall.id),
    notifications: rows.map(
      (r): NotificationEntry => ({
        id: r.id,
        kind: r.kind,
        channel: r.channel,
        status: r.status,
        lang: r.lang,
        number: r.number,
        phoneMasked: r.phoneMasked,
        attempts: r.attempts,
        nextAttemptAt: r.nextAttemptAt,
        gatewayId: r.gatewayId,
        error: r.error,
        createdAt: r.createdAt,
        sentAt: r.sentAt,
      }),
    ),
  };
}

/** Queues a failed message of the hall again (after the gateway or the number was put right). */
export async function resendNotification(ctx: HallContext, actor: string, id: number): Promise<void> {
  const n = await findNotification(ctx.db, id);
  if (!n || n.hallId !== ctx.hall.id) throw new AppError('NOT_FOUND');
  const now = nowOf(ctx);
  await transact(ctx.db, async (trx) => {
    if (!(await requeueFailed(trx, id, ctx.hall.id, now.iso))) throw new AppError('NOT_RESENDABLE', { status: n.status });
    await appendAudit(trx, { hallId: ctx.hall.id, at: now.iso, actor, action: 'notification.resend', target: `notification #${id}`, details: { kind: n.kind, error: n.error } });
  });
  ctx.events?.committed();
}
