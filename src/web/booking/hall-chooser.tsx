// 选择大厅: the city's halls grouped by district, each with today's 余号 and its address. The
// choice is remembered on this device (only the hall's code) and `/` opens it next time.
import type { HallToday } from '../../contracts/halls.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';
import { useLiveReload } from '../live/use-live.js';
import { browserStore } from '../person/browser-store.js';
import { AppShell } from '../ui/app-shell.js';
import { Link } from '../ui/link.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';
import type { Resource } from '../ui/use-resource.js';
import { PUBLIC_MERGE_MS } from './availability-logic.js';
import { byDistrict, hallBase, rememberHall, rememberedHall } from './hall-logic.js';

function HallTile({ hall, current }: { hall: HallToday; current: boolean }) {
  const { t, lang } = useI18n();
  const name = localName(hall, lang);
  return (
    <li>
      <Link
        className={`hall-tile${current ? ' hall-tile--current' : ''}`}
        href={hallBase(hall.code)}
        aria-current={current ? 'true' : undefined}
        onClick={() => rememberHall(browserStore(), hall.code)}
      >
        <span className="hall-tile__head">
          <span className="hall-tile__name">{name}</span>
          {hall.remaining > 0 ? (
            <span className="hall-tile__places">
              {t('halls.remainingToday')} <strong>{hall.remaining}</strong>
            </span>
          ) : (
            <span className="hall-tile__places hall-tile__places--none">{t('halls.noneToday')}</span>
          )}
        </span>
        {hall.address && <span className="hall-tile__address">{hall.address}</span>}
        {hall.hours && <span className="hall-tile__hours">{t('halls.hours', { hours: hall.hours })}</span>}
      </Link>
    </li>
  );
}

export function HallChooser({ halls }: { halls: Resource<{ halls: HallToday[] }> }) {
  const { t } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>('halls');
  // Places change as people book and cancel in any hall.
  useLiveReload('public', halls.reload, { mergeMs: PUBLIC_MERGE_MS });
  const current = rememberedHall(browserStore());
  const districts = byDistrict(halls.data?.halls ?? []);
  return (
    <AppShell section="/">
      <section className="page" aria-busy={halls.loading}>
        <h1 ref={heading} tabIndex={-1}>
          {t('halls.title')}
        </h1>
        <p className="lead">{t('halls.lead')}</p>
        {halls.error !== null && <LoadFailed error={halls.error} onRetry={halls.reload} />}
        {!halls.data && halls.loading && <Loading />}
        {districts.map((d, i) => (
          <section key={d.name} className="district" aria-labelledby={`district-${i}`}>
            <h2 id={`district-${i}`} className="section-title">
              {d.name || t('halls.districtOther')}
            </h2>
            <ul className="hall-tiles">
              {d.halls.map((h) => (
                <HallTile key={h.code} hall={h} current={h.code === current} />
              ))}
            </ul>
          </section>
        ))}
      </section>
    </AppShell>
  );
}
