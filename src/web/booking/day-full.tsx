// 已约满: the day has no place left (or every slot has started); offer the next days with places.
import type { DayAvailability } from '../../contracts/services.js';
import { useI18n } from '../i18n/i18n.js';
import { formatShortDate } from '../i18n/format.js';
import { Banner } from '../ui/banner.js';
import { dayState, nextDaysWithPlaces } from './availability-logic.js';

export function DayFull({ day, days, onChoose }: { day: DayAvailability; days: DayAvailability[]; onChoose: (date: string) => void }) {
  const { t, lang } = useI18n();
  const next = nextDaysWithPlaces(days, day.date);
  const full = dayState(day) === 'full';
  return (
    <section className="day-full" aria-labelledby="day-full-title">
      <Banner tone="info">
        <strong id="day-full-title" className="day-full__title">
          {full ? t('day.fullTitle') : t('day.overTitle')}
        </strong>
      </Banner>
      {next.length > 0 ? (
        <>
          <p>{t('day.tryNext')}</p>
          <ul className="next-days">
            {next.map((d) => (
              <li key={d.date}>
                <button type="button" className="button button--secondary next-days__button" onClick={() => onChoose(d.date)}>
                  <span>{formatShortDate(d.date, lang)}</span>
                  <span>{t('day.remaining', { n: d.remaining })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('day.noneNext')}</p>
      )}
    </section>
  );
}
