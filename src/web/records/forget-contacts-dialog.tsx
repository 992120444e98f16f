// 我的预约: the citizen erases the phone number kept with their bookings that are over (past,
// cancelled, served, missed). It asks first, says what erasing means (those bookings no longer
// show here; the counts the hall reports do not change), and tells the result. Bookings still
// ahead keep the number. Where codes are on, a 短信验证码 (purpose `cancel`) proves the phone.
import { useEffect, useState } from 'react';
import type { PersonCredentials } from '../../contracts/bookings.js';
import type { ForgetContactsResponse } from '../../contracts/person-data.js';
import { maskPhone, parsePhone } from '../../domain/phone.js';
import { forgetContacts } from '../api/endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { SmsCodeField } from '../person/sms-code-field.js';
import { useSmsCode } from '../person/use-sms-code.js';
import { Banner } from '../ui/banner.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';

export function ForgetContactsDialog(props: {
  open: boolean;
  credentials: PersonCredentials;
  /** How many of the listed bookings are over (what will be erased). */
  past: number;
  verifyPhone: boolean;
  onClose: () => void;
  onDone: (result: ForgetContactsResponse) => void;
}) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sms = useSmsCode(props.verifyPhone);
  const resetCode = sms.reset;

  useEffect(() => {
    if (props.open) {
      setError(null);
      resetCode();
    }
  }, [props.open, resetCode]);

  const confirm = async () => {
    setError(null);
    const proof = sms.check();
    if (!proof) return;
    setBusy(true);
    try {
      props.onDone(await forgetContacts({ ...props.credentials, ...proof }, { lang }));
    } catch (e) {
      if (!sms.refused(e)) setError(e);
    } finally {
      setBusy(false);
    }
  };

  const phone = parsePhone(props.credentials.phone);
  const phoneShown = phone.ok ? maskPhone(phone.value) : '';
  return (
    <ConfirmDialog
      open={props.open}
      title={t('records.forgetTitle')}
      confirmLabel={busy ? t('records.forgetting') : t('records.forgetConfirm')}
      cancelLabel={t('records.forgetKeep')}
      busy={busy}
      danger
      onConfirm={() => void confirm()}
      onCancel={props.onClose}
    >
      <p>{t('records.forgetQuestion', { count: props.past, phone: phoneShown })}</p>
      <p className="muted">{t('records.forgetNote')}</p>
      {props.open && sms.shown && (
        <SmsCodeField
          id="forget-smsCode"
          purpose="cancel"
          phone={props.credentials.phone}
          hint={t('records.forgetCodeHint', { phone: phoneShown })}
          disabled={busy}
          {...sms.field}
        />
      )}
      {error !== null && <Banner tone="error" title={errorText(error, lang)} />}
    </ConfirmDialog>
  );
}
