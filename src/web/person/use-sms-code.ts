// The form's side of the 短信验证码: the code typed, whether the field is shown (the server said
// codes are on, or refused a request for want of one), the check before sending and the refusals
// that belong beside the field.
import { useCallback, useState } from 'react';
import { ApiError } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { type CodeProblem, checkCode, isCodeRefusal } from './sms-code-logic.js';

export interface SmsCodeEntry {
  /** Show the field: codes are on here. */
  shown: boolean;
  /** Before sending: `{ smsCode }` to add to the body (`{}` when codes are off), or null after saying what is wrong. */
  check: () => { smsCode?: string } | null;
  /** A refusal of the booking or cancel: true when it is about the code (said beside the field, which takes the focus). */
  refused: (error: unknown) => boolean;
  /** Forget the code and its problem (another booking to cancel). */
  reset: () => void;
  /** For SmsCodeField. */
  field: { value: string; onChange: (code: string) => void; error: string | null; focusSignal: number; onSent: () => void };
}

export function useSmsCode(on: boolean): SmsCodeEntry {
  const { t, lang } = useI18n();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<CodeProblem | ApiError | null>(null);
  // The page thought codes were off but the server asked for one (a setting changed since it loaded).
  const [needed, setNeeded] = useState(false);
  const [focusSignal, setFocusSignal] = useState(0);
  const shown = on || needed;
  // Stable, so a dialog may call it from an effect when it opens for another booking.
  const reset = useCallback(() => {
    setCode('');
    setProblem(null);
  }, []);
  const say = (p: CodeProblem | ApiError) => {
    setProblem(p);
    setFocusSignal((n) => n + 1);
  };
  let error: string | null = null;
  if (problem === 'EMPTY') error = t('sms.codeEmpty');
  else if (problem === 'FORMAT') error = t('sms.codeFormat');
  else if (problem) error = errorText(problem, lang);
  return {
    shown,
    check: () => {
      if (!shown) return {};
      const p = checkCode(code);
      if (p) {
        say(p);
        return null;
      }
      return { smsCode: code };
    },
    refused: (e) => {
      if (!(e instanceof ApiError) || !isCodeRefusal(e.code)) return false;
      if (e.code === 'VERIFY_CODE_REQUIRED') setNeeded(true);
      say(e);
      return true;
    },
    reset,
    field: {
      value: code,
      onChange: (next) => {
        setCode(next);
        setProblem(null);
      },
      error,
      focusSignal,
      onSent: () => setProblem(null),
    },
  };
}
