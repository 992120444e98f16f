// 满意度: counts per level, the satisfaction rate, 整改率 and 回访率 for the hall and by service,
// counter, staff member and day (CSV beside it); every hall side by side for a city admin; and the
// latest ratings with their reasons and comments.
import type { RatingFigures } from '../../contracts/rating.js';
import { RATING_LEVELS } from '../../domain/rating.js';
import { useI18n } from '../i18n/i18n.js';
import { AdminListState } from './admin-table.js';
import { useAdminScope } from './admin-scope-context.js';
import { getRatings, getRatingReport, getRatingsByHall, ratingCsvHref } from './rating-endpoints.js';
import { useAdminResource } from './use-admin-resource.js';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

function FiguresTable({ rows, testId, caption, first }: { rows: RatingFigures[]; testId: string; caption: string; first: string }) {
  const { t } = useI18n();
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col">{t('admin.rate.count')}</th>
            {RATING_LEVELS.map((l) => (
              <th scope="col" key={l}>
                {t(`rate.level.${l}`)}
              </th>
            ))}
            <th scope="col">{t('admin.rate.satisfaction')}</th>
            <th scope="col">{t('admin.rate.cases')}</th>
            <th scope="col">{t('admin.rate.rectification')}</th>
            <th scope="col">{t('admin.rate.revisit')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => (
            <tr key={f.key}>
              <th scope="row">{f.label}</th>
              <td>{f.ratings}</td>
              {RATING_LEVELS.map((l) => (
                <td key={l}>{f.byLevel[l] ?? 0}</td>
              ))}
              <td>{percent(f.satisfactionRate)}</td>
              <td>
                {f.cases}
                {f.overdue > 0 && <span className="badge badge--danger"> {t('admin.rate.overdueCount', { n: f.overdue })}</span>}
              </td>
              <td>{percent(f.rectificationRate)}</td>
              <td>{percent(f.revisitRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SatisfactionPanel({ from, to, city, version }: { from: string; to: string; city: boolean; version: number }) {
  const { t } = useI18n();
  const { scope } = useAdminScope();
  const report = useAdminResource((call) => getRatingReport(from, to, call), `rating-report:${from}:${to}:${version}`);
  const r = report.data;
  const groups = r
    ? ([
        ['byService', t('admin.rate.byService'), t('admin.rate.service')],
        ['byCounter', t('admin.rate.byCounter'), t('admin.rate.counter')],
        ['byStaff', t('admin.rate.byStaff'), t('admin.rate.staff')],
        ['byDay', t('admin.rate.byDay'), t('admin.rate.day')],
      ] as const)
    : [];
  return (
    <section className="admin-panel" aria-labelledby="satisfaction-title">
      <div className="admin-panel__head">
        <h2 id="satisfaction-title">{t('admin.rate.figures')}</h2>
        <a className="button button--secondary button--small" href={ratingCsvHref(from, to, scope)} download={`vreserve-ratings-${from}-${to}.csv`}>
          {t('admin.rate.csv')}
        </a>
      </div>
      <AdminListState resource={report} empty={r?.total.ratings === 0} none={t('admin.rate.noRatings')}>
        {r && (
          <>
            <p className="admin-summary" data-testid="satisfaction-summary">
              {t('admin.rate.summary', {
                n: r.total.ratings,
                rate: percent(r.total.satisfactionRate),
                cases: r.total.cases,
                rect: percent(r.total.rectificationRate),
                revisit: percent(r.total.revisitRate),
              })}
            </p>
            {groups.map(([key, caption, first]) => (
              <FiguresTable key={key} rows={r[key]} testId={`satisfaction-${key}`} caption={caption} first={first} />
            ))}
          </>
        )}
      </AdminListState>
      {city && <HallsFigures from={from} to={to} version={version} />}
    </section>
  );
}

function HallsFigures({ from, to, version }: { from: string; to: string; version: number }) {
  const { t } = useI18n();
  const halls = useAdminResource((call) => getRatingsByHall(from, to, call), `ratings-by-hall:${from}:${to}:${version}`);
  return (
    <AdminListState resource={halls} empty={false} none="">
      {halls.data && (
        <FiguresTable rows={[...halls.data.halls, halls.data.total]} testId="satisfaction-byHall" caption={t('admin.rate.byHall')} first={t('admin.rate.hall')} />
      )}
    </AdminListState>
  );
}

export function LatestRatingsPanel({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const list = useAdminResource((call) => getRatings(from, to, call), `ratings:${from}:${to}`);
  const ratings = list.data?.ratings ?? [];
  return (
    <section className="admin-panel" aria-labelledby="latest-ratings-title">
      <h2 id="latest-ratings-title">{t('admin.rate.latest')}</h2>
      <AdminListState resource={list} empty={ratings.length === 0} none={t('admin.rate.noRatings')}>
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="ratings-table">
            <caption className="visually-hidden">{t('admin.rate.latest')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.rate.number')}</th>
                <th scope="col">{t('admin.rate.service')}</th>
                <th scope="col">{t('admin.rate.counter')}</th>
                <th scope="col">{t('admin.rate.level')}</th>
                <th scope="col">{t('admin.rate.comment')}</th>
                <th scope="col">{t('admin.rate.channel')}</th>
              </tr>
            </thead>
            <tbody>
              {ratings.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="mono">
                    {r.number}
                  </th>
                  <td>{r.serviceName}</td>
                  <td>
                    {r.counterNumber ?? '—'} {r.staffName}
                  </td>
                  <td>
                    {t(`rate.level.${r.level}`)}
                    {r.reasons.length > 0 && ` (${r.reasons.map((x) => t(`rate.reason.${x}`)).join('、')})`}
                  </td>
                  <td>{r.comment ?? ''}</td>
                  <td>{t(`rate.channel.${r.channel}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </AdminListState>
    </section>
  );
}
