// The citizen app's frame: skip link, header with the two sections and the language switch;
// `place` (the hall being booked in, in a city of many halls) goes under the sections.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { LangSwitch } from './lang-switch.js';
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
      <header className="app-header">
        <Link href={homeHref} className="app-header__brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('app.name')}</span>
        </Link>
        <LangSwitch />
      </header>
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
