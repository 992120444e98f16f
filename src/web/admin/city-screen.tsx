// 城市概览: every hall's today on one screen — booked, checked in, walk-ins, waiting, served, the
// longest wait and the counters open — with the city's totals, grouped by district or sorted by
// what needs attention (?tab=city&sort=waiting), refreshed every 10 seconds. A hall's row opens
// that hall's own 今日.
import { useEffect, useId } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { hallClockTime, useHallZone } from '../hall/hall-zone.js';
import { navigate } from '../nav/router.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { getCityOverview } from './admin-endpoints.js';
import { useAdminScope } from './admin-scope-context.js';
import { tabHref } from './admin-tabs.js';
import { CITY_COLUMNS, CITY_SORTS, type CityFigures, arrangeCity, citySortOf } from './city-logic.js';
import { districtName, hallName } from './hall-names.js';
import { ScreenHead } from './screen-head.js';
import { useAdminResource } from './use-admin-resource.js';

const REFRESH_MS = 10_000;
const TILES = ['booked', 'checkedIn', 'waiting', 'longestWaitMinutes', 'countersOpen'] as const;

export function CityScreen({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const id = useId();
  const zone = useHallZone();
  const { choose, halls } = useAdminScope();
  const sort = citySortOf(query.get('sort'));
  const city = useAdminResource((call) => getCityOverview(call), 'city');
  const reload = city.reload;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const label = (key: keyof CityFigures) => (key === 'longestWaitMinutes' ? t('admin.city.longestWait') : key === 'countersOpen' ? t('admin.city.countersOpen') : t(`admin.fig.${key}`));
  const value = (key: keyof CityFigures, figures: CityFigures) => (key === 'longestWaitMinutes' ? t('admin.city.minutes', { n: figures[key] }) : String(figures[key]));
  const cells = (figures: CityFigures) =>
    CITY_COLUMNS.map((key) => (
      <td key={key} className="num" data-col={key}>
        {value(key, figures)}
      </td>
    ));
  const open = (code: string) => {
    choose(code);
    navigate(tabHref('today'));
  };

  const data = city.data;
  let body = null;
  if (!data) {
    body = city.error !== null ? <LoadFailed error={city.error} onRetry={city.reload} /> : <Loading />;
  } else {
    // Names and districts as the console words them elsewhere (an English district left empty reads in Chinese).
    const known = new Map(halls.map((h) => [h.code, h]));
    const rows = data.halls.map((row) => {
      const hall = known.get(row.code);
      return hall ? { ...row, name: hallName(hall, lang), district: districtName(hall, lang) } : row;
    });
    const groups = arrangeCity(rows, sort);
    body = (
      <>
        {city.error !== null && <LoadFailed error={city.error} onRetry={city.reload} />}
        <dl className="kpis" data-testid="city-totals">
          {TILES.map((key) => (
            <div key={key} className={`kpi kpi--${key}`}>
              <dt>{label(key)}</dt>
              <dd data-kpi={key}>{value(key, data.total)}</dd>
            </div>
          ))}
        </dl>
        <section className="admin-panel" aria-labelledby={`${id}-table`}>
          <div className="city-table-head">
            <h2 id={`${id}-table`}>
              {t('admin.city.table')} <span className="muted">{t('admin.city.halls', { n: data.halls.length })}</span>
            </h2>
            <div className="field field--inline">
              <label className="field__label" htmlFor={`${id}-sort`}>
                {t('admin.city.sort')}
              </label>
              <select
                id={`${id}-sort`}
                className="field__input"
                value={sort}
                onChange={(e) => navigate(tabHref('city', { sort: e.target.value === 'district' ? undefined : e.target.value }), { replace: true })}
              >
                {CITY_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`admin.city.sort.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="admin-table-wrap">
            <table className="admin-table admin-table--figures city-table" data-testid="city-table">
              <caption className="visually-hidden">{t('admin.city.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.city.hall')}</th>
                  {CITY_COLUMNS.map((key) => (
                    <th key={key} scope="col" className="num">
                      {label(key)}
                    </th>
                  ))}
                  <th scope="col">
                    <span className="visually-hidden">{t('admin.svc.rowActions')}</span>
                  </th>
                </tr>
              </thead>
              {groups.map((group) => (
                <tbody key={group.district ?? '*'}>
                  {group.district !== null && (
                    <tr className="city-table__district" data-district={group.district}>
                      <th scope="rowgroup">{t('admin.city.subtotal', { district: group.district || t('admin.city.noDistrict') })}</th>
                      {cells(group.subtotal)}
                      <td />
                    </tr>
                  )}
                  {group.halls.map((h) => (
                    <tr key={h.code} data-hall={h.code} className={h.active ? undefined : 'row--inactive'}>
                      <th scope="row">
                        {h.name}
                        {!h.active && <span className="admin-tag admin-tag--off">{t('admin.city.closed')}</span>}
                      </th>
                      {cells(h)}
                      <td>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={t('admin.city.openLabel', { name: h.name })}
                          onClick={() => open(h.code)}
                        >
                          {t('admin.city.open')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              ))}
              <tfoot>
                <tr data-testid="city-total-row">
                  <th scope="row">{t('admin.city.total')}</th>
                  {cells(data.total)}
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      </>
    );
  }

  return (
    <section className="admin-screen" aria-busy={city.loading}>
      <ScreenHead
        id="city"
        title={t('admin.tab.city')}
        lead={data ? `${t('admin.city.lead')} ${t('admin.city.asOf', { time: hallClockTime(new Date(data.at), zone) })}` : t('admin.city.lead')}
        actions={
          <button type="button" className="button button--secondary" onClick={reload} disabled={city.loading} aria-busy={city.loading}>
            {t('admin.city.refresh')}
          </button>
        }
      />
      {body}
    </section>
  );
}
