// 人员与设备: staff accounts on the left, kiosks and display boards on the right.
import { useI18n } from '../i18n/i18n.js';
import { DevicesPanel } from './devices-panel.js';
import { ScreenHead } from './screen-head.js';
import { StaffAccounts } from './staff-accounts.js';

export function StaffScreen() {
  const { t } = useI18n();
  return (
    <section className="admin-screen">
      <ScreenHead id="staff" title={t('admin.tab.staff')} lead={t('admin.staff.lead')} />
      <StaffAccounts />
      <DevicesPanel />
    </section>
  );
}
