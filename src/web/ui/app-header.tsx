// The citizen screens' header: the brand (home), the 长辈版 switch and the language switch. The
// booking app, 我的预约, the ticket page and the 候补 offer page all wear it.
import { useI18n } from '../i18n/i18n.js';
import { ElderSwitch } from './elder-switch.js';
import { LangSwitch } from './lang-switch.js';
import { Link } from './link.js';

export function AppHeader({ homeHref = '/' }: { homeHref?: string }) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <Link href={homeHref} className="app-header__brand">
        <img src="/favicon.svg" alt="" width="28" height="28" />
        <span>{t('app.name')}</span>
      </Link>
      <div className="app-header__actions">
        <ElderSwitch />
        <LangSwitch />
      </div>
    </header>
  );
}
