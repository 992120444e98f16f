// 报表: the figures per day and service over a range (this month so far unless the address says
// otherwise: ?tab=reports&from=…&to=…), a chart of the days, the table and the CSV for Excel.
// At the city level (a city admin's 全市) every hall: each on its rows, or summed (&spread=sum).
import { type FormEvent, useEffect, useId, useState } from 'react';
import { isValidDate } from '../../domain/schedule.js';
import { useI18n } from '../i18n/i18n.js';
import { formatLongDate, formatMonthDay } from '../i18n/format.js';
import { navigate } from '../nav/router.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { type ReportSpread, getReport, reportCsvHref } from './admin-endpoints.js';
import { useAdminScope } from './admin-scope-context.js';
import { tabHref } from './admin-tabs.js';
import { BarChart } from './bar-chart.js';
import { type QuickRange, REPORT_COLUMNS, activeRows, dailyTotals, defaultReportRange, quickRange, rangeProblem, totals } from './figures-logic.js';
import { FiguresTable } from './figures-table.js';
import { ScreenHead } from './screen-head.js';
import { StaffFigures } from './staff-figures.js';
import { useAdminResource } from './use-admin-resource.js';

const QUICK: readonly QuickRange[] = ['thisMonth', 'lastMonth', 'last30'];

export function ReportsScreen({ query, today }: { query: URLSearchParams; today: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const fallback = defaultReportRange(today);
  const askedFrom = query.get('from') ?? '';
  const askedTo = query.get('to') ?? '';
  const valid = rangeProblem(askedFrom, askedTo) === null;
  const from = valid ? askedFrom : fallback.from;
  const to = valid ? askedTo : fallback.to;
  const [draft, setDraft] = useState({ from, to });
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    setDraft({ from, to });
    setChecked(false);
  }, [from, to]);

  const { scope } = useAdminScope();
  const city = scope.kind === 'city';
  const spread: ReportSpread = query.get('spread') === 'sum' ? 'sum' : 'halls';
  const report = useAdminResource((call) => getReport(from, to, spread, call), `report:${from}:${to}:${spread}`);
  const problem = rangeProblem(draft.from, draft.to);

  const show = (range: { from: string; to: string }, nextSpread = spread) =>
    navigate(tabHref('reports', { ...range, spread: nextSpread === 'sum' ? 'sum' : undefined }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!problem) show(draft);
  };

  const rows = report.data?.rows ?? [];
  const days = dailyTotals(rows, from, to);
  const sum = totals(rows);
  const active = activeRows(rows);

  return (
    <section className="admin-screen" aria-busy={report.loading}>
      <ScreenHead
        id="reports"
        title={t('admin.tab.reports')}
        lead={t('admin.rep.lead')}
        actions={
          <a className="button button--primary" href={reportCsvHref(from, to, spread, scope)} download={`vreserve-${from}-${to}.csv`}>
            {t('admin.rep.csv')}
          </a>
        }
      />
      <form className="admin-panel range-form" onSubmit={submit} noValidate aria-label={t('admin.rep.range')}>
        <div className="range-form__dates">
          <div className={`field${checked && (problem === 'FROM' || problem === 'ORDER') ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-from`}>
              {t('admin.rep.from')}
            </label>
            <input
              id={`${id}-from`}
              type="date"
              className="field__input"
              value={draft.from}
              onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))}
            />
          </div>
          <div className={`field${checked && problem && problem !== 'FROM' ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-to`}>
              {t('admin.rep.to')}
            </label>
            <input id={`${id}-to`} type="date" className="field__input" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
          </div>
          <button type="submit" className="button button--primary">
            {t('admin.rep.show')}
          </button>
        </div>
        {checked && problem && (
          <p className="field__error" role="alert">
            {t(`admin.rep.problem.${problem}`)}
          </p>
        )}
        {city && (
          <fieldset className="range-form__quick" data-testid="report-spread">
            <legend className="range-form__legend">{t('admin.rep.spread')}</legend>
            {(['halls', 'sum'] as const).map((s) => (
              <label key={s} className="choice-inline">
                <input type="radio" name={`${id}-spread`} value={s} checked={spread === s} onChange={() => show({ from, to }, s)} />
                {t(`admin.rep.spread.${s}`)}
              </label>
            ))}
          </fieldset>
        )}
        <fieldset className="range-form__quick">
          <legend className="visually-hidden">{t('admin.rep.quick')}</legend>
          {QUICK.map((q) => {
            const range = quickRange(q, today);
            const current = range.from === from && range.to === to;
            return (
              <button
                key={q}
                type="button"
                className={`button button--small ${current ? 'button--primary' : 'button--secondary'}`}
                aria-pressed={current}
                onClick={() => show(range)}
              >
                {t(`admin.rep.quick.${q}`)}
              </button>
            );
          })}
        </fieldset>
      </form>

      <p className="admin-range-line">
        {city && <strong>{t('admin.rep.scopeCity')} · </strong>}
        {t('admin.rep.showing', { from: isValidDate(from) ? formatLongDate(from, lang) : from, to: isValidDate(to) ? formatLongDate(to, lang) : to })}
      </p>

      {!report.data ? (
        report.error !== null ? (
          <LoadFailed error={report.error} onRetry={report.reload} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          {report.error !== null && <LoadFailed error={report.error} onRetry={report.reload} />}
          {active.length === 0 ? (
            <p className="admin-empty" data-testid="report-empty">
              {t('admin.rep.empty')}
            </p>
          ) : (
            <>
              <section className="admin-panel" aria-labelledby="report-chart">
                <h2 id="report-chart">{t('admin.rep.chart')}</h2>
                <BarChart
                  label={t('admin.rep.chart')}
                  summary={t('admin.rep.chartSummary', { booked: sum.booked, walkIns: sum.walkIns, served: sum.served })}
                  series={[t('admin.fig.booked'), t('admin.fig.walkIns'), t('admin.fig.served')]}
                  groups={days.map((d) => ({ label: formatMonthDay(d.date), values: [d.booked, d.walkIns, d.served] }))}
                />
              </section>
              <section className="admin-panel" aria-labelledby="report-table">
                <h2 id="report-table">{t('admin.rep.table')}</h2>
                <FiguresTable
                  rows={active}
                  columns={REPORT_COLUMNS}
                  withDate
                  withHall={city && spread === 'halls'}
                  caption={t('admin.rep.table')}
                  testId="report-table"
                />
                <p className="muted">{t('admin.rep.note')}</p>
              </section>
            </>
          )}
        </>
      )}
      {!city && <StaffFigures from={from} to={to} />}
    </section>
  );
}
