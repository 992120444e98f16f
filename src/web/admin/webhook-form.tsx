// Adding or changing a webhook endpoint: the address, the events, on or off, every hall (city
// admins, when adding), and a secret of one's own (when adding; empty: the server makes one).
import { type FormEvent, useId, useState } from 'react';
import { WEBHOOK_EVENTS, type WebhookEndpoint, type WebhookSecretResponse } from '../../contracts/webhooks.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { TextField } from '../ui/text-field.js';
import { createWebhook, updateWebhook } from './admin-endpoints.js';
import { useAdminCall, useAdminScope } from './admin-scope-context.js';
import { EMPTY_WEBHOOK, type WebhookDraft, draftOf, toggled, webhookProblems } from './webhooks-logic.js';

export function WebhookForm({
  editing,
  onCreated,
  onSaved,
  onCancel,
}: {
  editing: WebhookEndpoint | null;
  onCreated: (made: WebhookSecretResponse) => void;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const { role } = useAdminScope();
  const { onStaffError } = useStaff();
  const id = useId();
  const [draft, setDraft] = useState<WebhookDraft>(editing ? draftOf(editing) : EMPTY_WEBHOOK);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const problems = webhookProblems(draft);
  const set = (change: Partial<WebhookDraft>) => setDraft({ ...draft, ...change });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0 || busy) return;
    setBusy(true);
    setRefusal(null);
    const url = draft.url.trim();
    try {
      if (editing) {
        await updateWebhook(editing.id, { url, events: draft.events, active: draft.active }, call);
        onSaved();
      } else {
        const made = await createWebhook(
          { url, events: draft.events, active: draft.active, ...(draft.allHalls ? { allHalls: true } : {}), ...(draft.secret ? { secret: draft.secret } : {}) },
          call,
        );
        onCreated(made);
      }
    } catch (error) {
      onStaffError(error);
      setRefusal(error);
    } finally {
      setBusy(false);
    }
  };

  const show = (p: string | undefined, words: string) => (checked && p ? words : null);
  return (
    <form className="sub-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`} data-testid="webhook-form">
      <h3 id={`${id}-title`}>{editing ? t('admin.hook.editTitle') : t('admin.hook.createTitle')}</h3>
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <div className="sub-form__grid">
        <TextField
          label={t('admin.hook.url')}
          hint={t('admin.hook.urlHint')}
          type="url"
          autoComplete="off"
          spellCheck="false"
          maxLength={500}
          value={draft.url}
          onChange={(e) => set({ url: e.target.value })}
          error={show(problems.url, t('admin.hook.urlInvalid'))}
        />
        {!editing && (
          <TextField
            label={t('admin.hook.secret')}
            hint={t('admin.hook.secretHint')}
            autoComplete="off"
            spellCheck="false"
            maxLength={200}
            optional
            optionalLabel={t('admin.optional')}
            value={draft.secret}
            onChange={(e) => set({ secret: e.target.value })}
            error={show(problems.secret, t('admin.hook.secretShort'))}
          />
        )}
      </div>
      <fieldset className={`choice-group webhook-form__events${show(problems.events, 'x') ? ' field--invalid' : ''}`}>
        <legend className="field__label">{t('admin.hook.events')}</legend>
        {WEBHOOK_EVENTS.map((e) => (
          <label key={e} className="webhook-form__check">
            <input type="checkbox" value={e} checked={draft.events.includes(e)} onChange={(ev) => set({ events: toggled(draft.events, e, ev.target.checked) })} />{' '}
            {t(`admin.hook.event.${e}`)} <code>{e}</code>
          </label>
        ))}
        {show(problems.events, 'x') && <p className="field__error">{t('admin.hook.eventsRequired')}</p>}
      </fieldset>
      <label className="webhook-form__check">
        <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} /> {t('admin.hook.active')}
      </label>
      {!editing && role === 'city_admin' && (
        <label className="webhook-form__check">
          <input type="checkbox" checked={draft.allHalls} onChange={(e) => set({ allHalls: e.target.checked })} /> {t('admin.hook.allHalls')}
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {busy ? t('admin.saving') : editing ? t('admin.hook.save') : t('admin.hook.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}
