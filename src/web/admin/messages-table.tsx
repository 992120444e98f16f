// The rows of 短信记录: when, what (the kind in words), which booking, the masked phone, the status
// (with when a queued one is due, or when a sent one went), attempts (flagged when a sent message
// may have gone out twice), the gateway's id and the error; 重发 on a failed one.
import type { NotificationEntry } from '../../contracts/notifications.js';
import { useI18n } from '../i18n/i18n.js';
import { useHallZone } from '../hall/hall-zone.js';
import { AdminTable, RowButton } from './admin-table.js';
import { hallDateTime } from './admin-time.js';
import { canResend, dueLater, kindName, mayBeDuplicate, statusName } from './messages-logic.js';

const STATUS_TAG: Record<NotificationEntry['status'], string> = {
  queued: 'admin-tag--info',
  sending: 'admin-tag--info',
  sent: 'admin-tag--on',
  failed: 'admin-tag--closed',
  skipped: 'admin-tag--off',
};

export function MessagesTable({ entries, busy, onResend }: { entries: readonly NotificationEntry[]; busy: boolean; onResend: (entry: NotificationEntry) => void }) {
  const { t, lang } = useI18n();
  const zone = useHallZone();
  const head = (
    <>
      <th scope="col">{t('admin.msg.at')}</th>
      <th scope="col">{t('admin.msg.kind')}</th>
      <th scope="col">{t('admin.msg.number')}</th>
      <th scope="col">{t('admin.msg.phone')}</th>
      <th scope="col">{t('admin.msg.status')}</th>
      <th scope="col" className="num">
        {t('admin.msg.attempts')}
      </th>
      <th scope="col">{t('admin.msg.gatewayId')}</th>
      <th scope="col">{t('admin.msg.error')}</th>
    </>
  );
  return (
    <AdminTable className="messages-table" testId="messages-table" caption={t('admin.tab.messages')} head={head}>
      {entries.map((e) => {
        const due = dueLater(e);
        const twice = mayBeDuplicate(e);
        return (
          <tr key={e.id} data-status={e.status} data-kind={e.kind}>
            <td className="nowrap">{hallDateTime(e.createdAt, zone)}</td>
            <td>{kindName(e.kind, lang)}</td>
            <td className="mono">{e.number ?? '—'}</td>
            <td className="mono nowrap">{e.phoneMasked ?? '—'}</td>
            <td>
              <span className={`admin-tag ${STATUS_TAG[e.status]}`}>{statusName(e.status, lang)}</span>
              {due && <span className="admin-table__sub">{t('admin.msg.due', { time: hallDateTime(due, zone) })}</span>}
              {e.status === 'sent' && e.sentAt && <span className="admin-table__sub">{t('admin.msg.sentAt', { time: hallDateTime(e.sentAt, zone) })}</span>}
            </td>
            <td className="num">
              {e.attempts}
              {twice && (
                <span className="admin-tag admin-tag--warn messages-table__twice" title={t('admin.msg.duplicateHint', { n: e.attempts })}>
                  {t('admin.msg.duplicate')}
                </span>
              )}
            </td>
            <td className="mono messages-table__gateway">{e.gatewayId ?? ''}</td>
            <td className="messages-table__error">{e.error ?? ''}</td>
            <td className="row-actions">
              {canResend(e) && (
                <RowButton tone="secondary" disabled={busy} onClick={() => onResend(e)} aria-label={`${t('admin.msg.resend')} ${e.number ?? ''} ${kindName(e.kind, lang)}`}>
                  {t('admin.msg.resend')}
                </RowButton>
              )}
            </td>
          </tr>
        );
      })}
    </AdminTable>
  );
}
