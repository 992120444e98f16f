// The ticket at this counter, large: the short number people hear, the full printed number,
// the service and where it stands.
import type { Ticket } from '../../contracts/kiosk.js';
import { useI18n } from '../i18n/i18n.js';
import { formatSlot } from '../i18n/format.js';

export function CurrentTicket({ ticket }: { ticket: Ticket | null }) {
  const { t } = useI18n();
  return (
    <section className={`current${ticket ? ` current--${ticket.status}` : ' current--idle'}`} aria-labelledby="current-title">
      <h2 id="current-title" className="current__label">
        {t('desk.current')}
      </h2>
      {ticket ? (
        <>
          <p className="current__number" data-testid="current-number" aria-describedby="current-full">
            {ticket.callNumber}
          </p>
          <p className="current__full mono" id="current-full">
            {ticket.number}
          </p>
          <p className="current__meta">
            <span className={`tag tag--${ticket.status}`}>{ticket.status === 'serving' ? t('desk.statusServing') : t('desk.statusCalled')}</span>
            <span>{ticket.serviceName}</span>
            <span>{ticket.kind === 'booking' ? t('desk.kindBooking', { slot: formatSlot(ticket.slotStart ?? '', ticket.slotEnd) }) : t('desk.kindWalkIn')}</span>
          </p>
          {ticket.agentRelation && (
            <p className="current__agent" data-testid="current-agent">
              <strong>{t('agent.shown', { relation: t(`agent.relation.${ticket.agentRelation}`) })}</strong> {t('agent.letter')}
            </p>
          )}
        </>
      ) : (
        <p className="current__idle">{t('desk.idle')}</p>
      )}
    </section>
  );
}
