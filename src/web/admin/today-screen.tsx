// 今日: the day's figures per service, the hall's totals and a chart by hour, reloaded on every
// event of the hall the console works in (a booking, a check-in, a call …).
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { formatLongDate } from '../i18n/format.js';
import { LiveBadge } from '../ui/live-badge.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { Link } from '../ui/link.js';
import { getToday } from './admin-endpoints.js';
import { tabHref } from './admin-tabs.js';
import { BackupPanel } from './backup-panel.js';
import { BarChart } from './bar-chart.js';
import { TODAY_COLUMNS, formatAverage, hourSeries, totals } from './figures-logic.js';
import { FiguresTable } from './figures-table.js';
import { ScreenHead } from './screen-head.js';
import { useAdminResource } from './use-admin-resource.js';
import { useAdminScope } from './admin-scope-context.js';
import { useHallLiveReload } from './use-hall-live.js';

const TILES = ['booked', 'checkedIn', 'walkIns', 'waiting', 'waitingOverMaxWait', 'served', 'noShow'] as const;

/** Waits grow without events: read again now and then, so 超时等候中 follows the clock. */
const WAIT_REFRESH_MS = 30_000;

export function TodayScreen() {
  const { t, lang } = useI18n();
  const today = useAdminResource((call) => getToday(call), 'today');
  const { scope } = useAdminScope();
  const live = useHallLiveReload(scope, today.reload);
  useEffect(() => {
    const timer = window.setInterval(today.reload, WAIT_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [today.reload]);
  const data = today.data;

  let body = null;
  if (!data) {
    body = today.error !== null ? <LoadFailed error={today.error} onRetry={today.reload} /> : <Loading />;
  } else {
    const sum = totals(data.services);
    const hours = hourSeries(data.byHour);
    const queuedTotal = hours.reduce((n, h) => n + h.queued, 0);
    const servedTotal = hours.reduce((n, h) => n + h.served, 0);
    body = (
      <>
        {today.error !== null && <LoadFailed error={today.error} onRetry={today.reload} />}
        <dl className="kpis" data-testid="today-totals">
          {TILES.map((key) => (
            <div key={key} className={`kpi kpi--${key}`}>
              <dt>{t(`admin.fig.${key}`)}</dt>
              <dd data-kpi={key}>{sum[key]}</dd>
            </div>
          ))}
          <div className="kpi kpi--released">
            <dt>{t('admin.today.released')}</dt>
            <dd data-kpi="released">{data.services.reduce((n, r) => n + (r.released ?? 0), 0)}</dd>
          </div>
          <div className="kpi">
            <dt>{t('admin.fig.averageWaitMinutes')}</dt>
            <dd>{formatAverage(sum.averageWaitMinutes)}</dd>
          </div>
          <div className="kpi">
            <dt>{t('admin.fig.averageServiceMinutes')}</dt>
            <dd>{formatAverage(sum.averageServiceMinutes)}</dd>
          </div>
        </dl>
        <section className="admin-panel" aria-labelledby="today-chart">
          <h2 id="today-chart">{t('admin.today.byHour')}</h2>
          <BarChart
            label={t('admin.today.byHour')}
            summary={t('admin.today.chartSummary', { queued: queuedTotal, served: servedTotal })}
            series={[t('admin.today.queued'), t('admin.today.served')]}
            groups={hours.map((h) => ({ label: `${h.hour}:00`, values: [h.queued, h.served] }))}
          />
        </section>
        <section className="admin-panel" aria-labelledby="today-services">
          <h2 id="today-services">{t('admin.today.perService')}</h2>
          {data.services.length === 0 ? (
            <p className="admin-empty">
              {t('admin.today.noServices')} <Link href={tabHref('services')}>{t('admin.today.setUp')}</Link>
            </p>
          ) : (
            <FiguresTable rows={data.services} columns={TODAY_COLUMNS} withDate={false} caption={t('admin.today.perService')} testId="today-table" />
          )}
          <p className="muted">{t('admin.today.averagesNote')}</p>
        </section>
        <BackupPanel />
      </>
    );
  }

  return (
    <section className="admin-screen" aria-busy={today.loading}>
      <ScreenHead
        id="today"
        title={t('admin.tab.today')}
        lead={data ? t('admin.today.asOf', { date: formatLongDate(data.date, lang), time: data.now }) : undefined}
        actions={<LiveBadge status={live} showLive />}
      />
      {body}
    </section>
  );
}
