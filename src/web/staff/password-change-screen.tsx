// First sign-in with a one-time password (or a reset one): choose a new password before anything
// else. The same strength rule as the server, checked as you go; the server has the last word.
// Right after signing in the one-time password was just typed: it is carried over, and only the
// new password is asked (after a reload it is asked again, as nothing keeps it).
import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.js';
import { changePassword } from '../api/auth-endpoints.js';
import { errorText } from '../api/error-text.js';
import { errorMessage } from '../../contracts/errors.js';
import { type Translate, useI18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/i18n.js';
import { Banner } from '../ui/banner.js';
import { TextField } from '../ui/text-field.js';
import { type NewPasswordProblem, newPasswordProblem } from './sign-in-logic.js';
import { StaffAuthCard } from './staff-auth-card.js';
import type { StaffMe } from './use-staff-session.js';

function passwordProblemText(problem: NewPasswordProblem, t: Translate, lang: Lang): string {
  if (problem === 'CURRENT_EMPTY') return t('auth.currentEmpty');
  if (problem === 'SAME_AS_CURRENT') return t('auth.sameAsCurrent');
  if (problem === 'MISMATCH') return t('auth.mismatch');
  return errorMessage('WEAK_PASSWORD', lang, { reason: problem });
}

export function PasswordChangeScreen({
  appName,
  me,
  oneTimePassword,
  onChanged,
  onSignOut,
}: { appName: string; me: StaffMe; oneTimePassword: string | null; onChanged: () => void; onSignOut: () => Promise<void> }) {
  const { t, lang } = useI18n();
  const [current, setCurrent] = useState(oneTimePassword ?? '');
  // Shown when nothing was carried over, or when the server did not accept what was.
  const [askCurrent, setAskCurrent] = useState(!oneTimePassword);
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [checked, setChecked] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const problem = newPasswordProblem({ current, next, confirm, username: me.username });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (problem || sending) return;
    setSending(true);
    setRefusal(null);
    try {
      await changePassword(current, next, { lang });
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'INVALID_CREDENTIALS' && !askCurrent) {
        setCurrent('');
        setAskCurrent(true);
      }
      setRefusal(error);
      setSending(false);
    }
  };

  const fieldError = (fields: NewPasswordProblem[]) => (checked && problem && fields.includes(problem) ? passwordProblemText(problem, t, lang) : null);
  const refusalText =
    refusal instanceof ApiError && refusal.code === 'INVALID_CREDENTIALS' ? t('auth.currentWrong') : refusal === null ? '' : errorText(refusal, lang);

  return (
    <StaffAuthCard appName={appName} title={t('auth.changeTitle')} focusKey="password" onSubmit={submit}>
      <p>{askCurrent ? t('auth.changeLead', { name: me.displayName }) : t('auth.changeLeadCarried', { name: me.displayName })}</p>
      {refusal !== null && <Banner tone="error" title={refusalText} />}
      {askCurrent && (
        <TextField
          label={t('auth.currentPassword')}
          name="current-password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={fieldError(['CURRENT_EMPTY'])}
        />
      )}
      <TextField
        label={t('auth.newPassword')}
        name="new-password"
        type="password"
        autoComplete="new-password"
        hint={t('auth.passwordRule')}
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={fieldError(['TOO_SHORT', 'TOO_LONG', 'TOO_SIMPLE', 'SAME_AS_CURRENT'])}
      />
      <TextField
        label={t('auth.confirmPassword')}
        name="confirm-password"
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={(e) => setConfirm(e.target.value)}
        error={fieldError(['MISMATCH'])}
      />
      <button type="submit" className="button button--primary button--block" disabled={sending} aria-busy={sending}>
        {sending ? t('auth.saving') : t('auth.savePassword')}
      </button>
      <p className="staff-card__foot">
        <button type="button" className="link-button" onClick={() => void onSignOut()}>
          {t('auth.signOut')}
        </button>
      </p>
    </StaffAuthCard>
  );
}
