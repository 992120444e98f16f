// The frame of the console: the staff header with the hall (a switcher for city admins), the side
// navigation and the open section. Staff without an admin role are told so (the server refuses
// them anyway). Every section below works in the scope chosen here.
import { useI18n } from '../i18n/i18n.js';
import type { Location } from '../nav/router.js';
import { StaffHeader } from '../staff/staff-header.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { loadHall } from '../hall/hall-zone.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { useResource } from '../ui/use-resource.js';
import { getHalls } from './admin-endpoints.js';
import { AdminScopeContext, type AdminScopeValue, useHallChoice } from './admin-scope-context.js';
import { choose, scopeOf } from './admin-scope.js';
import { type AdminRole, type AdminTab, cityWhenAlone, hasCityLevel, isHallTab, tabOf } from './admin-tabs.js';
import { AdminNav } from './admin-nav.js';
import { AuditScreen } from './audit-screen.js';
import { CalendarScreen } from './calendar-screen.js';
import { CatalogScreen } from './catalog-screen.js';
import { CityScreen } from './city-screen.js';
import { HallPlace, HallSwitcher } from './hall-switcher.js';
import { HallsScreen } from './halls-screen.js';
import { MessagesScreen } from './messages-screen.js';
import { NoShowScreen } from './no-show-screen.js';
import { ReportsScreen } from './reports-screen.js';
import { PersonsScreen } from './persons-screen.js';
import { RatingsScreen } from './ratings-screen.js';
import { ServicesScreen } from './services-screen.js';
import { StaffScreen } from './staff-screen.js';
import { TodayScreen } from './today-screen.js';
import { WebhooksScreen } from './webhooks-screen.js';

function Section({ tab, location, today, city }: { tab: AdminTab; location: Location; today: string; city: boolean }) {
  switch (tab) {
    case 'services':
      return <ServicesScreen query={location.query} />;
    case 'calendar':
      return <CalendarScreen query={location.query} today={today} />;
    case 'staff':
      return <StaffScreen />;
    case 'reports':
      return <ReportsScreen query={location.query} today={today} />;
    case 'messages':
      return <MessagesScreen />;
    case 'webhooks':
      return <WebhooksScreen />;
    case 'noShow':
      return <NoShowScreen />;
    case 'ratings':
      return <RatingsScreen today={today} city={city} />;
    case 'audit':
      return <AuditScreen />;
    case 'persons':
      return <PersonsScreen />;
    case 'city':
      return <CityScreen query={location.query} />;
    case 'halls':
      return <HallsScreen query={location.query} />;
    case 'catalog':
      return <CatalogScreen />;
    default:
      return <TodayScreen />;
  }
}

function adminRole(role: string): AdminRole | null {
  return role === 'city_admin' || role === 'admin' ? role : null;
}

/** The console for an admin: their halls, the scope of the open section, and the section. */
function Console({ location, role, own }: { location: Location; role: AdminRole; own: string | null }) {
  const { t, lang } = useI18n();
  const { onStaffError } = useStaff();
  // The hall's date by the server's clock (the laptop's may be wrong): for default months and
  // ranges; and its time zone, which every time on these screens is shown in.
  const hall = useResource((signal) => loadHall(signal), 'hall');
  const halls = useResource(
    (signal) =>
      getHalls({ lang, signal }).catch((error: unknown) => {
        onStaffError(error);
        throw error;
      }),
    `admin-halls:${lang}`,
  );
  const [choice, setChoice] = useHallChoice();
  const tab = tabOf(location.query, role);
  const list = halls.data?.halls;
  const scope = list ? scopeOf({ own, choice, halls: list.map((h) => h.code), cityLevel: hasCityLevel(tab), cityWhenAlone: cityWhenAlone(tab) }) : null;
  const value: AdminScopeValue | null =
    scope && list ? { role, scope, halls: list, reloadHalls: halls.reload, choose: (v: string) => setChoice(choose(choice, v)) } : null;

  let body = null;
  let place = null;
  const failed = hall.error ?? halls.error;
  if (!hall.data || !value) {
    body = failed !== null ? <LoadFailed error={failed} onRetry={hall.data ? halls.reload : hall.reload} /> : <Loading />;
  } else {
    body = <Section tab={tab} location={location} today={hall.data.today} city={role === 'city_admin'} />;
    // A city admin switches halls where a section works in one (with one hall there is nothing to switch).
    const switchable = role === 'city_admin' && isHallTab(tab) && value.halls.length > 1;
    place = switchable ? <HallSwitcher cityLevel={hasCityLevel(tab)} /> : <HallPlace city={role === 'city_admin' && !isHallTab(tab)} />;
  }

  return (
    <div className="staff-app admin-app">
      <AdminScopeContext.Provider value={value}>
        <StaffHeader appName={t('admin.appName')} place={place} live={null} />
        <div className="admin-layout">
          <AdminNav role={role} current={tab} />
          <main className="admin-main" id="main">
            {body}
          </main>
        </div>
      </AdminScopeContext.Provider>
    </div>
  );
}

export function AdminConsole({ location }: { location: Location }) {
  const { t } = useI18n();
  const { me } = useStaff();
  const role = adminRole(me.role);
  if (role) return <Console location={location} role={role} own={role === 'admin' ? me.hall : null} />;
  return (
    <div className="staff-app admin-app">
      <StaffHeader appName={t('admin.appName')} place={null} live={null} />
      <div className="admin-layout">
        <main className="admin-main" id="main">
          <Banner tone="warning" title={t('admin.notAdmin')} />
        </main>
      </div>
    </div>
  );
}
