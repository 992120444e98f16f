// The 长辈版 switch every citizen screen shows beside the language switch: a toggle button (its
// pressed state is announced), in words, not a colour.
import { useI18n } from '../i18n/i18n.js';
import { setElderMode, useElderMode } from './elder-mode.js';

export function ElderSwitch({ className = 'lang-switch elder-switch' }: { className?: string }) {
  const { t } = useI18n();
  const on = useElderMode();
  return (
    <button type="button" className={className} aria-pressed={on} onClick={() => setElderMode(!on)} data-testid="elder-switch">
      {on ? t('elder.off') : t('elder.on')}
    </button>
  );
}
