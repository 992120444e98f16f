// Figures per service (and per day in a report) with a totals row: today's dashboard and the
// report share it.
import type { DayFigures } from '../../contracts/admin.js';
import { useI18n } from '../i18n/i18n.js';
import { formatShortDate } from '../i18n/format.js';
import { type FigureKey, formatAverage, totals } from './figures-logic.js';

/** Minutes (averages, percentiles) rather than counts. */
const isMinutes = (key: FigureKey) => key.endsWith('Minutes');

export function FiguresTable({
  rows,
  columns,
  withDate,
  withHall = false,
  caption,
  testId,
}: {
  rows: readonly DayFigures[];
  columns: readonly FigureKey[];
  withDate: boolean;
  /** A column naming each row's hall (a report over every hall). */
  withHall?: boolean;
  caption: string;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const sum = totals(rows);
  const cell = (key: FigureKey, value: number | null) => (isMinutes(key) ? formatAverage(value) : String(value ?? 0));
  return (
    <div className="admin-table-wrap">
      <table className="admin-table admin-table--figures" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {withDate && <th scope="col">{t('admin.fig.date')}</th>}
            {withHall && <th scope="col">{t('admin.fig.hall')}</th>}
            <th scope="col">{t('admin.fig.service')}</th>
            {columns.map((key) => (
              <th key={key} scope="col" className="num">
                {t(`admin.fig.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.date}-${r.hallCode}-${r.serviceId}-${r.serviceLetter}`} data-service={r.serviceLetter} data-hall={r.hallCode}>
              {withDate && <td className="nowrap">{formatShortDate(r.date, lang)}</td>}
              {withHall && <td>{r.hallName}</td>}
              <th scope="row">
                <span className="service-letter service-letter--small" aria-hidden="true">
                  {r.serviceLetter}
                </span>{' '}
                {r.serviceName}
              </th>
              {columns.map((key) => (
                <td key={key} className="num" data-col={key}>
                  {cell(key, r[key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={1 + Number(withDate) + Number(withHall)}>
              {t('admin.fig.total')}
            </th>
            {columns.map((key) => (
              <td key={key} className="num" data-col={key}>
                {cell(key, sum[key])}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
