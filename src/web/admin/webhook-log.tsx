// One endpoint's delivery log, newest first: when, the event, the number, the status (with the
// next attempt of a queued one), attempts and the last HTTP status or error. Reloads on demand
// (with the endpoints' counts above it).
import { WEBHOOK_EVENTS, WEBHOOK_PING, type WebhookDelivery, type WebhookEndpoint, type WebhookEvent } from '../../contracts/webhooks.js';
import { useI18n } from '../i18n/i18n.js';
import { useHallZone } from '../hall/hall-zone.js';
import { AdminListState, AdminTable } from './admin-table.js';
import { hallDateTime } from './admin-time.js';
import { getWebhookDeliveries } from './admin-endpoints.js';
import { useAdminResource } from './use-admin-resource.js';

const STATUS_TAG: Record<WebhookDelivery['status'], string> = {
  queued: 'admin-tag--info',
  sending: 'admin-tag--info',
  delivered: 'admin-tag--on',
  failed: 'admin-tag--closed',
};

export function WebhookLog({ endpoint, version, onReload, onClose }: { endpoint: WebhookEndpoint; version: number; onReload: () => void; onClose: () => void }) {
  const { t } = useI18n();
  const zone = useHallZone();
  const log = useAdminResource((c) => getWebhookDeliveries(endpoint.id, c), `webhook-log:${endpoint.id}:${version}`);
  const rows = log.data?.deliveries ?? [];
  const known = (e: string): e is WebhookEvent | typeof WEBHOOK_PING => e === WEBHOOK_PING || (WEBHOOK_EVENTS as readonly string[]).includes(e);
  const eventName = (e: string) => (known(e) ? t(`admin.hook.event.${e}`) : e);
  const head = (
    <>
      <th scope="col">{t('admin.hook.colAt')}</th>
      <th scope="col">{t('admin.hook.colEvent')}</th>
      <th scope="col">{t('admin.hook.colNumber')}</th>
      <th scope="col">{t('admin.hook.colStatus')}</th>
      <th scope="col" className="num">
        {t('admin.hook.colAttempts')}
      </th>
      <th scope="col">{t('admin.hook.colResult')}</th>
    </>
  );
  return (
    <section className="admin-panel" aria-busy={log.loading} data-testid="webhook-log">
      <div className="admin-head">
        <h2>{t('admin.hook.logTitle', { url: endpoint.url })}</h2>
        <div className="admin-head__actions">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              log.reload();
              onReload();
            }}
          >
            {t('admin.hook.reload')}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={onClose}>
            {t('admin.hook.close')}
          </button>
        </div>
      </div>
      <AdminListState resource={log} empty={rows.length === 0} none={t('admin.hook.logNone')}>
        <AdminTable testId="webhook-deliveries" caption={t('admin.hook.log')} head={head}>
          {rows.map((d) => (
            <tr key={d.id} data-status={d.status} data-event={d.event}>
              <td className="nowrap">{hallDateTime(d.createdAt, zone)}</td>
              <td>
                {eventName(d.event)} <code>{d.event}</code>
              </td>
              <td className="mono">{d.number ?? '—'}</td>
              <td>
                <span className={`admin-tag ${STATUS_TAG[d.status]}`}>{t(`admin.hook.status.${d.status}`)}</span>
                {d.nextAttemptAt && <span className="admin-table__sub">{t('admin.hook.next', { time: hallDateTime(d.nextAttemptAt, zone) })}</span>}
              </td>
              <td className="num">{d.attempts}</td>
              <td className="messages-table__error">
                {d.lastStatus !== null && t('admin.hook.httpStatus', { status: d.lastStatus })} {d.lastError ?? ''}
              </td>
              <td />
            </tr>
          ))}
        </AdminTable>
      </AdminListState>
    </section>
  );
}
