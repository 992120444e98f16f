// Staff screens (/counter, later /admin) open behind this: sign in, change a one-time password,
// then the screen itself with the staff member in context.
import { type ReactNode, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { PasswordChangeScreen } from './password-change-screen.js';
import { SignInScreen } from './sign-in-screen.js';
import { StaffContext, useStaffSession } from './use-staff-session.js';

export function StaffGate({ appName, children }: { appName: string; children: ReactNode }) {
  const { lang } = useI18n();
  const { session, signedIn, signOut, refresh, onStaffError } = useStaffSession(lang);
  const me = session.state === 'signed-in' ? session.me : null;
  const value = useMemo(() => (me ? { me, signOut, onStaffError, refresh } : null), [me, signOut, onStaffError, refresh]);
  // The password typed at this sign-in, held in memory until the one-time password is replaced:
  // the change screen then asks only for the new one (it was typed a moment ago).
  const [typed, setTyped] = useState<string | null>(null);

  if (session.state === 'loading') {
    return (
      <main className="staff-auth" id="main">
        <Loading />
      </main>
    );
  }
  if (session.state === 'error') {
    return (
      <main className="staff-auth" id="main">
        <div className="staff-card">
          <LoadFailed error={session.error} onRetry={refresh} />
        </div>
      </main>
    );
  }
  if (session.state === 'signed-out') {
    return (
      <SignInScreen
        appName={appName}
        notice={session.notice}
        onSignedIn={(signedInAs, password) => {
          setTyped(signedInAs.mustChangePassword ? password : null);
          signedIn(signedInAs);
        }}
      />
    );
  }
  if (session.me.mustChangePassword) {
    return (
      <PasswordChangeScreen
        appName={appName}
        me={session.me}
        oneTimePassword={typed}
        onChanged={() => {
          setTyped(null);
          refresh();
        }}
        onSignOut={() => {
          setTyped(null);
          return signOut();
        }}
      />
    );
  }
  return <StaffContext.Provider value={value}>{children}</StaffContext.Provider>;
}
