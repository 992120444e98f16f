// 一键换厅: when this hall has no place today or tomorrow, the halls that have the same service
// sooner ("城东大厅 明天 09:00 有号"), each one tap from that hall's page of the service.
import type { SuggestionsResponse } from '../../contracts/halls.js';
import { getSuggestions } from '../api/hall-endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';
import { formatShortDate } from '../i18n/format.js';
import { hrefOf } from '../nav/router.js';
import { Link } from '../ui/link.js';
import { useResource } from '../ui/use-resource.js';
import { type DayWord, dayWordOf, hallBase } from './hall-logic.js';

const SHOWN = 3;

/** `reschedule`: the booking being moved (改约), which the other hall's page keeps moving. */
export function OtherHalls({
  hall,
  letter,
  today,
  version,
  reschedule = null,
}: { hall: string; letter: string; today: string; version: string; reschedule?: string | null }) {
  const { t, lang } = useI18n();
  // Asked again when this hall's availability changes (`version`), so the offer stays true.
  const res = useResource<SuggestionsResponse>((signal) => getSuggestions(hall, letter, { lang, signal }), `${hall}|${letter}|${lang}|${version}`);
  const offers = res.data?.elsewhere.slice(0, SHOWN) ?? [];
  if (offers.length === 0) return null;
  const dayText = (date: string) => {
    const word: DayWord = dayWordOf(date, today);
    if (word === 'today') return t('switch.today');
    if (word === 'tomorrow') return t('switch.tomorrow');
    if (word === 'dayAfter') return t('switch.dayAfter');
    return formatShortDate(date, lang);
  };
  return (
    <section className="other-halls" aria-labelledby="other-halls-title">
      <h2 id="other-halls-title" className="other-halls__title">
        {t('switch.title')}
      </h2>
      <p className="other-halls__lead">{t('switch.lead')}</p>
      <ul className="other-halls__list">
        {offers.map((o) => (
          <li key={o.hall.code} className="other-halls__item">
            <div className="other-halls__text">
              <strong>{t('switch.offer', { hall: localName(o.hall, lang), day: dayText(o.date), time: o.slot })}</strong>
              {o.hall.address && <span className="other-halls__address">{o.hall.address}</span>}
            </div>
            <Link
              className="button button--primary other-halls__go"
              href={hrefOf(hallBase(o.hall.code), { service: o.serviceId, date: o.date, reschedule })}
              aria-label={t('switch.goTo', { hall: localName(o.hall, lang) })}
            >
              {t('switch.go')}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
