// 短信验证码 on the booking form and the cancel dialog: the 6-digit code input and 「获取验证码」,
// which sends a code to the phone (checked first by the domain rule) and then waits 60 s before
// it may send again. The button's own refusals (VERIFY_TOO_MANY …) are said under the field,
// as are the form's (a wrong or expired code), which also put the focus back in the field.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { type PhoneError, maskPhone, parsePhone } from '../../domain/phone.js';
import { CODE_TTL_MINUTES, type VerifyPurpose } from '../../domain/verification.js';
import { ApiError } from '../api/client.js';
import { requestVerificationCode } from '../api/endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { CODE_LENGTH, type SentCode, codeInput, secondsToResend } from './sms-code-logic.js';
import { showKept } from '../ui/shown-value.js';

export interface SmsCodeFieldProps {
  /** The input's id (a form may focus it by id). */
  id: string;
  purpose: VerifyPurpose;
  /** The phone as typed: the code goes there. */
  phone: string;
  value: string;
  onChange: (code: string) => void;
  /** What the form says is wrong with the code (its own check, or the server's refusal). */
  error: string | null;
  /** Each increase puts the focus in the field (and selects what is there). */
  focusSignal: number;
  hint?: string;
  disabled?: boolean;
  /** A code was sent: the form may forget the code's earlier problem. */
  onSent?: () => void;
  /** The phone typed is not a mobile number: the form says so at the phone field (else it is said here). */
  onPhoneInvalid?: (reason: PhoneError) => void;
}

export function SmsCodeField(props: SmsCodeFieldProps) {
  const { t, lang } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [sent, setSent] = useState<SentCode | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [asking, setAsking] = useState(false);
  const [askError, setAskError] = useState<unknown>(null);
  const parsed = parsePhone(props.phone);
  const phone = parsed.ok ? parsed.value : null;
  const wait = secondsToResend(sent, phone, now);
  const counting = wait > 0;

  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [counting]);

  // Focus moves in the commit that shows the refusal (a layout effect): a screen reader hears it with
  // the field, and the next key goes to the field (Preact runs plain effects after the next paint).
  useLayoutEffect(() => {
    if (props.focusSignal > 0) {
      input.current?.focus();
      input.current?.select();
    }
  }, [props.focusSignal]);

  const ask = async () => {
    if (asking || counting) return;
    setAskError(null);
    if (!parsed.ok) {
      if (props.onPhoneInvalid) props.onPhoneInvalid(parsed.error);
      else setAskError(new ApiError(400, 'INVALID_PHONE', ''));
      return;
    }
    setAsking(true);
    try {
      await requestVerificationCode({ phone: parsed.value, purpose: props.purpose }, { lang });
      const at = Date.now();
      setSent({ to: parsed.value, at });
      setNow(at);
      props.onSent?.();
      input.current?.focus();
    } catch (error) {
      setAskError(error);
    } finally {
      setAsking(false);
    }
  };

  const errorId = `${props.id}-error`;
  const askErrorId = `${props.id}-ask-error`;
  const statusId = `${props.id}-status`;
  const hintId = `${props.id}-hint`;
  const sentHere = sent !== null && sent.to === phone;
  const describedBy = [props.error ? errorId : null, askError !== null ? askErrorId : null, statusId, props.hint ? hintId : null]
    .filter(Boolean)
    .join(' ');
  let buttonLabel = t('sms.codeGet');
  if (asking) buttonLabel = t('sms.codeSending');
  else if (counting) buttonLabel = t('sms.codeWait', { n: wait });
  else if (sentHere) buttonLabel = t('sms.codeAgain');

  return (
    <div className={`field sms-code${props.error || askError !== null ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={props.id}>
        {t('sms.code')}
      </label>
      <div className="sms-code__row">
        <input
          ref={input}
          id={props.id}
          className="field__input sms-code__input mono"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]*"
          maxLength={CODE_LENGTH}
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(showKept(e.currentTarget, codeInput(e.currentTarget.value)))}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          required
        />
        <button
          type="button"
          className="button button--secondary sms-code__ask"
          onClick={() => void ask()}
          disabled={props.disabled || asking || counting}
          aria-busy={asking}
        >
          {buttonLabel}
        </button>
      </div>
      {props.error && (
        <p className="field__error" id={errorId}>
          {props.error}
        </p>
      )}
      {askError !== null && (
        <p className="field__error" id={askErrorId} role="alert">
          {errorText(askError, lang)}
        </p>
      )}
      <p className="field__hint sms-code__sent" id={statusId} role="status">
        {sentHere ? t('sms.codeSent', { phone: maskPhone(sent.to), minutes: CODE_TTL_MINUTES }) : ''}
      </p>
      {props.hint && !sentHere && (
        <p className="field__hint" id={hintId}>
          {props.hint}
        </p>
      )}
    </div>
  );
}
