// The routing shell every front end's entry shares. The web build has one entry per front end
// (vite.config.ts, web.routes.ts): the citizen pages (main.tsx: booking, 我的预约, /t/ and /w/), the
// kiosk, the counter, the display board, the 评价器 and the admin console, each with its own stylesheets. A
// phone opening `/` downloads the booking pages only; a path that belongs to another front end
// (a link followed inside the page, back/forward) loads that front end's page from the server.
import { type ReactNode, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { type Location, sectionOf, useLocation } from './nav/router.js';
import { AppShell } from './ui/app-shell.js';
import { applyElderMode } from './ui/elder-mode.js';
import { Link } from './ui/link.js';

export interface Route {
  render: (location: Location) => ReactNode;
  /** Whether the screen's language is remembered on this device (not on shared terminals). */
  rememberLang: boolean;
  className: string;
}

/** The top-level paths of every front end (the server answers each with its front end's page). */
const WEB_SECTIONS: ReadonlySet<string> = new Set(['/', '/h', '/records', '/t', '/w', '/kiosk', '/counter', '/display', '/evaluator', '/admin']);

/** The section the page was loaded at: it is this front end's own, never another's to fetch again. */
const LOADED_AT = sectionOf(window.location.pathname);

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

/** Another front end's path, reached inside the page: the server's page for it takes over. */
function OtherFrontEnd() {
  useEffect(() => {
    window.location.reload();
  }, []);
  return null;
}

function App({ routes }: { routes: Record<string, Route> }) {
  const location = useLocation();
  const section = sectionOf(location.path);
  const route = routes[section];
  const theme = route?.className ?? 'theme-citizen';
  useEffect(() => {
    document.body.className = theme;
  }, [theme]);
  if (!route && section !== LOADED_AT && WEB_SECTIONS.has(section)) return <OtherFrontEnd />;
  // While a screen's chunk loads, the page stays empty (a fraction of a second on the hall's network).
  if (route && !route.rememberLang) return <Suspense fallback={null}>{route.render(location)}</Suspense>;
  return (
    <I18nProvider persist>
      <Suspense fallback={null}>{route ? route.render(location) : <NotFound />}</Suspense>
    </I18nProvider>
  );
}

/** Renders a front end's routes into #root. */
export function mount(routes: Record<string, Route>): void {
  // 长辈版 as this device last chose it, before the first paint.
  applyElderMode();
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App routes={routes} />
    </StrictMode>,
  );
}
