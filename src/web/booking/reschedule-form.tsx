// 改约: in place of the booking form when the service page was opened to move a booking
// (?service=ID&reschedule=NUMBER), in the booking's hall or, through 一键换厅, another hall
// offering the service. The same date and slot pickers sit above it; this form only
// confirms. The ID card and phone come from this tab's session (我的预约 or the booking just made),
// else they are asked here. Where codes are on, a 短信验证码 with the purpose `reschedule`.
import { type FormEvent, useState } from 'react';
import type { PersonCredentials } from '../../contracts/bookings.js';
import type { SlotFormProps } from './booking-form.js';
import { ApiError } from '../api/client.js';
import { rescheduleBooking } from '../api/endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { formatShortDate, formatSlot } from '../i18n/format.js';
import { hrefOf, navigate } from '../nav/router.js';
import { IdCardPhoneFields } from '../person/id-card-phone-fields.js';
import { type Field, type FieldErrors, type PersonDraft, checkField, problemText, serverFieldProblem, validatePerson } from '../person/person-logic.js';
import { browserStore, findRemembered, rememberMove } from '../person/remembered.js';
import { sessionCredentials, setSessionCredentials } from '../person/session.js';
import { SmsCodeField } from '../person/sms-code-field.js';
import { useSmsCode } from '../person/use-sms-code.js';
import { Banner } from '../ui/banner.js';
import { Link } from '../ui/link.js';
import { useHallPlace } from './hall-place.js';
import { useVerifyPhone } from './verify-phone.js';

const SLOT_CODES = new Set(['SLOT_FULL', 'SLOT_NOT_BOOKABLE', 'RESCHEDULE_SAME_SLOT']);

export function RescheduleForm(props: SlotFormProps & { number: string }) {
  const { t, lang } = useI18n();
  const place = useHallPlace();
  const [known] = useState<PersonCredentials | null>(sessionCredentials);
  const [draft, setDraft] = useState<PersonDraft>({ idCard: '', phone: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const sms = useSmsCode(useVerifyPhone());
  const old = findRemembered(browserStore(), props.number);

  const update = (field: Field, value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    if (errors[field]) setErrors((e) => ({ ...e, [field]: checkField(field, next, props.today) ?? undefined }));
  };
  const blur = (field: Field) => {
    if (draft[field] !== '') setErrors((e) => ({ ...e, [field]: checkField(field, draft, props.today) ?? undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    setRefusal(null);
    if (!props.slot) {
      props.onSlotMissing();
      return;
    }
    let who = known;
    if (!who) {
      const checked = validatePerson(draft, props.today);
      if (!checked.ok) {
        setErrors(checked.errors);
        return;
      }
      who = checked.value;
    }
    const proof = sms.check();
    if (!proof) return;
    setSending(true);
    try {
      // In a hall's own app the new place is in that hall (一键换厅 may have brought the move here).
      const hallCode = place.hall ? { hallCode: place.hall.code } : {};
      const moved = await rescheduleBooking(props.number, { ...who, date: props.date, slot: props.slot, ...hallCode, ...proof }, { lang });
      rememberMove(browserStore(), moved, { zh: props.service.nameZh, en: props.service.nameEn }, new Date(), place.hall ?? undefined);
      setSessionCredentials(who);
      navigate(hrefOf(place.base, { booking: moved.booking.number }));
    } catch (error) {
      const code = error instanceof ApiError ? error.code : '';
      const fieldProblem = !known && error instanceof ApiError ? serverFieldProblem(error.code, error.details) : null;
      if (fieldProblem) setErrors((e) => ({ ...e, [fieldProblem.field]: fieldProblem }));
      else if (SLOT_CODES.has(code)) props.onSlotRefused(error);
      else if (!sms.refused(error)) setRefusal(error);
      setSending(false);
    }
  };

  const errorOf = (field: Field) => {
    const problem = errors[field];
    return problem ? problemText(problem, lang) : null;
  };
  const phone = known?.phone ?? draft.phone;
  return (
    <form className="booking-form" onSubmit={submit} noValidate aria-labelledby="reschedule-form-title" data-testid="reschedule-form">
      <h2 id="reschedule-form-title" className="section-title">
        {t('reschedule.formTitle')}
      </h2>
      <p className="muted">
        {t('reschedule.from', {
          number: props.number,
          when: old ? `${formatShortDate(old.date, lang)} ${formatSlot(old.slotStart, old.slotEnd)}` : '—',
        })}
      </p>
      {props.slot && (
        <p data-testid="reschedule-new-slot">
          <strong>
            {formatShortDate(props.date, lang)} {props.slot}
          </strong>
        </p>
      )}
      {!known && (
        <>
          <p>{t('reschedule.who')}</p>
          <IdCardPhoneFields idPrefix="reschedule" values={draft} idCardInputMode="text" onChange={update} onBlur={blur} errorOf={errorOf} />
        </>
      )}
      {sms.shown && <SmsCodeField id="reschedule-smsCode" purpose="reschedule" phone={phone} hint={t('sms.codeHint')} {...sms.field} />}
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} action={<Link href="/records">{t('nav.records')}</Link>} />}
      <button type="submit" className="button button--primary button--block" disabled={sending} aria-busy={sending}>
        {sending ? t('reschedule.sending') : t('reschedule.submit')}
      </button>
      <p>
        <Link href="/records">{t('reschedule.keep')}</Link>
      </p>
    </form>
  );
}
