// The booking made: 办事编号 large, its QR code, what/when/who (and where, in a hall's own app),
// check-in time and what to bring.
import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { hrefOf, navigate } from '../nav/router.js';
import { formatLongDate, formatSlot } from '../i18n/format.js';
import { browserStore, findRemembered, hallNameOf, serviceNameOf } from '../person/remembered.js';
import { Banner } from '../ui/banner.js';
import { Link } from '../ui/link.js';
import { StatusBadge } from '../ui/status-badge.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';
import { CalendarButton } from './calendar-button.js';
import { QrCode } from '../ui/qr-code.js';
import { TicketQr } from '../ui/ticket-qr.js';
import { localName } from '../i18n/local-name.js';
import { hallBase } from './hall-logic.js';
import { useHallPlace } from './hall-place.js';
import '../i18n/later-messages.js';
import '../styles/citizen-screens.css';

export function ConfirmationPage({ number }: { number: string }) {
  const { t, lang } = useI18n();
  const place = useHallPlace();
  const heading = useFocusHeading<HTMLHeadingElement>(`confirm-${number}`);
  const booking = findRemembered(browserStore(), number);
  // At `/` of a city with many halls, the confirmation moves to its hall's address (the hall is shown there).
  const moveTo = !place.hall && place.many && booking?.hallCode ? booking.hallCode : null;
  useEffect(() => {
    if (moveTo) navigate(hrefOf(hallBase(moveTo), { booking: number }), { replace: true });
  }, [moveTo, number]);
  if (moveTo) return null;
  if (!booking) {
    return (
      <section className="page">
        <h1 ref={heading} tabIndex={-1}>
          {t('confirm.notFound')}
        </h1>
        <p>{t('confirm.notFoundHint')}</p>
        <p>
          <Link className="button button--primary" href="/records">
            {t('nav.records')}
          </Link>
        </p>
      </section>
    );
  }
  const service = serviceNameOf(booking, lang);
  // In a hall's own app the booking is in that hall: say where, with the address to go to.
  const hall = place.hall && (!booking.hallCode || booking.hallCode === place.hall.code) ? place.hall : null;
  const hallName = hall ? localName(hall, lang) : hallNameOf(booking, lang);
  return (
    <section className="page confirmation">
      <Banner tone="success" title={booking.rescheduledFrom ? t('reschedule.done', { from: booking.rescheduledFrom }) : t('confirm.success')} />
      <h1 ref={heading} tabIndex={-1} className="confirmation__label">
        {t('confirm.numberLabel')}
      </h1>
      <p className="confirmation__number" data-testid="booking-number">
        {booking.number}
      </p>
      {/* The QR opens the live ticket page and checks in at the kiosk; bookings kept before tokens show the number. */}
      {booking.publicToken ? (
        <TicketQr token={booking.publicToken} label={t('confirm.qrLabel', { number: booking.number })} link />
      ) : (
        <QrCode text={booking.number} label={t('confirm.qrLabel', { number: booking.number })} />
      )}
      <dl className="details">
        {place.hall && hallName && (
          <div>
            <dt>{t('confirm.hall')}</dt>
            <dd data-testid="booking-hall">{hallName}</dd>
          </div>
        )}
        {hall?.address && (
          <div>
            <dt>{t('confirm.address')}</dt>
            <dd>{hall.address}</dd>
          </div>
        )}
        <div>
          <dt>{t('confirm.service')}</dt>
          <dd>{service}</dd>
        </div>
        <div>
          <dt>{t('confirm.date')}</dt>
          <dd>{formatLongDate(booking.date, lang)}</dd>
        </div>
        <div>
          <dt>{t('confirm.time')}</dt>
          <dd>{formatSlot(booking.slotStart, booking.slotEnd)}</dd>
        </div>
        <div>
          <dt>{t('confirm.idCard')}</dt>
          <dd className="mono">{booking.idCardMasked}</dd>
        </div>
        <div>
          <dt>{t('confirm.phone')}</dt>
          <dd className="mono">{booking.phoneMasked}</dd>
        </div>
        <div>
          <dt>{t('confirm.status')}</dt>
          <dd>
            <StatusBadge status={booking.status} />
          </dd>
        </div>
      </dl>
      {booking.notify !== undefined && (
        <p className="confirmation__sms" data-testid="booking-sms">
          {booking.notify ? t('sms.confirmOn', { phone: booking.phoneMasked }) : t('sms.confirmOff')}
        </p>
      )}
      <section className="notice" aria-labelledby="checkin-title">
        <h2 id="checkin-title" className="section-title">
          {t('confirm.checkInTitle')}
        </h2>
        <p>{t('confirm.checkInWhen', { date: formatLongDate(booking.date, lang), opensAt: booking.checkInOpensAt, end: booking.slotEnd })}</p>
        <h2 className="section-title">{t('confirm.bringTitle')}</h2>
        <ul>
          <li>{t('confirm.bringId')}</li>
          <li>{t('confirm.bringMaterials')}</li>
          <li>{t('confirm.bringNumber')}</li>
        </ul>
      </section>
      <div className="actions">
        <CalendarButton booking={booking} hall={hall} />
        {booking.status === 'booked' && (booking.reschedulesLeft ?? 0) > 0 && (
          <Link
            className="button button--secondary"
            href={hrefOf(place.base, { service: booking.serviceId, date: booking.date, reschedule: booking.number })}
            data-testid="confirm-reschedule"
          >
            {t('reschedule.action')}
          </Link>
        )}
        <Link className="button button--secondary" href="/records">
          {t('nav.records')}
        </Link>
        <Link className="button button--secondary" href={place.base}>
          {t('confirm.bookAnother')}
        </Link>
      </div>
    </section>
  );
}
