// The citizen app's frame: skip link, header with the two sections and the language switch;
// `place` (the hall being booked in, in a city of many halls) goes under the sections.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { AppHeader } from './app-header.js';
import { Link } from './link.js';

export function AppShell({
  section,
  children,
  homeHref = '/',
  place,
}: { section: '/' | '/records'; children: ReactNode; homeHref?: string; place?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppHeader homeHref={homeHref} />
      <nav className="app-nav" aria-label={t('nav.label')}>
        <Link href={homeHref} aria-current={section === '/' ? 'page' : undefined}>
          {t('nav.book')}
        </Link>
        <Link href="/records" aria-current={section === '/records' ? 'page' : undefined}>
          {t('nav.records')}
        </Link>
      </nav>
      {place}
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">{t('app.footer')}</footer>
    </div>
  );
}
