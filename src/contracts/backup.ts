import { type Static, Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** GET /api/v1/admin/backup: the server's own backups (BACKUP_DIR), for the admin console. */
export const BackupStatusResponse = Type.Object({
  /** BACKUP_DIR is set on this server. */
  enabled: Type.Boolean(),
  /** BACKUP_DIR, as the server resolved it. */
  dir: Nullable(Type.String()),
  everySeconds: Nullable(Type.Integer()),
  keep: Nullable(Type.Integer()),
  /** BACKUP_PASSPHRASE is set: the HMAC key is beside each backup, encrypted. */
  keysBeside: Type.Boolean(),
  /** Backups in the folder now. */
  backups: Type.Integer(),
  lastSuccess: Nullable(
    Type.Object({ at: Type.String(), file: Type.String(), bytes: Type.Integer(), seconds: Type.Number(), rows: Type.Integer() }),
  ),
  lastFailure: Nullable(Type.Object({ at: Type.String(), error: Type.String() })),
  /** When the next backup is due: BACKUP_EVERY after the newest in the folder (null: at once, there is none). */
  nextDueAt: Nullable(Type.String()),
});
export type BackupStatusResponse = Static<typeof BackupStatusResponse>;
