// ID card and phone, checked inline by the domain rules the server uses. (No name: the hall
// never needs it, so it is not asked for or kept.)
// Submit is disabled while sending; one Idempotency-Key per attempt makes retries safe.
import { type FormEvent, useRef, useState } from 'react';
import type { ServiceSummary } from '../../contracts/services.js';
import { ApiError } from '../api/client.js';
import { createBooking } from '../api/endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { browserStore, rememberBooking } from '../person/remembered.js';
import { setSessionCredentials } from '../person/session.js';
import { hrefOf, navigate } from '../nav/router.js';
import { Banner } from '../ui/banner.js';
import { Link } from '../ui/link.js';
import { type Field, type FieldErrors, type PersonDraft, checkField, idCardLength, problemText, serverFieldProblem, validatePerson } from '../person/person-logic.js';
import { IdCardPhoneFields } from '../person/id-card-phone-fields.js';
import { SmsCodeField } from '../person/sms-code-field.js';
import { useSmsCode } from '../person/use-sms-code.js';
import { useHallPlace } from './hall-place.js';
import { NotifyChoice } from './notify-choice.js';
import { type AttemptKey, fingerprintOf, keyForAttempt } from './idempotency.js';
import { useVerifyPhone } from './verify-phone.js';
import { useEligibility } from './use-eligibility.js';
import { type AgentDraft, AgentFields } from './agent-fields.js';
import { parseIdCard } from '../../domain/id-card.js';

const SLOT_CODES = new Set(['SLOT_FULL', 'SLOT_NOT_BOOKABLE']);

/** What the service page gives a form that books (BookingForm) or moves a booking (RescheduleForm). */
export interface SlotFormProps {
  service: ServiceSummary;
  date: string;
  slot: string | null;
  today: string;
  onSlotRefused: (error: unknown) => void;
  /** Submitted without a slot: the slot picker says so and takes the focus. */
  onSlotMissing: () => void;
}

export function BookingForm(props: SlotFormProps) {
  const { t, lang } = useI18n();
  const place = useHallPlace();
  const [draft, setDraft] = useState<PersonDraft>({ idCard: '', phone: '' });
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [notify, setNotify] = useState(true);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [agent, setAgent] = useState<AgentDraft>({ on: false, idCard: '', relation: 'child' });
  const [agentError, setAgentError] = useState<string | null>(null);
  const attempt = useRef<AttemptKey | null>(null);
  const sms = useSmsCode(useVerifyPhone());
  const eligibility = useEligibility(props.service.id, lang);

  const update = (field: Field, value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    if (eligibility.blocked) eligibility.reset();
    if (touched[field] || errors[field]) setErrors((e) => ({ ...e, [field]: checkField(field, next, props.today) ?? undefined }));
  };
  const blur = (field: Field) => {
    setTouched((x) => ({ ...x, [field]: true }));
    if (draft[field] !== '') setErrors((e) => ({ ...e, [field]: checkField(field, draft, props.today) ?? undefined }));
    // Both typed and valid: ask now whether this person may book online (爽约), before a slot is chosen.
    const person = validatePerson(draft, props.today);
    if (person.ok) void eligibility.check(person.value);
  };

  /** 代办: the agent's own card, checked like the person's; not the person's card. */
  const agentProblem = (): string | null => {
    if (!agent.on) return null;
    if (agent.idCard.trim() === '') return t('form.idCard.empty');
    const id = parseIdCard(agent.idCard, props.today);
    if (!id.ok) return problemText({ field: 'idCard', reason: id.error }, lang);
    const person = parseIdCard(draft.idCard, props.today);
    return person.ok && person.id.value === id.id.value ? t('agent.same') : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setRefusal(null);
    const agentWrong = agentProblem();
    setAgentError(agentWrong);
    const checked = validatePerson(draft, props.today);
    if (!checked.ok) {
      setErrors(checked.errors);
      setTouched({ idCard: true, phone: true });
    }
    // The slot picker is above the form: it is the first thing to fix, and says so itself.
    if (!props.slot) {
      props.onSlotMissing();
      return;
    }
    if (!checked.ok) {
      const first = (['idCard', 'phone'] as const).find((f) => checked.errors[f]);
      if (first) document.getElementById(`booking-${first}`)?.focus();
      return;
    }
    if (agentWrong) {
      document.getElementById('booking-agent-idCard')?.focus();
      return;
    }
    const proof = sms.check();
    if (!proof) return;
    const forOther = agent.on ? { agent: { idCard: agent.idCard.trim().toUpperCase(), relation: agent.relation } } : {};
    const body = { serviceId: props.service.id, date: props.date, slot: props.slot, ...checked.value, notify, ...proof, ...forOther };
    attempt.current = keyForAttempt(attempt.current, fingerprintOf(body));
    setSending(true);
    try {
      const result = await createBooking(body, attempt.current.key, { lang });
      attempt.current = null;
      rememberBooking(browserStore(), result.booking, { zh: props.service.nameZh, en: props.service.nameEn }, new Date(), place.hall ?? undefined);
      // 我的预约 finds it with the agent's own card and phone (a 代办) or the person's.
      setSessionCredentials({ idCard: agent.on ? agent.idCard.trim().toUpperCase() : checked.value.idCard, phone: checked.value.phone });
      navigate(hrefOf(place.base, { booking: result.booking.number }));
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      const fieldProblem = error instanceof ApiError ? serverFieldProblem(error.code, error.details) : null;
      if (error instanceof ApiError && error.details.field === 'agent.idCard') {
        setAgentError(errorText(error, lang));
        document.getElementById('booking-agent-idCard')?.focus();
      } else if (fieldProblem) setErrors((e) => ({ ...e, [fieldProblem.field]: fieldProblem }));
      else if (eligibility.refused(error)) document.getElementById('booking-blocked')?.focus();
      else if (SLOT_CODES.has(code)) props.onSlotRefused(error);
      // A refusal of the code is said beside the code field, which takes the focus again.
      else if (!sms.refused(error)) setRefusal(error);
      setSending(false);
    }
  };

  const errorOf = (field: Field) => {
    const problem = errors[field];
    return problem ? problemText(problem, lang) : null;
  };
  const typed = idCardLength(draft.idCard);
  const refusalCode = refusal instanceof ApiError ? refusal.code : '';

  return (
    <form className="booking-form" onSubmit={submit} noValidate aria-labelledby="booking-form-title">
      <h2 id="booking-form-title" className="section-title">
        {t('form.title')}
      </h2>
      <IdCardPhoneFields
        idPrefix="booking"
        values={draft}
        idCardHint={t('form.idCard.hint', { n: typed })}
        idCardInputMode="text"
        onChange={update}
        onBlur={blur}
        errorOf={errorOf}
        labels={agent.on ? { idCard: t('form.idCard.person'), phone: t('form.phone.agent') } : undefined}
      />
      {sms.shown && (
        <SmsCodeField
          id="booking-smsCode"
          purpose="book"
          phone={draft.phone}
          hint={t('sms.codeHint')}
          onPhoneInvalid={(reason) => {
            setTouched((x) => ({ ...x, phone: true }));
            setErrors((e) => ({ ...e, phone: { field: 'phone', reason } }));
            document.getElementById('booking-phone')?.focus();
          }}
          {...sms.field}
        />
      )}
      {/* After the code: the code belongs to the phone above it. */}
      <AgentFields
        draft={agent}
        error={agentError}
        onChange={(next) => {
          setAgent(next);
          if (agentError) setAgentError(null);
        }}
        onBlur={() => agent.idCard !== '' && setAgentError(agentProblem())}
      />
      {eligibility.blocked && (
        <div id="booking-blocked" tabIndex={-1}>
          <Banner tone="error" title={errorText(eligibility.blocked, lang)}>
            {t('noShow.blockedHint')}
          </Banner>
        </div>
      )}
      <p className="privacy-note">{t('form.privacy')}</p>
      <NotifyChoice checked={notify} onChange={setNotify} />
      {refusal !== null && (
        <Banner
          tone="error"
          title={errorText(refusal, lang)}
          action={
            refusalCode === 'DUPLICATE_BOOKING' || refusalCode === 'BOOKING_LIMIT' ? <Link href="/records">{t('nav.records')}</Link> : undefined
          }
        />
      )}
      <button type="submit" className="button button--primary button--block" disabled={sending || eligibility.blocked !== null} aria-busy={sending}>
        {sending ? t('form.sending') : t('form.submit')}
      </button>
    </form>
  );
}
