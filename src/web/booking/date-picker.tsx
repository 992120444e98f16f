// The booking window as a row of day chips; closed days are shown but cannot be chosen.
import type { DayAvailability } from '../../contracts/services.js';
import { useI18n } from '../i18n/i18n.js';
import { formatMonthDay, formatShortDate, weekdayName } from '../i18n/format.js';
import { dayState, isSelectableDay } from './availability-logic.js';

export function DatePicker({
  days,
  today,
  value,
  onChange,
}: {
  days: DayAvailability[];
  today: string;
  value: string | undefined;
  onChange: (date: string) => void;
}) {
  const { t, lang } = useI18n();
  const note = (d: DayAvailability) => {
    const state = dayState(d);
    if (state === 'closed') return t('day.closed');
    if (state === 'outside') return t('day.outside');
    if (state === 'full') return t('day.full');
    if (state === 'over') return t('day.over');
    return t('day.remaining', { n: d.remaining });
  };
  return (
    <fieldset className="picker">
      <legend className="picker__legend">{t('service.chooseDate')}</legend>
      <div className="chips chips--days">
        {days.map((d) => {
          const state = dayState(d);
          return (
            <label key={d.date} className={`chip chip--${state}`} title={formatShortDate(d.date, lang)}>
              <input
                type="radio"
                name="date"
                value={d.date}
                checked={d.date === value}
                disabled={!isSelectableDay(d)}
                onChange={() => onChange(d.date)}
              />
              <span className="chip__top">{d.date === today ? t('date.todayShort') : weekdayName(d.date, lang)}</span>
              <span className="chip__main">{formatMonthDay(d.date)}</span>
              <span className="chip__note">{note(d)}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
