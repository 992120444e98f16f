// ID card + phone to list one's bookings; checked by the same rules as the booking form. When
// nothing was found the form comes back with what was typed and says what to check.
import { type FormEvent, useLayoutEffect, useRef, useState } from 'react';
import type { PersonCredentials } from '../../contracts/bookings.js';
import { type Field, type FieldErrors, checkField, problemText, validatePerson } from '../person/person-logic.js';
import { IdCardPhoneFields } from '../person/id-card-phone-fields.js';
import { useI18n } from '../i18n/i18n.js';
import { Banner } from '../ui/banner.js';

export function LookupForm({
  today,
  busy,
  initial,
  notFound,
  onSubmit,
}: {
  today: string;
  busy: boolean;
  /** What was typed last (kept in memory only), so a mistyped phone is corrected, not retyped. */
  initial: PersonCredentials | null;
  /** The last look-up found no booking for these numbers. */
  notFound: boolean;
  onSubmit: (c: PersonCredentials) => void;
}) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(() => initial ?? { idCard: '', phone: '' });
  const notice = useRef<HTMLDivElement>(null);
  // In the commit that shows it (a layout effect), as every focus move (see sms-code-field.tsx).
  useLayoutEffect(() => {
    if (notFound) notice.current?.querySelector<HTMLElement>('[role="alert"]')?.focus();
  }, [notFound]);
  const [errors, setErrors] = useState<FieldErrors>({});

  const update = (field: 'idCard' | 'phone', value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    if (errors[field]) setErrors((e) => ({ ...e, [field]: checkField(field, next, today) ?? undefined }));
  };
  const blur = (field: Field) => {
    if (draft[field] !== '') setErrors((e) => ({ ...e, [field]: checkField(field, draft, today) ?? undefined }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validatePerson(draft, today);
    if (!checked.ok) {
      setErrors(checked.errors);
      document.getElementById(checked.errors.idCard ? 'lookup-idCard' : 'lookup-phone')?.focus();
      return;
    }
    onSubmit({ idCard: checked.value.idCard, phone: checked.value.phone });
  };
  const errorOf = (field: Field) => (errors[field] ? problemText(errors[field], lang) : null);

  return (
    <form className="lookup-form" onSubmit={submit} noValidate aria-labelledby="lookup-title">
      <h2 id="lookup-title" className="section-title">
        {t('records.lookupTitle')}
      </h2>
      <div ref={notice}>{notFound && <Banner tone="error" title={t('records.notFound')} focusable />}</div>
      <IdCardPhoneFields idPrefix="lookup" values={draft} onChange={update} onBlur={blur} errorOf={errorOf} />
      <button type="submit" className="button button--primary button--block" disabled={busy} aria-busy={busy}>
        {busy ? t('records.searching') : t('records.search')}
      </button>
    </form>
  );
}
