// 工作人员登录: username and password; wrong password and a locked account (with a countdown)
// said in words. Passwords are never kept after a refusal's reason is shown.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';
import { login } from '../api/auth-endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { Banner } from '../ui/banner.js';
import { TextField } from '../ui/text-field.js';
import { type SignInField, lockSecondsLeft, lockedUntil, signInProblems } from './sign-in-logic.js';
import { StaffAuthCard } from './staff-auth-card.js';
import type { StaffMe } from './use-staff-session.js';

/** Re-renders every second while a lock lasts; returns the seconds left. */
function useLockCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [until]);
  return lockSecondsLeft(until, now);
}

/** `onSignedIn` gets the password just typed too: a one-time password is then not asked for again (kept in memory only). */
export function SignInScreen({
  appName,
  notice,
  onSignedIn,
}: { appName: string; notice: 'none' | 'signed-out' | 'expired'; onSignedIn: (me: StaffMe, password: string) => void }) {
  const { t, lang } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<SignInField[]>([]);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [lockUntil, setLockUntil] = useState<number | null>(null);
  const [sending, setSending] = useState(false);
  const locked = useLockCountdown(lockUntil);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = signInProblems(username, password);
    setMissing(problems);
    if (problems.length > 0 || sending || locked > 0) return;
    setSending(true);
    setRefusal(null);
    try {
      const answer = await login(username.trim(), password, { lang });
      onSignedIn(answer.staff, password);
    } catch (error) {
      setRefusal(error);
      setPassword('');
      if (error instanceof ApiError && error.code === 'ACCOUNT_LOCKED') setLockUntil(lockedUntil(error.details.retryAfter, Date.now()));
      setSending(false);
    }
  };

  const isLock = refusal instanceof ApiError && refusal.code === 'ACCOUNT_LOCKED';
  let refusalText = refusal === null ? '' : errorText(refusal, lang);
  if (isLock) refusalText = locked > 0 ? t('auth.lockedFor', { n: locked }) : t('auth.lockOver');

  return (
    <StaffAuthCard appName={appName} title={t('auth.title')} focusKey="sign-in" onSubmit={submit}>
      {notice === 'signed-out' && refusal === null && <Banner tone="success" title={t('auth.signedOut')} />}
      {notice === 'expired' && refusal === null && <Banner tone="warning" title={t('auth.expired')} />}
      {refusal !== null && <Banner tone={isLock && locked === 0 ? 'info' : 'error'} title={refusalText} />}
      <TextField
        label={t('auth.username')}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck="false"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={missing.includes('username') ? t('auth.usernameEmpty') : null}
      />
      <TextField
        label={t('auth.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={missing.includes('password') ? t('auth.passwordEmpty') : null}
      />
      <button type="submit" className="button button--primary button--block" disabled={sending || locked > 0} aria-busy={sending}>
        {sending ? t('auth.signingIn') : locked > 0 ? t('auth.tryAgainIn', { n: locked }) : t('auth.signIn')}
      </button>
    </StaffAuthCard>
  );
}
