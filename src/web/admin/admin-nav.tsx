// The side navigation: one link per section the role sees, the open one marked for screen readers
// too; the sections of one hall first, then the city's own (overview, halls, catalogue).
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../ui/link.js';
import { type AdminRole, type AdminTab, isCityGroup, tabHref, tabsFor } from './admin-tabs.js';

export function AdminNav({ role, current }: { role: AdminRole; current: AdminTab }) {
  const { t } = useI18n();
  const tabs = tabsFor(role);
  const item = (tab: AdminTab) => (
    <li key={tab}>
      <Link href={tabHref(tab)} className="admin-nav__link" aria-current={tab === current ? 'page' : undefined}>
        <span className="admin-nav__title">{t(`admin.tab.${tab}`)}</span>
        <span className="admin-nav__hint">{t(`admin.tabHint.${tab}`)}</span>
      </Link>
    </li>
  );
  const cityTabs = tabs.filter(isCityGroup);
  return (
    <nav className="admin-nav" aria-label={t('admin.nav')}>
      <div className="admin-nav__inner">
        <ul>{tabs.filter((tab) => !isCityGroup(tab)).map(item)}</ul>
        {cityTabs.length > 0 && (
          <>
            <p className="admin-nav__group" aria-hidden="true">
              {t('admin.navCity')}
            </p>
            <ul>{cityTabs.map(item)}</ul>
          </>
        )}
      </div>
    </nav>
  );
}
