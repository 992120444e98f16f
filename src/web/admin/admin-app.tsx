// The admin console at /admin (管理后台): behind the staff sign-in, for the admin role.
import { useI18n } from '../i18n/i18n.js';
import type { Location } from '../nav/router.js';
import { StaffGate } from '../staff/staff-gate.js';
import { AdminConsole } from './admin-console.js';

export function AdminApp({ location }: { location: Location }) {
  const { t } = useI18n();
  return (
    <StaffGate appName={t('admin.appName')}>
      <AdminConsole location={location} />
    </StaffGate>
  );
}
