// /w/<token>: the page of one 候补 offer, opened from the link in its text message. No sign-in: the
// token in the address is the permission. It shows what is held and until when; 确认预约 makes it a
// booking with a normal number, whose own page /t/<token> it then links to.
import { type ReactNode, useState } from 'react';
import type { Booking } from '../../contracts/bookings.js';
import { publicTicketPath } from '../../domain/public-ticket.js';
import { errorCode, errorText } from '../api/error-text.js';
import { acceptOffer, getOffer } from '../api/waitlist-endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import { formatShortDate, formatSlot } from '../i18n/format.js';
import type { Location } from '../nav/router.js';
import { Banner } from '../ui/banner.js';
import { AppHeader } from '../ui/app-header.js';
import { Link } from '../ui/link.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { useResource } from '../ui/use-resource.js';
import { offerState, offerTokenOfPath } from './offer-logic.js';
import '../i18n/later-messages.js';
import '../styles/citizen-screens.css';

export function OfferApp({ location }: { location: Location }) {
  const { t, lang } = useI18n();
  const token = offerTokenOfPath(location.path);
  const res = useResource((signal) => getOffer(token, { lang, signal }), `${token}|${lang}`);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [booking, setBooking] = useState<Booking | null>(null);

  const accept = async () => {
    setSending(true);
    setRefusal(null);
    try {
      setBooking((await acceptOffer(token, { lang })).booking);
    } catch (error) {
      setRefusal(error);
      res.reload();
    } finally {
      setSending(false);
    }
  };

  const view = res.data;
  let body: ReactNode;
  if (booking) {
    body = (
      <Banner tone="success" title={t('offer.booked')}>
        <p className="confirm-number mono" data-testid="offer-booking-number">
          {booking.number}
        </p>
        {booking.publicToken && <Link href={publicTicketPath(booking.publicToken)}>{t('offer.ticketPage')}</Link>}
      </Banner>
    );
  } else if (!view) {
    body =
      errorCode(res.error) === 'NOT_FOUND' ? (
        <Banner tone="error" title={t('offer.notFound')} />
      ) : res.error !== null ? (
        <LoadFailed error={res.error} onRetry={res.reload} />
      ) : (
        <Loading />
      );
  } else {
    const state = offerState(view);
    body = (
      <>
        <p className="lead">{t('offer.lead')}</p>
        <dl className="offer-facts">
          <dt>{view.hallName}</dt>
          <dd>{view.serviceName}</dd>
          <dt>{formatShortDate(view.date, lang)}</dt>
          <dd>{formatSlot(view.offer.slotStart, view.offer.slotEnd)}</dd>
          <dt>{t('offer.idCard')}</dt>
          <dd className="mono">{view.idCardMasked}</dd>
        </dl>
        {state === 'open' && (
          <>
            <p className="offer-deadline" data-testid="offer-deadline">
              {t('offer.until', { time: view.offer.expiresAtLocal })}
            </p>
            {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
            <button type="button" className="button button--primary button--block" disabled={sending} aria-busy={sending} onClick={() => void accept()}>
              {sending ? t('wait.accepting') : t('wait.accept')}
            </button>
          </>
        )}
        {state === 'expired' && <Banner tone="warning" title={t('offer.expired')} />}
        {state === 'gone' && <Banner tone="info" title={t('offer.gone')} />}
      </>
    );
  }

  return (
    <div className="app ticket-page">
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        <section className="page">
          <h1>{t('offer.title')}</h1>
          {body}
          <p>
            <Link href="/records">{t('nav.records')}</Link>
          </p>
        </section>
      </main>
    </div>
  );
}
