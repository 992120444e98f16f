// GET /api/v1/admin/backup: whether the server takes its own backups and how the last one went
// (read from BACKUP_DIR/last-backup.json, which the process taking them writes). Admins only.
import { BackupStatusResponse } from '../../contracts/backup.js';
import type { BackupOptions } from '../backup/backup-config.js';
import { backupStatus } from '../backup/schedule.js';
import type { ServiceContext } from '../services/context.js';
import { requireStaff } from './auth.js';
import { errorResponses } from './errors.js';
import type { App } from './types.js';

export async function backupRoutes(app: App, ctx: ServiceContext, options: BackupOptions | undefined): Promise<void> {
  app.get(
    '/api/v1/admin/backup',
    {
      onRequest: requireStaff(ctx, 'admin'),
      schema: { tags: ['admin'], summary: "The server's own backups: settings and the last success", response: { 200: BackupStatusResponse, ...errorResponses(401, 403) } },
    },
    async () => backupStatus(options),
  );
}
