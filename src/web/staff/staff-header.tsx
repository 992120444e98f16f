// The bar across staff screens: app, place (the counter), live state, who is signed in, the
// language and sign-out.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { LiveStatus } from '../live/live-connection.js';
import { LangSwitch } from '../ui/lang-switch.js';
import { LiveBadge } from '../ui/live-badge.js';
import { useStaff } from './use-staff-session.js';

/** `place`: where this screen works: a counter's name (shown as a pill), or an element of its own (the admin console's hall switcher). */
export function StaffHeader({ appName, place, live, extra }: { appName: string; place: ReactNode; live: LiveStatus | null; extra?: ReactNode }) {
  const { t } = useI18n();
  const { me, signOut } = useStaff();
  return (
    <header className="staff-header">
      <div className="staff-header__where">
        <span className="staff-header__app">{appName}</span>
        {typeof place === 'string' && place ? <span className="staff-header__place">{place}</span> : place}
        {live && <LiveBadge status={live} showLive />}
      </div>
      <div className="staff-header__actions">
        {extra}
        <span className="staff-header__who">{t('auth.signedInAs', { name: me.displayName })}</span>
        <LangSwitch className="staff-header__button" />
        <button type="button" className="staff-header__button" onClick={() => void signOut()}>
          {t('auth.signOut')}
        </button>
      </div>
    </header>
  );
}
