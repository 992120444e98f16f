// The services at a glance: letter, names, days and hours, the plan's daily capacity, quotas,
// and whether citizens can see it; edit, add, deactivate (asked first) or activate.
import { useState } from 'react';
import type { AdminService } from '../../contracts/admin.js';
import { dailyCapacity } from '../../domain/schedule.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';
import { formatSlot } from '../i18n/format.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { Link } from '../ui/link.js';
import { AdminTable, RowButton } from './admin-table.js';
import { setServiceActive } from './admin-endpoints.js';
import { tabHref } from './admin-tabs.js';
import { ScreenHead } from './screen-head.js';
import { weekdaysText } from './weekday-text.js';
import { useAdminCall } from './admin-scope-context.js';

export function ServiceList({
  services,
  loading,
  flash,
  onFlash,
  onChanged,
}: {
  services: readonly AdminService[];
  loading: boolean;
  flash: string | null;
  onFlash: (text: string | null) => void;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const { onStaffError } = useStaff();
  const [asking, setAsking] = useState<AdminService | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  const nameOf = (s: AdminService) => localName(s, lang);

  const toggle = async (service: AdminService, active: boolean) => {
    setBusy(service.id);
    setRefusal(null);
    try {
      const saved = await setServiceActive(service.id, active, call);
      onFlash(t(active ? 'admin.svc.activated' : 'admin.svc.deactivated', { letter: saved.letter, name: nameOf(saved) }));
      onChanged();
    } catch (error) {
      onStaffError(error);
      setRefusal(error);
    } finally {
      setBusy(null);
      setAsking(null);
    }
  };

  return (
    <section className="admin-screen" aria-busy={loading}>
      <ScreenHead
        id="services"
        title={t('admin.tab.services')}
        lead={t('admin.svc.lead')}
        actions={
          <Link href={tabHref('services', { service: 'new' })} className="button button--primary">
            {t('admin.svc.add')}
          </Link>
        }
      />
      <div aria-live="polite">{flash && <Banner tone="success" title={flash} />}</div>
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      {services.length === 0 ? (
        <p className="admin-empty">{t('admin.svc.none')}</p>
      ) : (
        <AdminTable
          className="services-table"
          testId="services-table"
          caption={t('admin.tab.services')}
          head={
            <>
              <th scope="col">{t('admin.svc.letter')}</th>
              <th scope="col">{t('admin.svc.name')}</th>
              <th scope="col">{t('admin.svc.openCol')}</th>
              <th scope="col" className="num">
                {t('admin.svc.slotsCol')}
              </th>
              <th scope="col" className="num">
                {t('admin.svc.walkInCol')}
              </th>
              <th scope="col" className="num">
                {t('admin.svc.windowCol')}
              </th>
              <th scope="col">{t('admin.svc.queueOrder')}</th>
              <th scope="col">{t('admin.svc.status')}</th>
            </>
          }
        >
          {services.map((s) => (
            <tr key={s.id} data-letter={s.letter} className={s.active ? undefined : 'row--inactive'}>
              <td>
                <span className="service-letter service-letter--small">{s.letter}</span>
              </td>
              <th scope="row">
                <span lang={lang === 'zh' ? 'zh-CN' : 'en'}>{nameOf(s)}</span>
                <span className="admin-table__sub" lang={lang === 'zh' ? 'en' : 'zh-CN'}>
                  {localName(s, lang === 'zh' ? 'en' : 'zh')}
                </span>
              </th>
              <td>
                <span className="nowrap">{weekdaysText(s.schedule.openWeekdays, lang)}</span>
                <span className="admin-table__sub nowrap">{s.schedule.openingHours.map((h) => formatSlot(h.start, h.end)).join(', ')}</span>
              </td>
              <td className="num nowrap">{t('admin.svc.slotsCell', { n: s.schedule.slots.length, capacity: dailyCapacity(s.schedule) })}</td>
              <td className="num">{s.schedule.walkInQuota}</td>
              <td className="num">{s.schedule.bookingWindowDays}</td>
              <td className="nowrap">{t(`admin.svc.order.${s.queueOrder}`)}</td>
              <td>
                <span className={`admin-tag ${s.active ? 'admin-tag--on' : 'admin-tag--off'}`}>{s.active ? t('admin.svc.active') : t('admin.svc.inactive')}</span>
              </td>
              <td className="row-actions">
                <Link
                  href={tabHref('services', { service: s.id })}
                  className="button button--secondary button--small"
                  aria-label={t('admin.svc.editLabel', { letter: s.letter })}
                >
                  {t('admin.edit')}
                </Link>
                {s.active ? (
                  <RowButton
                    tone="danger-outline"
                    disabled={busy !== null}
                    onClick={() => setAsking(s)}
                    aria-label={t('admin.svc.deactivateLabel', { letter: s.letter })}
                  >
                    {t('admin.svc.deactivate')}
                  </RowButton>
                ) : (
                  <RowButton
                    tone="secondary"
                    disabled={busy !== null}
                    aria-busy={busy === s.id}
                    onClick={() => void toggle(s, true)}
                    aria-label={t('admin.svc.activateLabel', { letter: s.letter })}
                  >
                    {t('admin.svc.activate')}
                  </RowButton>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t('admin.svc.deactivateTitle', { letter: asking.letter, name: nameOf(asking) }) : ''}
        confirmLabel={t('admin.svc.deactivate')}
        cancelLabel={t('admin.cancel')}
        danger
        busy={busy !== null}
        onCancel={() => setAsking(null)}
        onConfirm={() => asking && void toggle(asking, false)}
      >
        <p>{t('admin.svc.deactivateBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
