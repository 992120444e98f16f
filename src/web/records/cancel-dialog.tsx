// Cancelling asks first; a refusal (already started, no longer cancellable) is said in the dialog.
// The citizen may also have the phone number kept for text messages erased at once. Where codes
// are on, a 短信验证码 (purpose `cancel`) sent to the look-up's phone proves it first.
import { useEffect, useState } from 'react';
import type { Booking, PersonCredentials } from '../../contracts/bookings.js';
import { cancelBooking } from '../api/endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { formatShortDate, formatSlot } from '../i18n/format.js';
import { Banner } from '../ui/banner.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import { maskPhone, parsePhone } from '../../domain/phone.js';
import { SmsCodeField } from '../person/sms-code-field.js';
import { useSmsCode } from '../person/use-sms-code.js';
import { ForgetPhone } from './forget-phone.js';

export function CancelDialog(props: {
  booking: Booking | null;
  credentials: PersonCredentials;
  /** The server asks for a 短信验证码 (the hall list's `verifyPhone`). */
  verifyPhone: boolean;
  onClose: () => void;
  onCancelled: (number: string) => void;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [forgetPhone, setForgetPhone] = useState(false);
  const sms = useSmsCode(props.verifyPhone);
  const resetCode = sms.reset;
  const number = props.booking?.number;

  useEffect(() => {
    if (number) {
      setError(null);
      setForgetPhone(false);
      resetCode();
    }
  }, [number, resetCode]);

  const confirm = async () => {
    if (!props.booking) return;
    setError(null);
    const proof = sms.check();
    if (!proof) return;
    setBusy(true);
    try {
      await cancelBooking(props.booking.number, { ...props.credentials, ...(forgetPhone ? { forgetPhone: true } : {}), ...proof }, { lang });
      props.onCancelled(props.booking.number);
    } catch (e) {
      if (!sms.refused(e)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  const b = props.booking;
  const phone = parsePhone(props.credentials.phone);
  const phoneShown = phone.ok ? maskPhone(phone.value) : '';
  return (
    <ConfirmDialog
      open={b !== null}
      title={t('records.cancelTitle')}
      confirmLabel={busy ? t('records.cancelling') : t('records.cancelConfirm')}
      cancelLabel={t('records.cancelKeep')}
      busy={busy}
      danger
      onConfirm={() => void confirm()}
      onCancel={props.onClose}
    >
      {b && (
        <p>
          {t('records.cancelQuestion', {
            service: b.serviceName,
            when: `${formatShortDate(b.date, lang)} ${formatSlot(b.slotStart, b.slotEnd)}`,
            number: b.number,
          })}
        </p>
      )}
      {b && sms.shown && (
        <SmsCodeField
          id="cancel-smsCode"
          purpose="cancel"
          phone={props.credentials.phone}
          hint={t('sms.codeHintCancel', { phone: phoneShown })}
          disabled={busy}
          {...sms.field}
        />
      )}
      {b && <ForgetPhone checked={forgetPhone} disabled={busy} onChange={setForgetPhone} />}
      {error !== null && <Banner tone="error" title={errorText(error, lang)} />}
    </ConfirmDialog>
  );
}
