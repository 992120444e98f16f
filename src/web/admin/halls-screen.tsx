// 大厅 (city admins): the city's halls with their district, address, hours and number prefix; a new
// hall (?tab=halls&edit=new) or one's details (?edit=CD); closing a hall to the public and
// reopening it. What was saved is said above the list afterwards.
import { useEffect, useState } from 'react';
import type { AdminHall } from '../../contracts/admin-halls.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { navigate } from '../nav/router.js';
import { Banner } from '../ui/banner.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { Link } from '../ui/link.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { getCatalog, updateHall } from './admin-endpoints.js';
import { useAdminScope } from './admin-scope-context.js';
import { hallEditingOf, tabHref } from './admin-tabs.js';
import { AdminTable, RowButton } from './admin-table.js';
import { HallEditor } from './hall-editor.js';
import { activityBody } from './hall-form.js';
import { districtName, hallName } from './hall-names.js';
import { ScreenHead } from './screen-head.js';
import { useAdminAction } from './use-admin-action.js';
import { useAdminResource } from './use-admin-resource.js';

export function HallsScreen({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const { halls, reloadHalls } = useAdminScope();
  const editing = hallEditingOf(query);
  const catalog = useAdminResource((call) => getCatalog(call), 'catalog');
  const [asking, setAsking] = useState<AdminHall | null>(null);
  const action = useAdminAction({ onSuccess: reloadHalls, onSettled: () => setAsking(null) });
  const { setFlash } = action;
  useEffect(() => {
    if (editing !== null) setFlash(null);
  }, [editing, setFlash]);

  const setActive = (hall: AdminHall, active: boolean) =>
    action.run(async () => {
      const saved = await updateHall(hall.code, activityBody(hall, active), { lang });
      action.setFlash(t(active ? 'admin.halls.reopened' : 'admin.halls.closedDone', { name: hallName(saved, lang) }));
    });

  if (editing !== null) {
    if (!catalog.data) return <section className="admin-screen">{catalog.error !== null ? <LoadFailed error={catalog.error} onRetry={catalog.reload} /> : <Loading />}</section>;
    const hall = editing === 'new' ? null : halls.find((h) => h.code === editing);
    if (hall === undefined) {
      return (
        <section className="admin-screen">
          <Banner tone="error" title={t('admin.halls.notFound')} />
        </section>
      );
    }
    return (
      <HallEditor
        key={editing}
        hall={hall}
        halls={halls}
        catalog={catalog.data.entries}
        onCancel={() => navigate(tabHref('halls'))}
        onSaved={(saved, created) => {
          reloadHalls();
          navigate(tabHref('halls'));
          setFlash(t(created ? 'admin.halls.created' : 'admin.halls.saved', { code: saved.code, name: hallName(saved, lang) }));
        }}
      />
    );
  }

  return (
    <section className="admin-screen">
      <ScreenHead
        id="halls"
        title={t('admin.tab.halls')}
        lead={t('admin.halls.lead')}
        actions={
          <Link href={tabHref('halls', { edit: 'new' })} className="button button--primary">
            {t('admin.halls.new')}
          </Link>
        }
      />
      <div aria-live="polite">{action.flash && <Banner tone="success" title={action.flash} />}</div>
      {action.refusal !== null && <Banner tone="error" title={errorText(action.refusal, lang)} />}
      <AdminTable
        className="halls-table"
        testId="halls-table"
        caption={t('admin.tab.halls')}
        head={
          <>
            <th scope="col">{t('admin.halls.code')}</th>
            <th scope="col">{t('admin.svc.name')}</th>
            <th scope="col">{t('admin.halls.districtZh')}</th>
            <th scope="col">{t('admin.halls.addressZh')}</th>
            <th scope="col">{t('admin.halls.hoursZh')}</th>
            <th scope="col">{t('admin.halls.prefix')}</th>
            <th scope="col">{t('admin.halls.status')}</th>
          </>
        }
      >
        {halls.map((h) => (
          <tr key={h.code} data-hall={h.code} className={h.active ? undefined : 'row--inactive'}>
            <td>
              <code>{h.code}</code>
            </td>
            <th scope="row">
              {hallName(h, lang)}
              <span className="admin-table__sub">{h.phone}</span>
            </th>
            <td>{districtName(h, lang)}</td>
            <td>{lang === 'en' && h.addressEn ? h.addressEn : h.addressZh}</td>
            <td>{lang === 'en' && h.hoursEn ? h.hoursEn : h.hoursZh}</td>
            <td>{h.numberPrefix ? <code>{h.numberPrefix}</code> : <span className="muted">{t('admin.halls.noPrefix')}</span>}</td>
            <td>
              <span className={`admin-tag ${h.active ? 'admin-tag--on' : 'admin-tag--off'}`}>{h.active ? t('admin.halls.open') : t('admin.halls.closed')}</span>
            </td>
            <td className="row-actions">
              <Link href={tabHref('halls', { edit: h.code })} className="button button--secondary button--small" aria-label={t('admin.halls.editLabel', { code: h.code })}>
                {t('admin.edit')}
              </Link>
              {h.active ? (
                <RowButton tone="danger-outline" disabled={action.busy} onClick={() => setAsking(h)} aria-label={t('admin.halls.closeLabel', { name: hallName(h, lang) })}>
                  {t('admin.halls.close')}
                </RowButton>
              ) : (
                <RowButton
                  tone="secondary"
                  disabled={action.busy}
                  onClick={() => void setActive(h, true)}
                  aria-label={t('admin.halls.reopenLabel', { name: hallName(h, lang) })}
                >
                  {t('admin.halls.reopen')}
                </RowButton>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t('admin.halls.closeTitle', { name: hallName(asking, lang) }) : ''}
        confirmLabel={t('admin.halls.close')}
        cancelLabel={t('admin.cancel')}
        danger
        busy={action.busy}
        onCancel={() => setAsking(null)}
        onConfirm={() => asking && void setActive(asking, false)}
      >
        <p>{t('admin.halls.closeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
