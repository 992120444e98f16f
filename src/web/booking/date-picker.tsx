// The booking window as a row of day chips; closed days are shown but cannot be chosen, with the
// reason: the hall calendar's note (国庆节 …) or 闭馆, else 不办理 (the service's weekly plan).
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
  const closedReason = (d: DayAvailability) =>
    d.closedBy === 'calendar' ? (d.closedNote?.trim() || t('day.closedCalendar')) : t('day.closed');
  const note = (d: DayAvailability) => {
    const state = dayState(d);
    if (state === 'closed') return closedReason(d);
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
            <label
              key={d.date}
              className={`chip chip--${state}`}
              title={state === 'closed' ? `${formatShortDate(d.date, lang)} ${closedReason(d)}` : formatShortDate(d.date, lang)}
            >
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
              <span className={`chip__note${state === 'closed' ? ' chip__note--reason' : ''}`}>{note(d)}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
