// The booking form's choice of text messages (on unless the citizen unticks it), with the small
// print on why the phone number is kept and for how long.
import { useContext, useId } from 'react';
import { RetentionDaysContext } from './verify-phone.js';
import { useI18n } from '../i18n/i18n.js';

export function NotifyChoice({ checked, onChange }: { checked: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useI18n();
  const days = useContext(RetentionDaysContext);
  const id = useId();
  return (
    <div className="notify-choice">
      <label className="notify-choice__label" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-note`} />
        <span>{t('sms.optIn')}</span>
      </label>
      <p id={`${id}-note`} className="notify-choice__note">
        {t('sms.optInNote', { days })}
      </p>
    </div>
  );
}
