// 节假日: the hall's closed days and make-up working days, month by month (?month=2026-12), the
// chosen day's panel, the month's list of exceptions, and the bulk import.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { formatShortDate } from '../i18n/format.js';
import { navigate } from '../nav/router.js';
import { Banner } from '../ui/banner.js';
import { Link } from '../ui/link.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { getCalendar } from './admin-endpoints.js';
import { tabHref } from './admin-tabs.js';
import { type Month, addMonths, byDate, isMonth, monthGrid, monthOf } from './calendar-logic.js';
import { CalendarImport } from './calendar-import.js';
import { DayPanel } from './day-panel.js';
import { MonthGrid } from './month-grid.js';
import { ScreenHead } from './screen-head.js';
import { useAdminResource } from './use-admin-resource.js';
import { useAdminScope } from './admin-scope-context.js';
import { hallName } from './hall-names.js';

function monthLabel(month: Month, lang: 'zh' | 'en'): string {
  const [y, m] = month.split('-');
  return lang === 'zh' ? `${y}年${Number(m)}月` : `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]} ${y}`;
}

export function CalendarScreen({ query, today }: { query: URLSearchParams; today: string }) {
  const { t, lang } = useI18n();
  const asked = query.get('month');
  const month = isMonth(asked) ? asked : monthOf(today);
  const weeks = monthGrid(month);
  const first = weeks[0]?.[0]?.date ?? `${month}-01`;
  const last = weeks.at(-1)?.[6]?.date ?? `${month}-28`;
  const { role, scope, halls } = useAdminScope();
  const scopedHall = scope.kind === 'hall' ? halls.find((h) => h.code === scope.code) : undefined;
  // One hall alone reads as before; with many, whose calendar this is: the city's, or a hall's own exceptions.
  const many = role === 'admin' || halls.length > 1;
  let calendarLead = t('admin.cal.lead');
  if (many && scope.kind === 'city') calendarLead = t('admin.cal.leadCity');
  else if (many && scopedHall) calendarLead = t('admin.cal.leadHall', { name: hallName(scopedHall, lang) });
  const calendar = useAdminResource((call) => getCalendar(first, last, call), `calendar:${first}:${last}`);
  const [selected, setSelected] = useState(() => (monthOf(today) === month ? today : `${month}-01`));
  const [flash, setFlash] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  // Another month was opened (a link, back/forward): choose a day in it.
  useEffect(() => {
    setSelected((s) => (monthOf(s) === month ? s : monthOf(today) === month ? today : `${month}-01`));
  }, [month, today]);

  const select = (date: string) => {
    setSelected(date);
    if (monthOf(date) !== month) navigate(tabHref('calendar', { month: monthOf(date) }), { replace: true });
  };
  const done = (message: string) => {
    setFlash(message);
    setImporting(false);
    calendar.reload();
  };

  const days = byDate(calendar.data?.days ?? []);
  const bookings = new Map((calendar.data?.bookings ?? []).map((b) => [b.date, b.count]));
  const inMonth = (calendar.data?.days ?? []).filter((d) => monthOf(d.date) === month);
  const exception = days.get(selected);

  return (
    <section className="admin-screen" aria-busy={calendar.loading}>
      <ScreenHead
        id="calendar"
        title={t('admin.tab.calendar')}
        lead={calendarLead}
        actions={
          <button type="button" className="button button--secondary" aria-expanded={importing} onClick={() => setImporting((v) => !v)}>
            {t('admin.imp.open')}
          </button>
        }
      />
      <div aria-live="polite">{flash && <Banner tone="success" title={flash} />}</div>
      {importing && <CalendarImport today={today} onDone={done} onClose={() => setImporting(false)} />}

      <div className="calendar-layout">
        <div className="admin-panel">
          <div className="month-nav">
            <Link
              className="button button--secondary button--small"
              href={tabHref('calendar', { month: addMonths(month, -1) })}
              aria-label={t('admin.cal.prevLabel')}
            >
              ‹ {monthLabel(addMonths(month, -1), lang)}
            </Link>
            <h2 className="month-nav__title" aria-live="polite">
              {monthLabel(month, lang)}
            </h2>
            <Link
              className="button button--secondary button--small"
              href={tabHref('calendar', { month: addMonths(month, 1) })}
              aria-label={t('admin.cal.nextLabel')}
            >
              {monthLabel(addMonths(month, 1), lang)} ›
            </Link>
            {monthOf(today) !== month && (
              <Link className="link-button" href={tabHref('calendar')}>
                {t('admin.cal.thisMonth')}
              </Link>
            )}
          </div>
          {calendar.error !== null && <LoadFailed error={calendar.error} onRetry={calendar.reload} />}
          {!calendar.data && calendar.error === null ? (
            <Loading />
          ) : (
            <MonthGrid month={month} days={days} bookings={bookings} today={today} selected={selected} onSelect={select} />
          )}
          <ul className="legend" aria-label={t('admin.cal.legend')}>
            <li>
              <span className="legend__swatch month-grid__day--closed" aria-hidden="true" />
              {t('admin.cal.kind.closed')}
            </li>
            <li>
              <span className="legend__swatch month-grid__day--open" aria-hidden="true" />
              {t('admin.cal.kind.open')}
            </li>
            <li>
              <span className="legend__swatch month-grid__day--weekend" aria-hidden="true" />
              {t('admin.cal.weekend')}
            </li>
          </ul>
          <p className="muted">{t('admin.cal.keysHint')}</p>
        </div>

        <div className="calendar-side">
          {calendar.data && (
            <DayPanel
              key={`${selected}:${exception?.kind ?? ''}:${exception?.note ?? ''}`}
              date={selected}
              exception={exception}
              bookings={bookings.get(selected) ?? 0}
              today={today}
              onDone={done}
            />
          )}
          <section className="admin-panel" aria-labelledby="month-list">
            <h2 id="month-list">{t('admin.cal.monthList', { month: monthLabel(month, lang) })}</h2>
            {inMonth.length === 0 ? (
              <p className="admin-empty">{t('admin.cal.noneThisMonth')}</p>
            ) : (
              <ul className="exception-list" data-testid="month-exceptions">
                {inMonth.map((d) => (
                  <li key={d.date}>
                    <button type="button" className="link-button" onClick={() => select(d.date)}>
                      {formatShortDate(d.date, lang)}
                    </button>
                    <span className={`admin-tag admin-tag--${d.kind}`}>{t(`admin.cal.kind.${d.kind}`)}</span>
                    <span>{d.note}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
