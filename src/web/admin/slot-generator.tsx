// Fills the slot plan from the opening hours: slots of N minutes with M places each (replacing
// the rows), for setting up a new service in one step.
import { useId, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';

export function SlotGenerator({
  onGenerate,
  canGenerate,
}: {
  onGenerate: (minutes: number, capacity: number) => void;
  canGenerate: (minutes: string, capacity: string) => boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const [minutes, setMinutes] = useState('60');
  const [capacity, setCapacity] = useState('10');
  const ok = canGenerate(minutes, capacity);
  return (
    <fieldset className="slot-generator">
      <legend>{t('admin.svc.generate')}</legend>
      <label htmlFor={`${id}-m`}>{t('admin.svc.generateMinutes')}</label>
      <input id={`${id}-m`} className="cell-input" inputMode="numeric" maxLength={3} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      <label htmlFor={`${id}-c`}>{t('admin.svc.generateCapacity')}</label>
      <input
        id={`${id}-c`}
        className="cell-input cell-input--wide"
        inputMode="numeric"
        maxLength={5}
        value={capacity}
        onChange={(e) => setCapacity(e.target.value)}
      />
      <button type="button" className="button button--secondary button--small" disabled={!ok} onClick={() => onGenerate(Number(minutes), Number(capacity))}>
        {t('admin.svc.generateButton')}
      </button>
    </fieldset>
  );
}
