// 报表 → 人员与窗口: per staff member the numbers called, 办结, 过号 and service times; per counter
// the 办结 and the time paused by reason. One hall at a time.
import type { StaffReportResponse } from '../../contracts/admin.js';
import { PAUSE_REASONS } from '../../domain/counter-state.js';
import { counterLabel } from '../hall/counter-label.js';
import { useI18n } from '../i18n/i18n.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { getStaffReport, staffReportCsvHref } from './admin-endpoints.js';
import { useAdminScope } from './admin-scope-context.js';
import { useAdminResource } from './use-admin-resource.js';

const minutes = (m: number | null) => (m === null ? '—' : String(m));

export function StaffFigures({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const { scope } = useAdminScope();
  const report = useAdminResource((call) => getStaffReport(from, to, call), `staff-report:${from}:${to}`);
  return (
    <section className="admin-panel" aria-labelledby="staff-figures">
      <div className="admin-panel__head">
        <h2 id="staff-figures">{t('admin.rep.staffTitle')}</h2>
        <a className="button button--secondary button--small" href={staffReportCsvHref(from, to, scope)} download={`vreserve-staff-${from}-${to}.csv`}>
          {t('admin.rep.staffCsv')}
        </a>
      </div>
      {!report.data ? (
        report.error !== null ? (
          <LoadFailed error={report.error} onRetry={report.reload} />
        ) : (
          <Loading />
        )
      ) : (
        <StaffTables data={report.data} />
      )}
    </section>
  );
}

/** 1 号窗口, or 1 号窗口 · 综合窗口 when the counter has a name of its own. */
function counterTitle(c: { number: number; name: string }, lang: 'zh' | 'en'): string {
  const { main, name } = counterLabel({ counterNumber: c.number, counterName: c.name }, lang);
  return name ? `${main} · ${name}` : main;
}

function StaffTables({ data }: { data: StaffReportResponse }) {
  const { t, lang } = useI18n();
  return (
    <>
      {data.staff.length === 0 ? (
        <p className="admin-empty">{t('admin.rep.staffNone')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="staff-table">
            <caption className="visually-hidden">{t('admin.rep.staffTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.rep.staffName')}</th>
                <th scope="col">{t('admin.rep.staffCalled')}</th>
                <th scope="col">{t('admin.rep.staffServed')}</th>
                <th scope="col">{t('admin.rep.staffNoShow')}</th>
                <th scope="col">{t('admin.rep.staffAverage')}</th>
                <th scope="col">{t('admin.rep.staffP90')}</th>
              </tr>
            </thead>
            <tbody>
              {data.staff.map((s) => (
                <tr key={s.username}>
                  <th scope="row">
                    {s.displayName || s.username} <span className="muted">{s.username}</span>
                  </th>
                  <td>{s.called}</td>
                  <td>{s.served}</td>
                  <td>{s.noShow}</td>
                  <td>{minutes(s.averageServiceMinutes)}</td>
                  <td>{minutes(s.p90ServiceMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="counter-pause-table">
          <caption>{t('admin.rep.countersTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.rep.counter')}</th>
              <th scope="col">{t('admin.rep.counterState')}</th>
              <th scope="col">{t('admin.rep.staffServed')}</th>
              <th scope="col">{t('admin.rep.pausedMinutes')}</th>
              {PAUSE_REASONS.map((r) => (
                <th scope="col" key={r}>
                  {t(`pause.${r}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.counters.map((c) => (
              <tr key={c.number}>
                <th scope="row">{counterTitle(c, lang)}</th>
                <td>{t(`display.counter${c.state === 'open' ? 'Open' : c.state === 'paused' ? 'Paused' : 'Closed'}`)}</td>
                <td>{c.served}</td>
                <td>{c.pausedMinutes}</td>
                {PAUSE_REASONS.map((r) => (
                  <td key={r}>{c.pausedByReason[r]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
