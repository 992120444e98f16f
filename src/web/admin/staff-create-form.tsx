// 新建账号: username, the name shown at the counter, role, and a first password (typed, or a
// suggested one): the person must choose their own at the first sign-in.
import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { errorMessage } from '../../contracts/errors.js';
import { useI18n } from '../i18n/i18n.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { TextField } from '../ui/text-field.js';
import { createStaff } from './admin-endpoints.js';
import { type StaffDraft, type StaffProblems, pickedRole, roleChoices, staffProblems, suggestPassword } from './staff-logic.js';
import { useAdminCall, useAdminScope } from './admin-scope-context.js';

const EMPTY: StaffDraft = { username: '', displayName: '', password: '', role: 'staff' };

function randomUnit(): number {
  const buffer = new Uint32Array(1);
  window.crypto.getRandomValues(buffer);
  return (buffer[0] as number) / 2 ** 32;
}

export function StaffCreateForm({ taken, onCreated }: { taken: readonly string[]; onCreated: (username: string, password: string) => void }) {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const { role } = useAdminScope();
  const { onStaffError } = useStaff();
  const id = useId();
  const [draft, setDraft] = useState<StaffDraft>(EMPTY);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const problems = staffProblems(draft, taken);
  const set = (change: Partial<StaffDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setRefusal(null);
  };

  const words = (field: keyof StaffProblems): string | null => {
    if (refusal instanceof ApiError && refusal.details.field === field) return errorText(refusal, lang);
    const p = checked ? problems[field] : undefined;
    if (!p) return null;
    if (p === 'EMPTY') return t('admin.problem.EMPTY');
    if (p === 'FORMAT') return t('admin.staff.usernameRule');
    if (p === 'TAKEN') return errorMessage('USERNAME_TAKEN', lang);
    if (p === 'TOO_LONG') return t('admin.problem.TOO_LONG');
    return errorMessage('WEAK_PASSWORD', lang, { reason: p });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0 || busy) return;
    setBusy(true);
    setRefusal(null);
    const username = draft.username.trim();
    try {
      await createStaff({ username, displayName: draft.displayName.trim() || undefined, password: draft.password, role: draft.role }, call);
      onCreated(username, draft.password);
      setDraft(EMPTY);
      setChecked(false);
    } catch (error) {
      onStaffError(error);
      setRefusal(error);
    } finally {
      setBusy(false);
    }
  };

  const fieldRefusal = refusal instanceof ApiError && typeof refusal.details.field === 'string';
  return (
    <form className="sub-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('admin.staff.createTitle')}</h3>
      {refusal !== null && !fieldRefusal && <Banner tone="error" title={errorText(refusal, lang)} />}
      <div className="sub-form__grid">
        <TextField
          label={t('admin.staff.username')}
          hint={t('admin.staff.usernameRule')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck="false"
          value={draft.username}
          maxLength={40}
          onChange={(e) => set({ username: e.target.value })}
          error={words('username')}
        />
        <TextField
          label={t('admin.staff.displayName')}
          hint={t('admin.staff.displayNameHint')}
          value={draft.displayName}
          maxLength={60}
          optional
          optionalLabel={t('admin.optional')}
          onChange={(e) => set({ displayName: e.target.value })}
          error={words('displayName')}
        />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-role`}>
            {t('admin.staff.role')}
          </label>
          <select id={`${id}-role`} className="field__input" value={draft.role} onChange={(e) => set({ role: pickedRole(e.target.value, role) })}>
            {roleChoices(role).map((r) => (
              <option key={r} value={r}>
                {t(`admin.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="sub-form__password">
          <TextField
            label={t('admin.staff.firstPassword')}
            hint={t('auth.passwordRule')}
            autoComplete="new-password"
            spellCheck="false"
            value={draft.password}
            maxLength={200}
            onChange={(e) => set({ password: e.target.value })}
            error={words('password')}
          />
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => set({ password: suggestPassword(randomUnit, draft.username.trim()) })}
          >
            {t('admin.staff.suggest')}
          </button>
        </div>
      </div>
      <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
        {busy ? t('admin.saving') : t('admin.staff.create')}
      </button>
    </form>
  );
}
