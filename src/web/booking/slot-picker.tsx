// The chosen day's slots with their remaining places; full and past slots cannot be chosen.
import type { DayAvailability, SlotAvailability } from '../../contracts/services.js';
import { useI18n } from '../i18n/i18n.js';
import { formatSlot } from '../i18n/format.js';

export function SlotPicker({ day, value, onChange }: { day: DayAvailability; value: string | null; onChange: (slot: string) => void }) {
  const { t } = useI18n();
  const note = (s: SlotAvailability) => {
    if (s.bookable) return t('slot.remaining', { n: s.remaining });
    if (s.reason === 'full' || s.remaining === 0) return t('slot.full');
    if (s.reason === 'past') return t('slot.past');
    return t('slot.unavailable');
  };
  return (
    <fieldset className="picker">
      <legend className="picker__legend">{t('service.chooseSlot')}</legend>
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
