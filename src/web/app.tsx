// Which front end answers a path. Each front end is its own chunk, loaded when its path is
// opened: a citizen's phone downloads the booking pages, not the admin console, the counter and
// the display board too.
import { type ReactNode, Suspense, lazy, useEffect } from 'react';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { type Location, sectionOf, useLocation } from './nav/router.js';
import { AppShell } from './ui/app-shell.js';
import { Link } from './ui/link.js';

const AdminApp = lazy(() => import('./admin/admin-app.js').then((m) => ({ default: m.AdminApp })));
const BookingApp = lazy(() => import('./booking/booking-app.js').then((m) => ({ default: m.BookingApp })));
const CounterApp = lazy(() => import('./counter/counter-app.js').then((m) => ({ default: m.CounterApp })));
const DisplayApp = lazy(() => import('./display/display-app.js').then((m) => ({ default: m.DisplayApp })));
const EvaluatorApp = lazy(() => import('./evaluator/evaluator-app.js').then((m) => ({ default: m.EvaluatorApp })));
const KioskApp = lazy(() => import('./kiosk/kiosk-app.js').then((m) => ({ default: m.KioskApp })));
const TicketApp = lazy(() => import('./ticket/ticket-app.js').then((m) => ({ default: m.TicketApp })));
const OfferApp = lazy(() => import('./offer/offer-app.js').then((m) => ({ default: m.OfferApp })));
const RecordsPage = lazy(() => import('./records/records-page.js').then((m) => ({ default: m.RecordsPage })));

interface Route {
  render: (location: Location) => ReactNode;
  /** Whether the screen's language is remembered on this device (not on shared terminals). */
  rememberLang: boolean;
  className: string;
}

const ROUTES: Record<string, Route> = {
  '/': { render: (location) => <BookingApp location={location} />, rememberLang: true, className: 'theme-citizen' },
  // /h (the hall chooser) and /h/CODE/ (one hall's own booking app, its link and QR code).
  '/h': { render: (location) => <BookingApp location={location} />, rememberLang: true, className: 'theme-citizen' },
  '/records': { render: () => <RecordsPage />, rememberLang: true, className: 'theme-citizen' },
  // /t/TOKEN: one booking's or ticket's live page (the QR codes carry it); its own small chunk.
  '/t': { render: (location) => <TicketApp location={location} />, rememberLang: true, className: 'theme-citizen' },
  // /w/TOKEN: one 候补 offer (the link in its text message).
  '/w': { render: (location) => <OfferApp location={location} />, rememberLang: true, className: 'theme-citizen' },
  '/kiosk': { render: () => <KioskApp />, rememberLang: false, className: 'theme-kiosk' },
  '/counter': { render: () => <CounterApp />, rememberLang: true, className: 'theme-staff' },
  '/display': { render: (location) => <DisplayApp location={location} />, rememberLang: false, className: 'theme-display' },
  '/evaluator': { render: () => <EvaluatorApp />, rememberLang: false, className: 'theme-evaluator' },
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
  // While a front end's chunk loads, the page stays empty (a fraction of a second on the hall's network).
  if (route && !route.rememberLang) return <Suspense fallback={null}>{route.render(location)}</Suspense>;
  return (
    <I18nProvider persist>
      <Suspense fallback={null}>{route ? route.render(location) : <NotFound />}</Suspense>
    </I18nProvider>
  );
}
