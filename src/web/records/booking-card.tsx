import type { ReactNode } from 'react';
import type { BookingStatus } from '../../domain/booking-rules.js';
import { useI18n } from '../i18n/i18n.js';
import { formatShortDate, formatSlot } from '../i18n/format.js';
import { publicTicketPath } from '../../domain/public-ticket.js';
import { Link } from '../ui/link.js';
import { StatusBadge } from '../ui/status-badge.js';
import { TicketQr } from '../ui/ticket-qr.js';

export interface CardBooking {
  number: string;
  serviceName: string;
  date: string;
  slotStart: string;
  slotEnd: string;
  status: BookingStatus;
  idCardMasked: string;
  checkInOpensAt: string;
  /** Why a cancelled booking was cancelled: by the citizen, or because the hall closed that day. */
  cancelReason?: string;
  /** The number the hall calls out, once checked in. */
  callNumber?: string;
  /** Where the booking is, shown when the city has many halls ('' when not known). */
  hallName?: string;
  /** Its page /t/<token>, shown as a QR code while it can still be used. */
  publicToken?: string;
  /** 改约: the booking it was moved to / from, and the moves still allowed. */
  rescheduledTo?: string;
  rescheduledFrom?: string;
  reschedulesLeft?: number;
}

// `messages`: the 短信提醒 switch, on the cards of a look-up.
// `onReschedule`: 改约 (a look-up's cards, while the booking may still move).
export function BookingCard(props: {
  booking: CardBooking;
  showHall: boolean;
  onCancel?: () => void;
  onReschedule?: () => void;
  messages?: ReactNode;
}) {
  const { booking, showHall, onCancel, onReschedule, messages } = props;
  const moved = booking.status === 'cancelled' && booking.cancelReason === 'rescheduled';
  const { t, lang } = useI18n();
  return (
    <li className={`card card--${booking.status}`}>
      <div className="card__head">
        <span className="card__service">{booking.serviceName}</span>
        <StatusBadge status={booking.status} moved={moved} />
      </div>
      {booking.callNumber && booking.status === 'checked_in' && (
        <p className="card__call">
          {t('records.callNumber')} <strong className="mono" data-testid="card-call-number">{booking.callNumber}</strong>
        </p>
      )}
      {showHall && booking.hallName && (
        <p className="card__hall">
          <span className="visually-hidden">{t('records.hall')} </span>
          {booking.hallName}
        </p>
      )}
      <p className="card__number mono">{booking.number}</p>
      <p className="card__when">
        {formatShortDate(booking.date, lang)} {formatSlot(booking.slotStart, booking.slotEnd)}
      </p>
      <p className="card__meta">
        {t('confirm.idCard')} <span className="mono">{booking.idCardMasked}</span>
      </p>
      {booking.status === 'booked' && <p className="card__meta">{t('records.checkInFrom', { opensAt: booking.checkInOpensAt })}</p>}
      {booking.publicToken && (booking.status === 'booked' || booking.status === 'checked_in') && (
        <div className="card__qr">
          <TicketQr token={booking.publicToken} label={t('ticket.qrLabel', { number: booking.number })} size={96} />
          <Link href={publicTicketPath(booking.publicToken)}>{t('ticket.openPage')}</Link>
        </div>
      )}
      {booking.status === 'cancelled' && booking.cancelReason === 'hall_closed' && (
        <p className="card__meta card__meta--notice">{t('records.hallClosed')}</p>
      )}
      {moved && booking.rescheduledTo && (
        <p className="card__meta card__meta--notice" data-testid="card-moved-to">
          {t('reschedule.movedTo', { number: booking.rescheduledTo })}
        </p>
      )}
      {booking.rescheduledFrom && booking.status !== 'cancelled' && (
        <p className="card__meta">{t('reschedule.movedFrom', { number: booking.rescheduledFrom })}</p>
      )}
      {messages}
      {booking.status === 'booked' && (onCancel || onReschedule) && (
        <div className="card__actions">
          {onReschedule && (booking.reschedulesLeft ?? 0) > 0 && (
            <button type="button" className="button button--secondary" onClick={onReschedule}>
              {t('reschedule.action')}
            </button>
          )}
          {onCancel && (
            <button type="button" className="button button--danger-outline" onClick={onCancel}>
              {t('records.cancel')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
