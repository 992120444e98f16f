// The server's own backups (BACKUP_DIR) on the 今日 screen: the last success (when, file, size),
// the folder, how many are kept and when the next is due; the last failure if it came after.
// Nothing is shown when the server takes no backups of its own.
import { useHallZone } from '../hall/hall-zone.js';
import { useI18n } from '../i18n/i18n.js';
import { getBackupStatus } from './admin-endpoints.js';
import { hallDateTime } from './admin-time.js';
import { formatBytes, formatEvery } from './backup-logic.js';
import { useAdminResource } from './use-admin-resource.js';

export function BackupPanel() {
  const { t } = useI18n();
  const zone = useHallZone();
  const status = useAdminResource((call) => getBackupStatus(call), 'backup').data;
  if (!status?.enabled) return null;
  const last = status.lastSuccess;
  const failedSince = status.lastFailure && (!last || status.lastFailure.at > last.at) ? status.lastFailure : null;
  const rows: [string, string][] = [
    [t('admin.backup.last'), last ? hallDateTime(last.at, zone) : t('admin.backup.none')],
    ...(last ? ([[t('admin.backup.file'), `${last.file} (${formatBytes(last.bytes)})`]] as [string, string][]) : []),
    [t('admin.backup.dir'), status.dir ?? ''],
    [t('admin.backup.plan'), t('admin.backup.planText', { every: formatEvery(status.everySeconds ?? 0), keep: status.keep ?? 0, count: status.backups })],
    [t('admin.backup.next'), status.nextDueAt ? hallDateTime(status.nextDueAt, zone) : t('admin.backup.soon')],
  ];
  return (
    <section className="admin-panel" aria-labelledby="today-backup" data-testid="backup-panel">
      <h2 id="today-backup">{t('admin.backup.title')}</h2>
      {failedSince && (
        <p className="field__error" role="alert">
          {t('admin.backup.failed', { at: hallDateTime(failedSince.at, zone), error: failedSince.error })}
        </p>
      )}
      <dl className="backup-facts">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {!status.keysBeside && <p className="muted">{t('admin.backup.keysApart')}</p>}
    </section>
  );
}
