import type { BookingStatus } from '../../domain/booking-rules.js';
import { useI18n } from '../i18n/i18n.js';

/** `moved`: a booking cancelled because it was moved to another slot (改约) says 已改约, not 已取消. */
export function StatusBadge({ status, moved = false }: { status: BookingStatus; moved?: boolean }) {
  const { t } = useI18n();
  const shown = moved && status === 'cancelled';
  return <span className={`badge badge--${status}${shown ? ' badge--rescheduled' : ''}`}>{shown ? t('status.rescheduled') : t(`status.${status}`)}</span>;
}
