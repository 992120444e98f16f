// 扫码签到: a booking's QR code was scanned (its page's address, or the 办事编号 of an older
// confirmation). A code alone is not proof, so the keypad asks for the ID card's last 4; a wrong
// answer is worded like an unknown code and offers the ID card check-in instead.
import { useCallback, useState } from 'react';
import type { Ticket } from '../../contracts/kiosk.js';
import type { ScannedCode } from '../../domain/public-ticket.js';
import { ApiError } from '../api/client.js';
import { kioskCheckInByCode } from '../api/endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';
import { Keypad } from './keypad.js';
import { type KioskPriority, PriorityChoice, sentPriority } from './priority-choice.js';
import { usePriorityGroups } from './use-priority-groups.js';
import type { KeypadKey } from './keypad-logic.js';
import { useKeypadKeys } from './use-keypad-keys.js';
import { LAST4_LENGTH, canPressLast4, pressLast4 } from './scan-logic.js';

const WALK_IN_CODES = new Set(['BOOKING_EXPIRED', 'TOO_EARLY', 'BOOKING_SERVED']);

export function ScanCheckInScreen({
  code,
  onTickets,
  onIdCard,
  onWalkIn,
  onRefused,
}: {
  code: ScannedCode;
  onTickets: (tickets: Ticket[], reprint: boolean) => void;
  onIdCard: () => void;
  onWalkIn: () => void;
  onRefused: (error: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>('scan');
  const [value, setValue] = useState('');
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  // 'auto': 老年人 by the age the booking kept (no ID card is read here), or a group staff will check.
  const [priority, setPriority] = useState<KioskPriority>('auto');
  const groups = usePriorityGroups();
  const complete = value.length === LAST4_LENGTH;

  const press = useCallback((key: KeypadKey) => {
    setValue((v) => pressLast4(v, key));
    setRefusal(null);
  }, []);

  const submit = useCallback(async () => {
    if (!complete || sending) return;
    setSending(true);
    setRefusal(null);
    try {
      const answer = await kioskCheckInByCode(code, value, { lang }, sentPriority(priority, groups));
      onTickets(answer.tickets, answer.reprint);
    } catch (error) {
      setRefusal(error);
      setValue('');
      setSending(false);
      onRefused(error);
    }
  }, [complete, sending, code, value, lang, onTickets, onRefused, priority, groups]);

  useKeypadKeys(press, submit);

  const errorCode = refusal instanceof ApiError ? refusal.code : '';
  return (
    <section className="kiosk-checkin">
      <div className="kiosk-checkin__entry">
        <h1 ref={heading} tabIndex={-1} className="kiosk-title" data-speak="title">
          {t('kiosk.scanned')}
        </h1>
        <p className="kiosk-lead" data-speak="lead" id="last4-label">
          {t('kiosk.enterLast4')}
        </p>
        <output className="id-display id-display--last4" aria-labelledby="last4-label" aria-live="polite" data-testid="last4">
          {value || <span className="id-display__placeholder">{t('kiosk.last4Placeholder')}</span>}
        </output>
        <p className="kiosk-count">{t('kiosk.last4Help')}</p>
        <div className="kiosk-feedback" aria-live="assertive">
          {refusal !== null && (
            <div className="kiosk-refusal" role="alert">
              <p className="kiosk-refusal__title">{errorCode === 'NO_BOOKING' ? t('kiosk.last4Wrong') : errorText(refusal, lang)}</p>
              {errorCode === 'TOO_EARLY' && <p>{t('kiosk.tooEarlyHelp')}</p>}
              {errorCode === 'BOOKING_EXPIRED' && <p>{t('kiosk.expiredHelp')}</p>}
              {errorCode === 'BOOKING_SERVED' && <p>{t('kiosk.servedHelp')}</p>}
              {errorCode === 'NO_BOOKING' && (
                <button type="button" className="kiosk-button" onClick={onIdCard}>
                  {t('kiosk.useIdCard')}
                </button>
              )}
              {WALK_IN_CODES.has(errorCode) && (
                <button type="button" className="kiosk-button kiosk-button--primary" onClick={onWalkIn}>
                  {t('kiosk.takeWalkIn')}
                </button>
              )}
            </div>
          )}
        </div>
        {refusal === null && <PriorityChoice value={priority} onChange={setPriority} disabled={sending} groups={groups} />}
      </div>
      <div className="kiosk-checkin__pad">
        <Keypad value={value} onKey={press} disabled={sending} canPress={canPressLast4} />
        <button
          type="button"
          className="kiosk-button kiosk-button--primary kiosk-button--confirm"
          disabled={!complete || sending}
          aria-busy={sending}
          onClick={() => void submit()}
        >
          {sending ? t('kiosk.checkingIn') : t('kiosk.confirm')}
        </button>
      </div>
    </section>
  );
}
