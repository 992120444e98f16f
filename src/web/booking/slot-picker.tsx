// The chosen day's slots with their remaining places; full and past slots cannot be chosen. A
// booking sent without a slot is told so here, where the slot is chosen, and the focus comes here.
import { useLayoutEffect, useRef } from 'react';
import type { DayAvailability, SlotAvailability } from '../../contracts/services.js';
import { useI18n } from '../i18n/i18n.js';
import { formatSlot } from '../i18n/format.js';

export function SlotPicker({
  day,
  value,
  missing,
  onChange,
}: {
  day: DayAvailability;
  value: string | null;
  /** Counts the attempts to book without a slot (0: none since the last choice); each one moves the focus here. */
  missing: number;
  onChange: (slot: string) => void;
}) {
  const { t } = useI18n();
  const group = useRef<HTMLFieldSetElement>(null);
  // In the commit that shows the refusal (a layout effect), as every focus move (see sms-code-field.tsx).
  useLayoutEffect(() => {
    if (missing === 0) return;
    group.current?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus();
    group.current?.scrollIntoView({ block: 'center' });
  }, [missing]);
  const showMissing = missing > 0 && value === null;
  const note = (s: SlotAvailability) => {
    if (s.bookable) return t('slot.remaining', { n: s.remaining });
    if (s.reason === 'full' || s.remaining === 0) return t('slot.full');
    if (s.reason === 'past') return t('slot.past');
    return t('slot.unavailable');
  };
  return (
    <fieldset
      ref={group}
      className={`picker${showMissing ? ' picker--invalid' : ''}`}
      aria-describedby={showMissing ? 'slot-missing' : undefined}
    >
      <legend className="picker__legend">{t('service.chooseSlot')}</legend>
      {showMissing && (
        <p id="slot-missing" className="field__error picker__error" role="alert">
          {t('form.chooseSlotFirst')}
        </p>
      )}
      <div className="chips chips--slots">
        {day.slots.map((s) => (
          <label key={s.start} className={`chip chip--slot${s.bookable ? '' : ' chip--disabled'}`}>
            <input type="radio" name="slot" value={s.start} checked={s.start === value} disabled={!s.bookable} onChange={() => onChange(s.start)} />
            <span className="chip__main">{formatSlot(s.start, s.end)}</span>
            <span className="chip__note">{note(s)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
