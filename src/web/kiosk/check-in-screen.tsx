// 预约取号: type the ID card number on the keypad; the check character is verified before
// sending. 无预约记录 offers a walk-in number; too early / expired / already served say what to
// do. The keypad never moves when a message appears (see kiosk-check-in.css).
import { useCallback, useState } from 'react';
import type { Ticket } from '../../contracts/kiosk.js';
import { ApiError } from '../api/client.js';
import { kioskCheckIn } from '../api/endpoints.js';
import { errorText } from '../api/error-text.js';
import { problemText } from '../person/person-logic.js';
import { useI18n } from '../i18n/i18n.js';
import { hallToday, useHallZone } from '../hall/hall-zone.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';
import { Keypad } from './keypad.js';
import { type KioskPriority, PriorityChoice, sentPriority } from './priority-choice.js';
import { usePriorityGroups } from './use-priority-groups.js';
import { type KeypadKey, groupIdCard, keypadVerdict, pressKey } from './keypad-logic.js';
import { useKeypadKeys } from './use-keypad-keys.js';

const WALK_IN_CODES = new Set(['NO_BOOKING', 'BOOKING_EXPIRED', 'TOO_EARLY', 'BOOKING_SERVED']);

export function CheckInScreen({
  onTickets,
  onWalkIn,
  onRefused,
}: {
  onTickets: (tickets: Ticket[], reprint: boolean) => void;
  onWalkIn: (idCard: string | undefined, priority: KioskPriority) => void;
  onRefused: (error: unknown) => void;
}) {
  const { t, lang } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>('checkin');
  const [value, setValue] = useState('');
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [checked, setChecked] = useState(false);
  const [priority, setPriority] = useState<KioskPriority>('auto');
  const groups = usePriorityGroups();
  const zone = useHallZone();
  const verdict = keypadVerdict(value, hallToday(zone));

  const press = useCallback((key: KeypadKey) => {
    setValue((v) => pressKey(v, key));
    setRefusal(null);
    setChecked(false);
  }, []);

  const submit = useCallback(async () => {
    setChecked(true);
    if (verdict.state !== 'ok' || sending) return;
    setSending(true);
    setRefusal(null);
    try {
      const answer = await kioskCheckIn(verdict.idCard, { lang }, sentPriority(priority, groups));
      onTickets(answer.tickets, answer.reprint);
    } catch (error) {
      setRefusal(error);
      setSending(false);
      onRefused(error);
    }
  }, [verdict, sending, lang, onTickets, onRefused, priority, groups]);

  useKeypadKeys(press, submit);

  const code = refusal instanceof ApiError ? refusal.code : '';
  const showInvalid = verdict.state === 'invalid';

  return (
    <section className="kiosk-checkin">
      <div className="kiosk-checkin__entry">
        <h1 ref={heading} tabIndex={-1} className="kiosk-title">
          {t('kiosk.checkIn')}
        </h1>
        <p className="kiosk-lead" id="id-entry-label">
          {t('kiosk.enterId')}
        </p>
        <output className={`id-display${showInvalid ? ' id-display--invalid' : ''}`} aria-labelledby="id-entry-label" aria-live="polite">
          {value ? groupIdCard(value) : <span className="id-display__placeholder">{t('kiosk.idPlaceholder')}</span>}
        </output>
        <p className="kiosk-count">{t('kiosk.idCount', { n: value.length })}</p>
        <div className="kiosk-feedback" aria-live="assertive">
          {showInvalid && <p className="kiosk-error">{problemText({ field: 'idCard', reason: verdict.reason }, lang)}</p>}
          {checked && verdict.state === 'incomplete' && <p className="kiosk-error">{t('kiosk.idIncomplete', { n: verdict.missing })}</p>}
          {refusal !== null && (
            <div className="kiosk-refusal" role="alert">
              <p className="kiosk-refusal__title">{errorText(refusal, lang)}</p>
              {code === 'NO_BOOKING' && <p>{t('kiosk.noBookingHelp')}</p>}
              {code === 'BOOKING_SERVED' && <p>{t('kiosk.servedHelp')}</p>}
              {code === 'TOO_EARLY' && <p>{t('kiosk.tooEarlyHelp')}</p>}
              {code === 'BOOKING_EXPIRED' && <p>{t('kiosk.expiredHelp')}</p>}
              {WALK_IN_CODES.has(code) && (
                <button
                  type="button"
                  className="kiosk-button kiosk-button--primary"
                  onClick={() => onWalkIn(verdict.state === 'ok' ? verdict.idCard : undefined, priority)}
                >
                  {t('kiosk.takeWalkIn')}
                </button>
              )}
            </div>
          )}
        </div>
        {/* A refusal takes its place (the walk-in screen asks again), so the screen never scrolls. */}
        {refusal === null && <PriorityChoice value={priority} onChange={setPriority} disabled={sending} groups={groups} />}
      </div>
      <div className="kiosk-checkin__pad">
        <Keypad value={value} onKey={press} disabled={sending} />
        <button
          type="button"
          className="kiosk-button kiosk-button--primary kiosk-button--confirm"
          disabled={verdict.state !== 'ok' || sending}
          aria-busy={sending}
          onClick={() => void submit()}
        >
          {sending ? t('kiosk.checkingIn') : t('kiosk.confirm')}
        </button>
      </div>
    </section>
  );
}
