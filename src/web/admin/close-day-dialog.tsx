// "N bookings on that day": asked before closing a day (or importing closed days) that people
// have booked; confirming cancels their bookings with the reason "hall closed".
import { useI18n } from '../i18n/i18n.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';

export function CloseDayDialog({
  open,
  title,
  bookings,
  busy,
  several = false,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  bookings: number;
  busy: boolean;
  /** An import: other closed days of the list may have bookings too. */
  several?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={t('admin.cal.confirmClose', { n: bookings })}
      cancelLabel={t('admin.cal.keepOpen')}
      danger
      busy={busy}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <p className="close-day__count">
        {t('admin.cal.bookingsThatDay')} <strong data-testid="closing-bookings">{bookings}</strong>
      </p>
      <p>{t('admin.cal.confirmBody')}</p>
      {several && <p>{t('admin.imp.confirmSeveral')}</p>}
    </ConfirmDialog>
  );
}
