// The frame of the console: the staff header, the side navigation and the open section. Staff
// without the admin role are told so (the server refuses them anyway).
import { useI18n } from '../i18n/i18n.js';
import type { Location } from '../nav/router.js';
import { StaffHeader } from '../staff/staff-header.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { loadHall } from '../hall/hall-zone.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { useResource } from '../ui/use-resource.js';
import { tabOf } from './admin-tabs.js';
import { AdminNav } from './admin-nav.js';
import { AuditScreen } from './audit-screen.js';
import { CalendarScreen } from './calendar-screen.js';
import { ReportsScreen } from './reports-screen.js';
import { ServicesScreen } from './services-screen.js';
import { StaffScreen } from './staff-screen.js';
import { TodayScreen } from './today-screen.js';

function Section({ location, today }: { location: Location; today: string }) {
  switch (tabOf(location.query)) {
    case 'services':
      return <ServicesScreen query={location.query} />;
    case 'calendar':
      return <CalendarScreen query={location.query} today={today} />;
    case 'staff':
      return <StaffScreen />;
    case 'reports':
      return <ReportsScreen query={location.query} today={today} />;
    case 'audit':
      return <AuditScreen />;
    default:
      return <TodayScreen />;
  }
}

export function AdminConsole({ location }: { location: Location }) {
  const { t } = useI18n();
  const { me } = useStaff();
  // The hall's date by the server's clock (the laptop's may be wrong): for default months and
  // ranges; and its time zone, which every time on these screens is shown in.
  const hall = useResource((signal) => loadHall(signal), 'hall');

  // A hall admin manages their hall; a city admin every hall (the first, until the console can switch).
  const manager = me.role === 'admin' || me.role === 'city_admin';
  let body = null;
  if (!manager) {
    body = <Banner tone="warning" title={t('admin.notAdmin')} />;
  } else if (!hall.data) {
    body = hall.error !== null ? <LoadFailed error={hall.error} onRetry={hall.reload} /> : <Loading />;
  } else {
    body = <Section location={location} today={hall.data.today} />;
  }

  return (
    <div className="staff-app admin-app">
      <StaffHeader appName={t('admin.appName')} place={null} live={null} />
      <div className="admin-layout">
        {manager && <AdminNav current={tabOf(location.query)} />}
        <main className="admin-main" id="main">
          {body}
        </main>
      </div>
    </div>
  );
}
