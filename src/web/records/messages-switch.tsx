// 短信提醒 on a booking card of the look-up: switches text messages about the booking on or off.
// It moves at once and says 正在保存; a refusal or a lost connection puts it back and says why.
import { useEffect, useId, useState } from 'react';
import type { Booking, PersonCredentials } from '../../contracts/bookings.js';
import { setBookingMessages } from '../api/endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';

/** Messages matter while the booking is ahead: booked, or checked in and waiting to be called. */
const SWITCHABLE: ReadonlySet<Booking['status']> = new Set(['booked', 'checked_in']);

export function MessagesSwitch({ booking, credentials }: { booking: Booking; credentials: PersonCredentials }) {
  const { t, lang } = useI18n();
  const id = useId();
  const known = booking.notify;
  const [on, setOn] = useState(known ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // A fresh look-up says what the server holds.
  useEffect(() => {
    if (known !== undefined) setOn(known);
  }, [known]);

  if (known === undefined || !SWITCHABLE.has(booking.status)) return null;

  const toggle = async () => {
    if (busy) return;
    const next = !on;
    setOn(next);
    setBusy(true);
    setError(null);
    try {
      const answer = await setBookingMessages(booking.number, { ...credentials, notify: next }, { lang });
      setOn(answer.booking.notify ?? next);
    } catch (e) {
      setOn(!next);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sms-switch-wrap">
      <div className="sms-switch">
        <span id={`${id}-label`} className="sms-switch__label">
          {t('sms.switch')}
        </span>
        <button
          type="button"
          role="switch"
          className="sms-switch__button"
          aria-checked={on}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-state`}
          aria-busy={busy}
          data-testid="sms-switch"
          onClick={() => void toggle()}
        >
          <span className="sms-switch__track" aria-hidden="true" />
          <span id={`${id}-state`} className="sms-switch__state">
            {busy ? t('sms.switchSaving') : on ? t('sms.switchOn') : t('sms.switchOff')}
          </span>
        </button>
      </div>
      {error !== null && (
        <p className="sms-switch__error" role="alert">
          {t('sms.switchFailed', { reason: errorText(error, lang) })}
        </p>
      )}
    </div>
  );
}
