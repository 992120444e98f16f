// One ticket as its holder's phone shows it: the number the hall calls out (once it has one), the
// 办事编号, service, hall, date and slot, and what to do now.
import { Suspense, lazy } from 'react';
import type { PublicTicketResponse } from '../../contracts/public-ticket.js';
import { formatLongDate, formatMinutes, formatShortDate, formatSlot } from '../i18n/format.js';
import { useI18n } from '../i18n/i18n.js';
import { Link } from '../ui/link.js';
import { checkInMessage } from './ticket-logic.js';
import { TicketRating } from './ticket-rating.js';

// The QR drawing code is loaded only for a booking still to be checked in (shown to the kiosk's scanner).
const TicketQr = lazy(() => import('../ui/ticket-qr.js').then((m) => ({ default: m.TicketQr })));

function NowBox({ ticket }: { ticket: PublicTicketResponse }) {
  const { t, lang } = useI18n();
  switch (ticket.state) {
    case 'booked': {
      const when = checkInMessage(ticket);
      const params = when?.key === 'ticket.checkInOpensOn' ? { ...when.params, date: formatShortDate(ticket.date, lang) } : when?.params;
      return (
        <div className="ticket-now ticket-now--booked">
          <p className="ticket-now__big">{t('ticket.waitCheckIn')}</p>
          {when && <p data-testid="check-in-opens">{t(when.key, params)}</p>}
          <p>{t('ticket.checkInHow')}</p>
        </div>
      );
    }
    case 'waiting':
      return (
        <div className="ticket-now ticket-now--waiting">
          <p className="ticket-now__big" data-testid="waiting-ahead">
            {t('ticket.ahead', { n: ticket.waitingAhead ?? 0 })}
          </p>
          <p>
            {(ticket.waitingAhead ?? 0) > 0
              ? t('ticket.wait', { time: formatMinutes(Math.max(1, ticket.estimatedWaitMinutes ?? 0), lang) })
              : t('ticket.soon')}
          </p>
          <p className="ticket-now__hint">{t('ticket.keepOpen')}</p>
        </div>
      );
    case 'called':
      return (
        <div className="ticket-now ticket-now--called">
          <p className="ticket-now__big">{t('ticket.goTo', { counter: ticket.counterNumber ?? '' })}</p>
        </div>
      );
    case 'serving':
      return (
        <div className="ticket-now">
          <p className="ticket-now__big">{t('ticket.servingAt', { counter: ticket.counterNumber ?? '' })}</p>
        </div>
      );
    case 'served':
      return <p className="ticket-now">{t('ticket.servedText')}</p>;
    case 'no_show':
      return <p className="ticket-now ticket-now--warn">{t('ticket.noShowText')}</p>;
    case 'closed':
      return <p className="ticket-now ticket-now--warn">{t('ticket.closedText')}</p>;
    case 'cancelled': {
      // 改约: the old page says where the booking went, with a link to the new one's page.
      const to = ticket.rescheduledTo;
      if (to) {
        return (
          <div className="ticket-now ticket-now--warn" data-testid="ticket-moved">
            <p>{t('ticket.rescheduledText', { number: to.number })}</p>
            {to.path && <Link href={to.path}>{t('reschedule.openNew')}</Link>}
          </div>
        );
      }
      return <p className="ticket-now ticket-now--warn">{t(ticket.cancelReason === 'hall_closed' ? 'ticket.hallClosedText' : 'ticket.cancelledText')}</p>;
    }
    case 'missed':
      return <p className="ticket-now ticket-now--warn">{t('ticket.missedText')}</p>;
  }
}

export function TicketView({ ticket, token, via = 'web' }: { ticket: PublicTicketResponse; token: string; via?: 'web' | 'message' }) {
  const { t, lang } = useI18n();
  return (
    <article className={`ticket-card ticket-card--${ticket.state}`}>
      <p className={`ticket-state ticket-state--${ticket.state}`} data-testid="ticket-state">
        {ticket.rescheduledTo && ticket.state === 'cancelled' ? t('status.rescheduled') : t(`ticket.state.${ticket.state}`)}
      </p>
      {ticket.callNumber && (
        <>
          <p className="ticket-card__label">{t('ticket.callNumber')}</p>
          <p className="ticket-card__call" data-testid="ticket-call-number">
            {ticket.callNumber}
          </p>
        </>
      )}
      <NowBox ticket={ticket} />
      <TicketRating ticket={ticket} token={token} via={via} />
      {ticket.state === 'booked' && ticket.checkIn !== 'expired' && (
        <Suspense fallback={null}>
          <div className="ticket-card__qr">
            <TicketQr token={token} label={t('ticket.qrLabel', { number: ticket.number })} size={180} />
          </div>
        </Suspense>
      )}
      <dl className="details">
        <div>
          <dt>{t('ticket.number')}</dt>
          <dd className="mono" data-testid="ticket-number">
            {ticket.number}
          </dd>
        </div>
        <div>
          <dt>{t('ticket.service')}</dt>
          <dd>{ticket.serviceName}</dd>
        </div>
        <div>
          <dt>{t('ticket.hall')}</dt>
          <dd>{ticket.hallName}</dd>
        </div>
        <div>
          <dt>{t('ticket.date')}</dt>
          <dd>{formatLongDate(ticket.date, lang)}</dd>
        </div>
        <div>
          <dt>{t('ticket.when')}</dt>
          <dd>{ticket.slotStart ? formatSlot(ticket.slotStart, ticket.slotEnd) : t('ticket.walkIn')}</dd>
        </div>
      </dl>
    </article>
  );
}
