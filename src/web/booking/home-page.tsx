// Home: the services as large tiles with the next open day's 已预约人数 and 余号数量 (of the hall
// being booked in, when the city has many).
import type { Lang } from '../../contracts/errors.js';
import type { ServiceSummary, ServicesResponse } from '../../contracts/services.js';
import { addDays } from '../../domain/schedule.js';
import { takeEarlyServices } from '../api/early.js';
import { getServices } from '../api/endpoints.js';
import { getHallServices } from '../api/hall-endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';
import { formatShortDate } from '../i18n/format.js';
import { publicChannel, useLiveReload } from '../live/use-live.js';
import { hrefOf } from '../nav/router.js';
import { Link } from '../ui/link.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';
import { useResource } from '../ui/use-resource.js';
import { PUBLIC_MERGE_MS, everyServiceFound, nextOpenSummaries } from './availability-logic.js';
import { useHallPlace } from './hall-place.js';

/** Looks ahead day by day (at most a week and a day) until every service has an open day. */
async function loadNextOpenDays(hall: string | null, lang: Lang, signal: AbortSignal) {
  const services = (date: string | undefined) => (hall ? getHallServices(hall, date, { lang, signal }) : getServices(date, { lang, signal }));
  // At `/` the list may have been asked for before the page's scripts arrived (public/early.js).
  const first = (hall === null ? await takeEarlyServices(lang) : null) ?? (await services(undefined));
  const answers: ServicesResponse[] = [first];
  for (let i = 1; i <= 8 && !everyServiceFound(answers); i++) {
    answers.push(await services(addDays(first.today, i)));
  }
  return { today: first.today, services: first.services, next: nextOpenSummaries(answers) };
}

function ServiceTile({ service, next, today }: { service: ServiceSummary; next: ServiceSummary | undefined; today: string }) {
  const { t, lang } = useI18n();
  const { base } = useHallPlace();
  const name = localName(service, lang);
  const full = next !== undefined && next.remaining === 0;
  return (
    <li>
      <Link className="tile" href={hrefOf(base, { service: service.id, date: next?.date })}>
        <span className="tile__letter" aria-hidden="true">
          {service.letter}
        </span>
        <span className="tile__name">{name}</span>
        {next ? (
          <span className="tile__stats">
            <span className="tile__date">{next.date === today ? t('date.today', { date: formatShortDate(next.date, lang) }) : formatShortDate(next.date, lang)}</span>
            <span>
              {t('stats.reserved')} <strong>{next.reserved}</strong>
            </span>
            <span className={full ? 'tile__full' : undefined}>
              {full ? t('day.full') : <>{t('stats.remaining')} <strong>{next.remaining}</strong></>}
            </span>
          </span>
        ) : (
          <span className="tile__stats">{t('home.notOpenSoon')}</span>
        )}
      </Link>
    </li>
  );
}

export function HomePage() {
  const { t, lang } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>('home');
  const { hall } = useHallPlace();
  const code = hall?.code ?? null;
  const res = useResource((signal) => loadNextOpenDays(code, lang, signal), `home|${code}`);
  // Counts change as people book and cancel: reload, at most about once a second (for this
  // hall's services only, when the city has many).
  const ids = new Set(res.data?.services.map((s) => s.id));
  useLiveReload(publicChannel(code), res.reload, {
    mergeMs: PUBLIC_MERGE_MS,
    relevant: (e) => !code || e.serviceId === null || ids.has(e.serviceId),
    loadsAsItSubscribes: true,
  });
  return (
    <section className="page">
      <h1 ref={heading} tabIndex={-1}>
        {t('home.title')}
      </h1>
      <p className="lead">{t('home.lead')}</p>
      {res.error !== null && <LoadFailed error={res.error} onRetry={res.reload} />}
      {res.data ? (
        <ul className="tiles" aria-busy={res.loading}>
          {res.data.services.map((s) => (
            <ServiceTile key={s.id} service={s} next={res.data?.next.get(s.id)} today={res.data?.today ?? ''} />
          ))}
        </ul>
      ) : (
        res.loading && <Loading />
      )}
      <p className="home__records">
        <Link href="/records">{t('home.recordsLink')}</Link>
      </p>
    </section>
  );
}
