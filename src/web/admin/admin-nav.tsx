// The side navigation: one link per section, the open one marked for screen readers too.
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../ui/link.js';
import { ADMIN_TABS, type AdminTab, tabHref } from './admin-tabs.js';

export function AdminNav({ current }: { current: AdminTab }) {
  const { t } = useI18n();
  return (
    <nav className="admin-nav" aria-label={t('admin.nav')}>
      <ul>
        {ADMIN_TABS.map((tab) => (
          <li key={tab}>
            <Link href={tabHref(tab)} className="admin-nav__link" aria-current={tab === current ? 'page' : undefined}>
              <span className="admin-nav__title">{t(`admin.tab.${tab}`)}</span>
              <span className="admin-nav__hint">{t(`admin.tabHint.${tab}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
