// 我的预约: bookings made on this device at once (from local storage, masked), the live list
// after ID + phone (kept in memory only), refresh by button, pull-down and on focus, cancel.
// The device's list is refreshed too: each remembered booking carries its status token, and the
// server answers the statuses of those numbers alone (POST /api/v1/bookings/statuses) — the ID
// card and phone are never kept on the device, and the answer holds nothing personal, so a
// booking cancelled on another phone shows 已取消 here without asking anyone to type anything.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Booking, PersonCredentials } from '../../contracts/bookings.js';
import { getBookingStatuses, lookupBookings } from '../api/endpoints.js';
import { getHalls } from '../api/hall-endpoints.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { AppShell } from '../ui/app-shell.js';
import { Banner } from '../ui/banner.js';
import { hallClockTime, hallToday, useHallZone } from '../hall/hall-zone.js';
import { Loading } from '../ui/loading.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';
import { BookingCard } from './booking-card.js';
import { CancelDialog } from './cancel-dialog.js';
import { ForgetContactsDialog } from './forget-contacts-dialog.js';
import { overCount } from './forget-logic.js';
import { LookupForm } from './lookup-form.js';
import { MessagesSwitch } from './messages-switch.js';
import { type RememberedBooking, applyStatuses, browserStore, hallNameOf, loadRemembered, serviceNameOf, statusQuery } from '../person/remembered.js';
import { useResource } from '../ui/use-resource.js';
import { hrefOf, navigate } from '../nav/router.js';
import { sessionCredentials, setSessionCredentials } from '../person/session.js';
import { usePullToRefresh } from './use-pull-to-refresh.js';
import { WaitlistSection } from './waitlist-section.js';
import '../i18n/later-messages.js';
import '../styles/citizen-screens.css';

export function RecordsPage() {
  const { t, lang } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>('records');
  const [credentials, setCredentials] = useState<PersonCredentials | null>(sessionCredentials);
  const [remembered, setRemembered] = useState<RememberedBooking[]>(() => loadRemembered(browserStore()));
  const [live, setLive] = useState<{ bookings: Booking[]; at: Date } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  // The number only: the banner is worded at render time, in the language of the moment.
  const [cancelledNumber, setCancelledNumber] = useState<string | null>(null);
  const [forgetting, setForgetting] = useState(false);
  // How many bookings' phone numbers were just erased (null: none asked).
  const [forgotten, setForgotten] = useState<number | null>(null);
  // The person typed the numbers just now (the form stays until the answer, and comes back if it is empty).
  const [fromForm, setFromForm] = useState(false);
  // 候补 entries of the person: with some, no bookings is not "nothing found".
  const [entries, setEntries] = useState(0);
  const zone = useHallZone();
  // Each booking says its hall when the city has many (a one-hall deployment looks as it always did).
  const halls = useResource((signal) => getHalls({ lang: 'zh', signal }), 'halls');
  const sequence = useRef(0);
  const page = useRef<HTMLElement>(null);

  const refreshRemembered = useCallback(async () => {
    const store = browserStore();
    const query = statusQuery(loadRemembered(store));
    setRemembered(loadRemembered(store));
    if (query.length === 0) return;
    try {
      const answer = await getBookingStatuses(query, { lang: 'zh' });
      setRemembered(applyStatuses(store, answer.bookings, new Date()));
    } catch {
      // Offline or refused: the list keeps the statuses last seen (it says so).
    }
  }, []);

  const refresh = useCallback(async () => {
    const store = browserStore();
    void refreshRemembered();
    if (!credentials) return;
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
  }, [credentials, lang, refreshRemembered]);

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

  const switchCredentials = (c: PersonCredentials | null, typed = false) => {
    setSessionCredentials(c);
    setCredentials(c);
    setFromForm(typed);
    setLive(null);
    setError(null);
    setCancelledNumber(null);
    setForgotten(null);
    setEntries(0);
  };

  const notFound = live !== null && live.bookings.length === 0 && entries === 0;
  const showForm = !credentials || notFound || (fromForm && live === null);
  const liveNumbers = new Set(live?.bookings.map((b) => b.number));
  const others = remembered.filter((r) => !liveNumbers.has(r.number));
  const showHall =
    (halls.data?.halls.length ?? 0) > 1 || new Set([...(live?.bookings ?? []), ...remembered].flatMap((b) => (b.hallCode ? [b.hallCode] : []))).size > 1;
  const past = live ? overCount(live.bookings, hallToday(zone)) : 0;
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
        {cancelledNumber && <Banner tone="success" title={t('records.cancelled', { number: cancelledNumber })} />}
        {forgotten !== null && <Banner tone="success" title={t('records.forgotten', { count: forgotten })} />}
        {error !== null && <Banner tone="error" title={t('records.refreshFailed')}>{errorText(error, lang)}</Banner>}

        {credentials && !showForm && (
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
                  {t('records.updatedAt', { time: hallClockTime(live.at, zone) })}
                </p>
                {live.bookings.length === 0 ? (
                  <p>{t('records.none')}</p>
                ) : (
                  <ul className="cards">
                    {live.bookings.map((b) => (
                      <BookingCard
                        key={b.number}
                        booking={b}
                        showHall={showHall}
                        onCancel={() => setCancelling(b)}
                        onReschedule={() => navigate(hrefOf('/', { service: b.serviceId, date: b.date, reschedule: b.number }))}
                        messages={<MessagesSwitch booking={b} credentials={credentials} />}
                      />
                    ))}
                  </ul>
                )}
                {past > 0 && (
                  <div className="records__forget">
                    <button type="button" className="button button--secondary" onClick={() => setForgetting(true)} disabled={loading}>
                      {t('records.forgetButton', { count: past })}
                    </button>
                    <p className="muted">{t('records.forgetHint')}</p>
                  </div>
                )}
              </>
            )}
          </section>
        )}

        {credentials && <WaitlistSection credentials={credentials} version={live?.at} onBooked={() => void refresh()} onCount={setEntries} />}

        {others.length > 0 && (
          <section aria-labelledby="device-title">
            <h2 id="device-title" className="section-title">
              {credentials ? t('records.deviceOthers') : t('records.deviceTitle')}
            </h2>
            <p className="muted">{t('records.deviceHint')}</p>
            <ul className="cards">
              {others.map((r) => (
                <BookingCard key={r.number} booking={{ ...r, serviceName: serviceNameOf(r, lang), hallName: hallNameOf(r, lang) }} showHall={showHall} />
              ))}
            </ul>
          </section>
        )}
        {showForm && (
          <LookupForm
            today={hallToday(zone)}
            busy={loading}
            initial={credentials}
            notFound={notFound}
            onSubmit={(c) => switchCredentials(c, true)}
          />
        )}
      </section>
      {credentials && (
        <CancelDialog
          booking={cancelling}
          credentials={credentials}
          verifyPhone={halls.data?.verifyPhone ?? false}
          onClose={() => setCancelling(null)}
          onCancelled={(number) => {
            setCancelling(null);
            setCancelledNumber(number);
            void refresh();
          }}
        />
      )}
      {credentials && (
        <ForgetContactsDialog
          open={forgetting}
          credentials={credentials}
          past={past}
          verifyPhone={halls.data?.verifyPhone ?? false}
          onClose={() => setForgetting(false)}
          onDone={(result) => {
            setForgetting(false);
            setCancelledNumber(null);
            setForgotten(result.erased);
            void refresh();
          }}
        />
      )}
    </AppShell>
  );
}
