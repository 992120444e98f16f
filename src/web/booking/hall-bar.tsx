// The hall being booked in, under the sections: its name and address, and 换个大厅 when the city
// has other halls.
import type { HallToday } from '../../contracts/halls.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';
import { Link } from '../ui/link.js';

export function HallBar({ hall, many }: { hall: HallToday; many: boolean }) {
  const { t, lang } = useI18n();
  return (
    <section className="hall-bar" aria-label={t('halls.here')}>
      <div className="hall-bar__text">
        <strong className="hall-bar__name" data-testid="hall-name">
          {localName(hall, lang)}
        </strong>
        {hall.address && <span className="hall-bar__address">{hall.address}</span>}
      </div>
      {many && (
        <Link className="hall-bar__change" href="/h">
          {t('halls.change')}
        </Link>
      )}
    </section>
  );
}
