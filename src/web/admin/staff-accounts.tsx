// Staff accounts: who can sign in at counters and here, their role and state; reset a password
// (a new one-time password, shown once) and disable or enable an account.
import { useState } from 'react';
import type { StaffAccount } from '../../contracts/admin.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { AdminListState, AdminTable, RowButton } from './admin-table.js';
import { getStaff, resetStaffPassword, setStaffEnabled } from './admin-endpoints.js';
import { OneTimeSecret } from './one-time-secret.js';
import { StaffCreateForm } from './staff-create-form.js';
import { useAdminAction } from './use-admin-action.js';
import { useAdminResource } from './use-admin-resource.js';
import { useAdminCall } from './admin-scope-context.js';

type Ask = { kind: 'reset' | 'disable'; account: StaffAccount };

export function StaffAccounts() {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const { me } = useStaff();
  const staff = useAdminResource((call) => getStaff(call), 'admin-staff');
  const [asking, setAsking] = useState<Ask | null>(null);
  const [secret, setSecret] = useState<{ username: string; password: string; created: boolean } | null>(null);
  const { busy, refusal, flash, setFlash, run: act } = useAdminAction({ onSuccess: () => staff.reload(), onSettled: () => setAsking(null) });

  const confirm = () => {
    if (!asking) return;
    const { kind, account } = asking;
    void act(async () => {
      if (kind === 'reset') {
        const { password } = await resetStaffPassword(account.id, call);
        setSecret({ username: account.username, password, created: false });
      } else {
        await setStaffEnabled(account.id, false, call);
        setFlash(t('admin.staff.disabled', { name: account.username }));
      }
    });
  };

  const list = staff.data?.staff ?? [];
  return (
    <section className="admin-panel" aria-labelledby="staff-title">
      <h2 id="staff-title">{t('admin.staff.title')}</h2>
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <div aria-live="polite">{flash && <Banner tone="success" title={flash} />}</div>
      {secret && (
        <OneTimeSecret
          title={secret.created ? t('admin.staff.createdTitle', { name: secret.username }) : t('admin.staff.resetTitle', { name: secret.username })}
          label={t('admin.staff.oneTimePassword')}
          value={secret.password}
          note={t('admin.staff.secretNote')}
          onDone={() => setSecret(null)}
        />
      )}
      <AdminListState resource={staff} empty={list.length === 0} none={t('admin.staff.none')}>
        <AdminTable
          testId="staff-table"
          caption={t('admin.staff.title')}
          head={
            <>
              <th scope="col">{t('admin.staff.username')}</th>
              <th scope="col">{t('admin.staff.displayName')}</th>
              <th scope="col">{t('admin.staff.role')}</th>
              <th scope="col">{t('admin.staff.state')}</th>
            </>
          }
        >
          {list.map((s) => (
            <tr key={s.id} data-username={s.username} className={s.active ? undefined : 'row--inactive'}>
              <th scope="row" className="mono">
                {s.username}
              </th>
              <td>{s.displayName}</td>
              <td>{t(`admin.role.${s.role}`)}</td>
              <td className="admin-tags">
                <span className={`admin-tag ${s.active ? 'admin-tag--on' : 'admin-tag--off'}`}>{s.active ? t('admin.staff.active') : t('admin.staff.inactive')}</span>
                {s.locked && <span className="admin-tag admin-tag--warn">{t('admin.staff.locked')}</span>}
                {s.mustChangePassword && <span className="admin-tag admin-tag--info">{t('admin.staff.mustChange')}</span>}
              </td>
              <td className="row-actions">
                <RowButton
                  tone="secondary"
                  disabled={busy}
                  onClick={() => setAsking({ kind: 'reset', account: s })}
                  aria-label={t('admin.staff.resetLabel', { name: s.username })}
                >
                  {t('admin.staff.reset')}
                </RowButton>
                {s.active ? (
                  <RowButton
                    tone="danger-outline"
                    disabled={busy || s.username === me.username}
                    title={s.username === me.username ? t('admin.staff.notYourself') : undefined}
                    onClick={() => setAsking({ kind: 'disable', account: s })}
                    aria-label={t('admin.staff.disableLabel', { name: s.username })}
                  >
                    {t('admin.staff.disable')}
                  </RowButton>
                ) : (
                  <RowButton
                    tone="secondary"
                    disabled={busy}
                    onClick={() =>
                      void act(async () => {
                        await setStaffEnabled(s.id, true, call);
                        setFlash(t('admin.staff.enabled', { name: s.username }));
                      })
                    }
                    aria-label={t('admin.staff.enableLabel', { name: s.username })}
                  >
                    {t('admin.staff.enable')}
                  </RowButton>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      </AdminListState>
      <StaffCreateForm
        taken={list.map((s) => s.username)}
        onCreated={(username, password) => {
          setFlash(null);
          setSecret({ username, password, created: true });
          staff.reload();
        }}
      />
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(asking.kind === 'reset' ? 'admin.staff.resetTitleAsk' : 'admin.staff.disableTitleAsk', { name: asking.account.username }) : ''}
        confirmLabel={asking?.kind === 'reset' ? t('admin.staff.reset') : t('admin.staff.disable')}
        cancelLabel={t('admin.cancel')}
        danger={asking?.kind === 'disable'}
        busy={busy}
        onCancel={() => setAsking(null)}
        onConfirm={confirm}
      >
        <p>{asking?.kind === 'reset' ? t('admin.staff.resetBody') : t('admin.staff.disableBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
