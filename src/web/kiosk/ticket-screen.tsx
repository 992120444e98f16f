// The ticket: number very large, service, people waiting ahead; print on the 80 mm printer.
// Returns to the start screen after the idle time (counted by the kiosk).
import type { Ticket } from '../../contracts/kiosk.js';
import { useI18n } from '../i18n/i18n.js';
import { formatLongDate, formatMinutes, formatSlot } from '../i18n/format.js';
import { PriorityBadge } from '../ui/priority-badge.js';
import { TicketQr } from '../ui/ticket-qr.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';

function TicketLines({ ticket }: { ticket: Ticket }) {
  const { t, lang } = useI18n();
  return (
    <>
      <p className="ticket__service">{ticket.serviceName}</p>
      {ticket.priority && (
        <p className="ticket__priority" data-testid="ticket-priority">
          <PriorityBadge group={ticket.priority} />
        </p>
      )}
      <p className="ticket__kind">
        {ticket.kind === 'booking' ? t('kiosk.ticketBooking', { slot: formatSlot(ticket.slotStart ?? '', ticket.slotEnd) }) : t('kiosk.ticketWalkIn')}
      </p>
      <p className="ticket__queue">
        <span className="ticket__ahead">{t('kiosk.waitingAhead', { n: ticket.waitingAhead })}</span>
        <span className="ticket__wait">
          {ticket.waitingAhead > 0
            ? t('kiosk.estimatedWait', { time: formatMinutes(Math.max(1, ticket.estimatedWaitMinutes), lang) })
            : t('kiosk.estimatedSoon')}
        </span>
      </p>
      <p className="ticket__date">{formatLongDate(ticket.date, lang)}</p>
    </>
  );
}

/** The QR of the ticket's page: the phone follows the queue and is told when it is called. */
function PageQr({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  if (!ticket.publicToken) return null;
  return (
    <div className="ticket__qr">
      <TicketQr token={ticket.publicToken} label={t('ticket.qrLabel', { number: ticket.callNumber })} size={160} />
      <p className="ticket__qr-hint">{t('kiosk.ticketQr')}</p>
    </div>
  );
}

export function TicketScreen({ tickets, reprint, secondsLeft, onDone }: { tickets: Ticket[]; reprint: boolean; secondsLeft: number; onDone: () => void }) {
  const { t } = useI18n();
  const heading = useFocusHeading<HTMLHeadingElement>('tickets');
  return (
    <section className="kiosk-tickets">
      <h1 ref={heading} tabIndex={-1} className="kiosk-title" data-speak="title">
        {reprint ? t('kiosk.ticketReprint') : t('kiosk.ticketTitle')}
      </h1>
      <ul className="tickets">
        {tickets.map((ticket) => (
          <li key={ticket.number} className="ticket">
            <p className="ticket__label">{t('kiosk.ticketNumber')}</p>
            {/* The number the hall calls out, largest; the 办事编号 smaller, for the record. */}
            <p className="ticket__number" data-testid="call-number" data-speak="number">
              {ticket.callNumber}
            </p>
            <p className="ticket__record">
              {t('kiosk.recordNumber')} <span className="mono" data-testid="ticket-number">{ticket.number}</span>
            </p>
            <TicketLines ticket={ticket} />
            <PageQr ticket={ticket} />
          </li>
        ))}
      </ul>
      <p className="kiosk-lead" data-speak="lead">{t('kiosk.ticketHelp')}</p>
      <div className="kiosk-actions">
        <button type="button" className="kiosk-button kiosk-button--primary" onClick={() => window.print()}>
          {t('kiosk.print')}
        </button>
        <button type="button" className="kiosk-button" onClick={onDone}>
          {t('kiosk.done')}
        </button>
      </div>
      <p className="kiosk-countdown" aria-live="off">
        {t('kiosk.backIn', { n: secondsLeft })}
      </p>
      <div className="print-only">
        {tickets.map((ticket) => (
          <article key={ticket.number} className="print-ticket">
            <p className="print-ticket__hall">{t('kiosk.hall')}</p>
            <p className="print-ticket__label">{t('kiosk.ticketNumber')}</p>
            <p className="print-ticket__number">{ticket.number}</p>
            <TicketLines ticket={ticket} />
            <PageQr ticket={ticket} />
            <p className="print-ticket__foot">{t('kiosk.printFoot')}</p>
          </article>
        ))}
      </div>
    </section>
  );
}
