// The chosen day: close it (法定节假日), open it as a make-up working day (调休), or put it back
// to the usual weekly plan. Nothing is chosen in advance: the admin decides (a pre-selected 闭馆
// was one click away from cancelling a day's bookings). The day's bookings are shown; closing a
// day with bookings is answered with how many: the manager confirms, and those bookings are
// cancelled with the reason "hall closed".
import { type FormEvent, useState } from 'react';
import type { CalendarDay } from '../../contracts/admin.js';
import { weekdayOf } from '../../domain/schedule.js';
import { ApiError } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { formatLongDate } from '../i18n/format.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { TextField } from '../ui/text-field.js';
import { removeCalendarDay, setCalendarDay } from './admin-endpoints.js';
import { hallDateTime } from './admin-time.js';
import { useHallZone } from '../hall/hall-zone.js';
import { CloseDayDialog } from './close-day-dialog.js';
import { useAdminCall } from './admin-scope-context.js';

type Kind = CalendarDay['kind'];

export function DayPanel({
  date,
  exception,
  bookings,
  today,
  onDone,
}: {
  date: string;
  exception: CalendarDay | undefined;
  /** Bookings on the day, not cancelled. */
  bookings: number;
  today: string;
  onDone: (message: string) => void;
}) {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const zone = useHallZone();
  const { onStaffError } = useStaff();
  const weekend = weekdayOf(date) >= 6;
  const [kind, setKind] = useState<Kind | null>(exception?.kind ?? null);
  const [unchosen, setUnchosen] = useState(false);
  const [note, setNote] = useState(exception?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [asking, setAsking] = useState<number | null>(null);
  const when = formatLongDate(date, lang);

  const save = async (confirm: boolean) => {
    if (kind === null) return;
    setBusy(true);
    setRefusal(null);
    try {
      const answer = await setCalendarDay(date, { kind, note: note.trim(), confirm }, call);
      setAsking(null);
      if (kind === 'open') onDone(t('admin.cal.doneOpen', { date: when }));
      else if (answer.cancelledBookings > 0) onDone(t('admin.cal.doneClosedCancelled', { date: when, n: answer.cancelledBookings }));
      else onDone(t('admin.cal.doneClosed', { date: when }));
    } catch (error) {
      onStaffError(error);
      if (error instanceof ApiError && error.code === 'CONFIRMATION_REQUIRED' && !confirm) setAsking(Number(error.details.bookings) || 0);
      else {
        setAsking(null);
        setRefusal(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await removeCalendarDay(date, call);
      onDone(t('admin.cal.doneRemoved', { date: when }));
    } catch (error) {
      onStaffError(error);
      setRefusal(error);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setUnchosen(kind === null);
    if (kind !== null) void save(false);
  };

  return (
    <form className="admin-panel day-panel" onSubmit={submit} noValidate aria-labelledby="day-panel-title" data-testid="day-panel">
      <h2 id="day-panel-title">{when}</h2>
      <p className="day-panel__now">
        {exception ? t(`admin.cal.now.${exception.kind}`) : weekend ? t('admin.cal.now.weekend') : t('admin.cal.now.weekday')}
        {exception && <span className="muted"> · {t('admin.cal.setBy', { who: exception.createdBy, at: hallDateTime(exception.createdAt, zone) })}</span>}
      </p>
      {bookings > 0 && <p className="day-panel__bookings">{t('admin.cal.dayBookings', { n: bookings })}</p>}
      {date < today && <p className="muted">{t('admin.cal.pastDay')}</p>}
      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}
      <fieldset className="choice-group">
        <legend>{t('admin.cal.setAs')}</legend>
        {unchosen && kind === null && (
          <p className="field__error" role="alert">
            {t('admin.cal.chooseKind')}
          </p>
        )}
        <div className="choice-grid choice-grid--one">
          {(['closed', 'open'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" name="day-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              <span className="choice__title">{t(`admin.cal.kind.${k}`)}</span>
              <span className="choice__hint">{t(`admin.cal.kindHint.${k}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        label={t('admin.cal.note')}
        hint={t('admin.cal.noteHint')}
        value={note}
        maxLength={100}
        optional
        optionalLabel={t('admin.optional')}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {busy ? t('admin.saving') : t('admin.save')}
        </button>
        {exception && (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void remove()}>
            {t('admin.cal.remove')}
          </button>
        )}
      </div>
      <CloseDayDialog
        open={asking !== null}
        title={t('admin.cal.confirmTitle', { date: when })}
        bookings={asking ?? 0}
        busy={busy}
        onCancel={() => setAsking(null)}
        onConfirm={() => void save(true)}
      />
    </form>
  );
}
