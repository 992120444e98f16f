// /t/<token>: the live page of one booking or ticket on the citizen's phone, opened from the QR
// code of the confirmation, 我的预约 or the kiosk ticket. No sign-in and nothing personal: the
// token in the address is the permission. It asks the server every few seconds and, when the
// number is called, fills the screen with 请到 X 号窗口.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { Location } from '../nav/router.js';
import { AppHeader } from '../ui/app-header.js';
import { Link } from '../ui/link.js';
import { CallAlert, useSoundUnlock } from './call-alert.js';
import { isNewCall, tokenOfPath } from './ticket-logic.js';
import { TicketView } from './ticket-view.js';
import { useTicketPoll } from './use-ticket-poll.js';
import '../i18n/later-messages.js';
import '../styles/citizen-screens.css';

export function TicketApp({ location }: { location: Location }) {
  const { t, lang } = useI18n();
  const token = tokenOfPath(location.path);
  const poll = useTicketPoll(token, lang);
  const [alerting, setAlerting] = useState(false);
  const previous = useRef<typeof poll.ticket>(undefined);
  useSoundUnlock();

  useEffect(() => {
    const now = poll.ticket;
    if (!now) return;
    if (isNewCall(previous.current, now)) setAlerting(true);
    else if (now.state !== 'called') setAlerting(false);
    previous.current = now;
  }, [poll.ticket]);

  useEffect(() => {
    document.title = `${poll.ticket?.callNumber ?? t('ticket.title')} · ${t('app.name')}`;
  }, [poll.ticket?.callNumber, t]);

  return (
    <div className="app ticket-page">
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        {poll.notFound ? (
          <section className="page ticket-missing">
            <h1 data-testid="ticket-not-found">{t('ticket.notFound')}</h1>
            <p>{t('ticket.notFoundHint')}</p>
            <p>
              <Link className="button button--primary" href="/records">
                {t('nav.records')}
              </Link>
            </p>
          </section>
        ) : poll.ticket ? (
          <section className="page">
            <h1 className="visually-hidden">{t('ticket.title')}</h1>
            <TicketView ticket={poll.ticket} token={token} via={location.query.get('via') === 'message' ? 'message' : 'web'} />
            <p className="ticket-updated" aria-live="off">
              {poll.stale ? t('ticket.loadFailed') : t('ticket.updatedAt', { time: poll.ticket.now })}
            </p>
          </section>
        ) : (
          <p className="page">{t('common.loading')}</p>
        )}
      </main>
      {alerting && poll.ticket && <CallAlert ticket={poll.ticket} onClose={() => setAlerting(false)} />}
    </div>
  );
}
