// 加入候补: when a day (or some of its slots) is full, the citizen joins the waiting list with ID card
// and phone (and the 短信验证码 when codes are on), and sees their place in line at once.
import { type FormEvent, useState } from 'react';
import type { WaitlistEntry } from '../../contracts/waitlist.js';
import { ApiError } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { joinWaitlist } from '../api/waitlist-endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import { formatSlot } from '../i18n/format.js';
import { IdCardPhoneFields } from '../person/id-card-phone-fields.js';
import { type Field, type FieldErrors, type PersonDraft, checkField, problemText, serverFieldProblem, validatePerson } from '../person/person-logic.js';
import { setSessionCredentials } from '../person/session.js';
import { SmsCodeField } from '../person/sms-code-field.js';
import { useSmsCode } from '../person/use-sms-code.js';
import { Banner } from '../ui/banner.js';
import { Link } from '../ui/link.js';
import { useVerifyPhone } from './verify-phone.js';

const ANY = '';

export function WaitlistJoin(props: {
  serviceId: number;
  date: string;
  today: string;
  /** The full slots still ahead that one may wait for. */
  slots: { start: string; end: string }[];
  /** The whole day is full: "any slot" is offered (and chosen first). */
  wholeDay: boolean;
}) {
  const { t, lang } = useI18n();
  const [slot, setSlot] = useState(props.wholeDay ? ANY : (props.slots[0]?.start ?? ANY));
  const [draft, setDraft] = useState<PersonDraft>({ idCard: '', phone: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [joined, setJoined] = useState<WaitlistEntry | null>(null);
  // Closed until asked for: the booking form above has its own ID card and phone fields.
  const [open, setOpen] = useState(false);
  const sms = useSmsCode(useVerifyPhone());

  if (props.slots.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setRefusal(null);
    const checked = validatePerson(draft, props.today);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = (['idCard', 'phone'] as const).find((f) => checked.errors[f]);
      if (first) document.getElementById(`waitlist-${first}`)?.focus();
      return;
    }
    const proof = sms.check();
    if (!proof) return;
    setSending(true);
    try {
      const body = { serviceId: props.serviceId, date: props.date, ...(slot ? { slot } : {}), ...checked.value, ...proof };
      const result = await joinWaitlist(body, { lang });
      setSessionCredentials({ idCard: checked.value.idCard, phone: checked.value.phone });
      setJoined(result.entry);
    } catch (error) {
      const fieldProblem = error instanceof ApiError ? serverFieldProblem(error.code, error.details) : null;
      if (fieldProblem) setErrors((e) => ({ ...e, [fieldProblem.field]: fieldProblem }));
      else if (!sms.refused(error)) setRefusal(error);
    } finally {
      setSending(false);
    }
  };

  if (joined) {
    return (
      <section className="waitlist-join" aria-live="polite">
        <Banner tone="success" title={joined.offer ? t('wait.offeredNow', { time: joined.offer.expiresAtLocal }) : t('wait.joined', { n: joined.position ?? 1 })}>
          <p data-testid="waitlist-position">{t('wait.joinedHint')}</p>
          <Link href="/records">{t('nav.records')}</Link>
        </Banner>
      </section>
    );
  }

  if (!open) {
    return (
      <section className="waitlist-join" aria-labelledby="waitlist-title">
        <h2 id="waitlist-title" className="section-title">
          {t('wait.title')}
        </h2>
        <p className="muted">{props.wholeDay ? t('wait.leadDay') : t('wait.leadSlot')}</p>
        <button
          type="button"
          className="button button--secondary button--block"
          aria-expanded={false}
          onClick={() => {
            setOpen(true);
            // The first field of the form that replaces this button.
            window.setTimeout(() => document.getElementById('waitlist-slot')?.focus(), 0);
          }}
        >
          {t('wait.open')}
        </button>
      </section>
    );
  }

  const errorOf = (field: Field) => {
    const problem = errors[field];
    return problem ? problemText(problem, lang) : null;
  };
  return (
    <form className="booking-form waitlist-join" onSubmit={submit} noValidate aria-labelledby="waitlist-title">
      <h2 id="waitlist-title" className="section-title">
        {t('wait.title')}
      </h2>
      <p className="muted">{props.wholeDay ? t('wait.leadDay') : t('wait.leadSlot')}</p>
      <label className="field">
        <span className="field__label">{t('wait.slot')}</span>
        <select id="waitlist-slot" className="field__input" value={slot} onChange={(e) => setSlot(e.target.value)}>
          {props.wholeDay && <option value={ANY}>{t('wait.anySlot')}</option>}
          {props.slots.map((s) => (
            <option key={s.start} value={s.start}>
              {formatSlot(s.start, s.end)}
            </option>
          ))}
        </select>
      </label>
      <IdCardPhoneFields
        idPrefix="waitlist"
        values={draft}
        idCardInputMode="text"
        onChange={(field, value) => {
          const next = { ...draft, [field]: value };
          setDraft(next);
          if (errors[field]) setErrors((e) => ({ ...e, [field]: checkField(field, next, props.today) ?? undefined }));
        }}
        onBlur={(field) => {
          if (draft[field] !== '') setErrors((e) => ({ ...e, [field]: checkField(field, draft, props.today) ?? undefined }));
        }}
        errorOf={errorOf}
      />
      {sms.shown && <SmsCodeField id="waitlist-smsCode" purpose="book" phone={draft.phone} hint={t('sms.codeHint')} onPhoneInvalid={() => undefined} {...sms.field} />}
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <button type="submit" className="button button--secondary button--block" disabled={sending} aria-busy={sending}>
        {sending ? t('wait.sending') : t('wait.submit')}
      </button>
    </form>
  );
}
