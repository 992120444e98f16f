// The cancel dialog's choice to erase, with the booking, the phone number kept for text messages.
import { useI18n } from '../i18n/i18n.js';

export function ForgetPhone({ checked, disabled, onChange }: { checked: boolean; disabled: boolean; onChange: (checked: boolean) => void }) {
  const { t } = useI18n();
  return (
    <label className="forget-phone">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>{t('sms.forgetPhone')}</span>
    </label>
  );
}
