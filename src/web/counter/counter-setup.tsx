// 设置窗口: which counter this is (an existing one or a new number), its name and the services
// it serves. Saved on the server (PUT) and remembered on this computer.
import { type FormEvent, useState } from 'react';
import type { Counter } from '../../contracts/queue.js';
import type { ServiceSummary } from '../../contracts/services.js';
import { putCounter } from '../api/queue-endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { TextField } from '../ui/text-field.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';
import { defaultCounterName, setupProblems } from './counter-logic.js';

const NEW = 'new';

export function CounterSetup({
  counters,
  services,
  initial,
  onSaved,
  onCancel,
}: {
  counters: readonly Counter[];
  services: readonly ServiceSummary[];
  initial: Counter | null;
  onSaved: (number: number) => void;
  onCancel: (() => void) | null;
}) {
  const { t, lang } = useI18n();
  const { onStaffError } = useStaff();
  const heading = useFocusHeading<HTMLHeadingElement>('setup');
  const active = counters.filter((c) => c.active);
  const first = initial ?? active[0] ?? null;
  const [choice, setChoice] = useState<string>(first ? String(first.number) : NEW);
  const [newNumber, setNewNumber] = useState('');
  const [name, setName] = useState(first?.name ?? '');
  const [serviceIds, setServiceIds] = useState<number[]>(first?.serviceIds ?? []);
  const [checked, setChecked] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const number = choice === NEW ? newNumber : choice;
  const problems = setupProblems({ number, name, serviceIds });

  const pick = (value: string) => {
    setChoice(value);
    const counter = active.find((c) => String(c.number) === value);
    if (counter) {
      setName(counter.name);
      setServiceIds(counter.serviceIds);
    } else {
      setName('');
    }
  };

  const toggle = (id: number) => setServiceIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(problems).length > 0 || saving) return;
    setSaving(true);
    setRefusal(null);
    try {
      await putCounter(Number(number), { name: name.trim(), serviceIds }, { lang });
      onSaved(Number(number));
    } catch (error) {
      onStaffError(error);
      setRefusal(error);
      setSaving(false);
    }
  };

  const serviceName = (id: number) => {
    const s = services.find((x) => x.id === id);
    return s ? localName(s, lang) : `#${id}`;
  };

  return (
    <form className="counter-setup" onSubmit={(e) => void submit(e)} noValidate>
      <h1 ref={heading} tabIndex={-1}>
        {t('counter.setupTitle')}
      </h1>
      <p className="lead">{t('counter.setupLead')}</p>
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <fieldset className="choice-group">
        <legend>{t('counter.whichCounter')}</legend>
        <div className="choice-grid">
          {active.map((c) => (
            <label key={c.number} className="choice">
              <input type="radio" name="counter" value={c.number} checked={choice === String(c.number)} onChange={() => pick(String(c.number))} />
              <span className="choice__title">{c.name}</span>
              <span className="choice__hint">{c.serviceIds.map(serviceName).join('、')}</span>
            </label>
          ))}
          <label className="choice">
            <input type="radio" name="counter" value={NEW} checked={choice === NEW} onChange={() => pick(NEW)} />
            <span className="choice__title">{t('counter.newCounter')}</span>
          </label>
        </div>
      </fieldset>
      {choice === NEW && (
        <TextField
          label={t('counter.number')}
          inputMode="numeric"
          value={newNumber}
          onChange={(e) => {
            setNewNumber(e.target.value);
            if (/^\d+$/.test(e.target.value) && !name) setName(defaultCounterName(Number(e.target.value), lang));
          }}
          error={checked && problems.number ? t('counter.numberInvalid') : null}
        />
      )}
      <TextField
        label={t('counter.name')}
        value={name}
        maxLength={60}
        onChange={(e) => setName(e.target.value)}
        error={checked && problems.name ? t('counter.nameEmpty') : null}
      />
      <fieldset className={`choice-group${checked && problems.services ? ' choice-group--invalid' : ''}`}>
        <legend>{t('counter.services')}</legend>
        <div className="choice-grid">
          {services.map((s) => (
            <label key={s.id} className="choice">
              <input type="checkbox" checked={serviceIds.includes(s.id)} onChange={() => toggle(s.id)} />
              <span className="choice__title">
                <span className="service-letter" aria-hidden="true">
                  {s.letter}
                </span>{' '}
                {localName(s, lang)}
              </span>
            </label>
          ))}
        </div>
        {checked && problems.services && <p className="field__error">{t('counter.servicesEmpty')}</p>}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={saving} aria-busy={saving}>
          {saving ? t('counter.saving') : t('counter.save')}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('counter.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
