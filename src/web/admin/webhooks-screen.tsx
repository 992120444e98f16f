// Webhook 推送: the hall's endpoints (a city admin's for every hall too) with their delivery counts;
// add one (its secret shown once), change it, switch it off or on, rotate its secret (asked first,
// the new one shown once), send a test, and open its delivery log.
import { useState } from 'react';
import type { WebhookEndpoint, WebhookSecretResponse } from '../../contracts/webhooks.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { Banner } from '../ui/banner.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { AdminListState, AdminTable, RowButton } from './admin-table.js';
import { getWebhooks, rotateWebhookSecret, testWebhook, updateWebhook } from './admin-endpoints.js';
import { useAdminCall } from './admin-scope-context.js';
import { OneTimeSecret } from './one-time-secret.js';
import { ScreenHead } from './screen-head.js';
import { useAdminAction } from './use-admin-action.js';
import { useAdminResource } from './use-admin-resource.js';
import { WebhookForm } from './webhook-form.js';
import { WebhookLog } from './webhook-log.js';

export function WebhooksScreen() {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const list = useAdminResource((c) => getWebhooks(c), 'webhooks');
  const [form, setForm] = useState<'new' | WebhookEndpoint | null>(null);
  const [secret, setSecret] = useState<WebhookSecretResponse | null>(null);
  const [rotating, setRotating] = useState<WebhookEndpoint | null>(null);
  const [logOf, setLogOf] = useState<WebhookEndpoint | null>(null);
  const [logVersion, setLogVersion] = useState(0);
  const { busy, refusal, flash, setFlash, run } = useAdminAction({ onSuccess: () => list.reload(), onSettled: () => setRotating(null) });
  const endpoints = list.data?.endpoints ?? [];

  const toggle = (e: WebhookEndpoint) =>
    void run(async () => {
      await updateWebhook(e.id, { url: e.url, events: e.events, active: !e.active }, call);
      setFlash(t('admin.hook.saved'));
    });
  const test = (e: WebhookEndpoint) =>
    void run(async () => {
      await testWebhook(e.id, call);
      setFlash(t('admin.hook.tested'));
      setLogOf(e);
      setLogVersion((v) => v + 1);
    });
  const rotate = () => {
    if (!rotating) return;
    const e = rotating;
    void run(async () => setSecret(await rotateWebhookSecret(e.id, call)));
  };

  const head = (
    <>
      <th scope="col">{t('admin.hook.colUrl')}</th>
      <th scope="col">{t('admin.hook.colEvents')}</th>
      <th scope="col">{t('admin.hook.colHall')}</th>
      <th scope="col">{t('admin.hook.colState')}</th>
      <th scope="col">{t('admin.hook.colDeliveries')}</th>
    </>
  );
  return (
    <section className="admin-screen" aria-busy={list.loading}>
      <ScreenHead
        id="webhooks"
        title={t('admin.tab.webhooks')}
        lead={t('admin.hook.lead')}
        actions={
          form === null && (
            <button type="button" className="button button--primary" onClick={() => setForm('new')}>
              {t('admin.hook.add')}
            </button>
          )
        }
      />
      {secret && (
        <OneTimeSecret title={t('admin.hook.secretTitle')} label={t('admin.hook.secretLabel')} value={secret.secret} note={t('admin.hook.secretNote')} onDone={() => setSecret(null)}>
          <p className="mono">{secret.endpoint.url}</p>
        </OneTimeSecret>
      )}
      {form !== null && (
        <WebhookForm
          key={form === 'new' ? 'new' : form.id}
          editing={form === 'new' ? null : form}
          onCreated={(made) => {
            setForm(null);
            setSecret(made);
            list.reload();
          }}
          onSaved={() => {
            setForm(null);
            setFlash(t('admin.hook.saved'));
            list.reload();
          }}
          onCancel={() => setForm(null)}
        />
      )}
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <div aria-live="polite">{flash && <Banner tone="success" title={flash} />}</div>
      <AdminListState resource={list} empty={endpoints.length === 0} none={t('admin.hook.none')}>
        <AdminTable className="webhooks-table" testId="webhooks-table" caption={t('admin.tab.webhooks')} head={head}>
          {endpoints.map((e) => (
            <tr key={e.id} data-active={e.active}>
              <td className="mono webhooks-table__url">{e.url}</td>
              <td className="webhooks-table__events">{e.events.map((name) => t(`admin.hook.event.${name}`)).join('、')}</td>
              <td>{e.hallCode ?? t('admin.hook.allHallsTag')}</td>
              <td>
                <span className={`admin-tag ${e.active ? 'admin-tag--on' : 'admin-tag--off'}`}>{e.active ? t('admin.hook.on') : t('admin.hook.off')}</span>
              </td>
              <td className="nowrap">{t('admin.hook.counts', e.counts)}</td>
              <td className="row-actions">
                <RowButton tone="secondary" disabled={busy} onClick={() => setForm(e)}>
                  {t('admin.hook.edit')}
                </RowButton>
                <RowButton tone="secondary" disabled={busy} onClick={() => toggle(e)}>
                  {e.active ? t('admin.hook.disable') : t('admin.hook.enable')}
                </RowButton>
                <RowButton tone="secondary" disabled={busy} onClick={() => test(e)}>
                  {t('admin.hook.test')}
                </RowButton>
                <RowButton tone="secondary" disabled={busy} onClick={() => setRotating(e)}>
                  {t('admin.hook.rotate')}
                </RowButton>
                <RowButton
                  tone="secondary"
                  onClick={() => {
                    setLogOf(e);
                    setLogVersion((v) => v + 1);
                  }}
                >
                  {t('admin.hook.log')}
                </RowButton>
              </td>
            </tr>
          ))}
        </AdminTable>
      </AdminListState>
      {logOf && <WebhookLog endpoint={logOf} version={logVersion} onReload={list.reload} onClose={() => setLogOf(null)} />}
      <ConfirmDialog
        open={rotating !== null}
        title={t('admin.hook.rotateTitle')}
        confirmLabel={t('admin.hook.rotateConfirm')}
        cancelLabel={t('admin.cancel')}
        busy={busy}
        onCancel={() => setRotating(null)}
        onConfirm={rotate}
      >
        {rotating && <p>{t('admin.hook.rotateQuestion', { url: rotating.url })}</p>}
      </ConfirmDialog>
    </section>
  );
}
