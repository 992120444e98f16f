// 我的预约: bookings made on this device at once (from local storage, masked), the live list
// after ID + phone (kept in memory only), refresh by button, pull-down and on focus, cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Booking, PersonCredentials } from '../../contracts/bookings.js';
import { lookupBookings } from '../api/endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { AppShell } from '../ui/app-shell.js';
import { Banner } from '../ui/banner.js';
import { hallToday } from '../ui/hall-today.js';
import { Loading } from '../ui/loading.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';
import { BookingCard } from './booking-card.js';
import { CancelDialog } from './cancel-dialog.js';
import { LookupForm } from './lookup-form.js';
import { type RememberedBooking, applyStatuses, browserStore, loadRemembered } from './remembered.js';
import { sessionCredentials, setSessionCredentials } from './session.js';
import { usePullToRefresh } from './use-pull-to-refresh.js';

function timeOf(d: Date): string {
  return d.toTimeString().slice(0, 8);
}

export function RecordsPage() {
  const { t, lang } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>('records');
  const [credentials, setCredentials] = useState<PersonCredentials | null>(sessionCredentials);
  const [remembered, setRemembered] = useState<RememberedBooking[]>(() => loadRemembered(browserStore()));
  const [live, setLive] = useState<{ bookings: Booking[]; at: Date } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sequence = useRef(0);
  const page = useRef<HTMLElement>(null);

  const refresh = useCallback(async () => {
    const store = browserStore();
    if (!credentials) {
      setRemembered(loadRemembered(store));
      return;
    }
    const mine = ++sequence.current;
    setLoading(true);
    try {
      const answer = await lookupBookings(credentials, { lang });
      if (mine !== sequence.current) return;
      const at = new Date();
      setLive({ bookings: answer.bookings, at });
      setRemembered(applyStatuses(store, answer.bookings, at));
      setError(null);
    } catch (e) {
      if (mine === sequence.current) setError(e);
    } finally {
      if (mine === sequence.current) setLoading(false);
    }
  }, [credentials, lang]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    const onFocus = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [refresh]);

  const pull = usePullToRefresh(page, () => void refresh());

  const switchCredentials = (c: PersonCredentials | null) => {
    setSessionCredentials(c);
    setCredentials(c);
    setLive(null);
    setError(null);
    setNotice(null);
  };

  const liveNumbers = new Set(live?.bookings.map((b) => b.number));
  const others = remembered.filter((r) => !liveNumbers.has(r.number));
  const pullText = pull.phase === 'armed' ? t('records.pullRelease') : t('records.pullHint');

  return (
    <AppShell section="/records">
      <section ref={page} className="page records" aria-busy={loading}>
        <div className="pull" style={{ height: pull.offset }} aria-hidden={pull.phase === 'idle'}>
          {pull.phase !== 'idle' && <span>{pullText}</span>}
        </div>
        <div className="records__head">
          <h1 ref={heading} tabIndex={-1}>
            {t('records.title')}
          </h1>
          {credentials && (
            <button type="button" className="button button--secondary" onClick={() => void refresh()} disabled={loading}>
              {loading ? t('records.refreshing') : t('records.refresh')}
            </button>
          )}
        </div>
        <p className="lead">{t('records.lead')}</p>
        {notice && <Banner tone="success" title={notice} />}
        {error !== null && <Banner tone="error" title={t('records.refreshFailed')}>{errorText(error, lang)}</Banner>}

        {credentials && (
          <section aria-labelledby="live-title">
            <div className="records__who">
              <h2 id="live-title" className="section-title">
                {t('records.liveTitle')}
              </h2>
              <button type="button" className="link-button" onClick={() => switchCredentials(null)}>
                {t('records.switchPerson')}
              </button>
            </div>
            {live === null && loading && <Loading />}
            {live && (
              <>
                <p className="muted" aria-live="polite">
                  {t('records.updatedAt', { time: timeOf(live.at) })}
                </p>
                {live.bookings.length === 0 ? (
                  <p>{t('records.none')}</p>
                ) : (
                  <ul className="cards">
                    {live.bookings.map((b) => (
                      <BookingCard key={b.number} booking={b} onCancel={() => setCancelling(b)} />
                    ))}
                  </ul>
                )}
              </>
            )}
          </section>
        )}

        {others.length > 0 && (
          <section aria-labelledby="device-title">
            <h2 id="device-title" className="section-title">
              {credentials ? t('records.deviceOthers') : t('records.deviceTitle')}
            </h2>
            <p className="muted">{t('records.deviceHint')}</p>
            <ul className="cards">
              {others.map((r) => (
                <BookingCard key={r.number} booking={{ ...r, serviceName: lang === 'zh' ? r.serviceNameZh : r.serviceNameEn }} />
              ))}
            </ul>
          </section>
        )}
        {!credentials && <LookupForm today={hallToday()} busy={loading} onSubmit={switchCredentials} />}
      </section>
      {credentials && (
        <CancelDialog
          booking={cancelling}
          credentials={credentials}
          onClose={() => setCancelling(null)}
          onCancelled={(number) => {
            setCancelling(null);
            setNotice(t('records.cancelled', { number }));
            void refresh();
          }}
        />
      )}
    </AppShell>
  );
}
