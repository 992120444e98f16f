// Which front end answers a path. Later front ends (/admin) add a line here.
import { type ReactNode, useEffect } from 'react';
import { AdminApp } from './admin/admin-app.js';
import { BookingApp } from './booking/booking-app.js';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { CounterApp } from './counter/counter-app.js';
import { DisplayApp } from './display/display-app.js';
import { KioskApp } from './kiosk/kiosk-app.js';
import { RecordsPage } from './records/records-page.js';
import { type Location, sectionOf, useLocation } from './nav/router.js';
import { AppShell } from './ui/app-shell.js';
import { Link } from './ui/link.js';

interface Route {
  render: (location: Location) => ReactNode;
  /** Whether the screen's language is remembered on this device (not on shared terminals). */
  rememberLang: boolean;
  className: string;
}

const ROUTES: Record<string, Route> = {
  '/': { render: (location) => <BookingApp location={location} />, rememberLang: true, className: 'theme-citizen' },
  '/records': { render: () => <RecordsPage />, rememberLang: true, className: 'theme-citizen' },
  '/kiosk': { render: () => <KioskApp />, rememberLang: false, className: 'theme-kiosk' },
  '/counter': { render: () => <CounterApp />, rememberLang: true, className: 'theme-staff' },
  '/display': { render: (location) => <DisplayApp location={location} />, rememberLang: false, className: 'theme-display' },
  '/admin': { render: (location) => <AdminApp location={location} />, rememberLang: true, className: 'theme-staff' },
};

function NotFound() {
  const { t } = useI18n();
  return (
    <AppShell section="/">
      <section className="page">
        <h1>{t('notFound.title')}</h1>
        <p>
          <Link href="/">{t('notFound.home')}</Link>
        </p>
      </section>
    </AppShell>
  );
}

export function App() {
  const location = useLocation();
  const route = ROUTES[sectionOf(location.path)];
  const theme = route?.className ?? 'theme-citizen';
  useEffect(() => {
    document.body.className = theme;
  }, [theme]);
  if (route && !route.rememberLang) return <>{route.render(location)}</>;
  return <I18nProvider persist>{route ? route.render(location) : <NotFound />}</I18nProvider>;
}
