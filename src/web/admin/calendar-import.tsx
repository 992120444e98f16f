// 批量导入: a year's list of closed days and make-up working days, pasted or read from a CSV
// file, previewed line by line (what is new, what changes, which lines cannot be read) before
// anything is sent. Closing days with bookings asks first, as a single day does.
import { type ChangeEvent, useId, useState } from 'react';
import { ApiError } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { formatLongDate, formatShortDate } from '../i18n/format.js';
import { useStaff } from '../staff/use-staff-session.js';
import { Banner } from '../ui/banner.js';
import { getCalendar, importCalendar } from './admin-endpoints.js';
import { importPreview, importSpan } from './calendar-logic.js';
import { CloseDayDialog } from './close-day-dialog.js';
import { useAdminResource } from './use-admin-resource.js';
import { useAdminCall } from './admin-scope-context.js';

const MAX_TEXT = 10000;

export function CalendarImport({ today, onDone, onClose }: { today: string; onDone: (message: string) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const call = useAdminCall();
  const { onStaffError } = useStaff();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [asking, setAsking] = useState<{ date: string; bookings: number } | null>(null);
  const span = importSpan(text);
  const existing = useAdminResource(
    (call) => (span ? getCalendar(span.from, span.to, call) : Promise.resolve({ days: [], bookings: [] })),
    `import:${span?.from}:${span?.to}`,
  );
  const preview = importPreview(text, existing.data?.days ?? [], today);
  const tooLong = text.length > MAX_TEXT;
  const canImport = preview.rows.length > 0 && preview.problems.length === 0 && !tooLong && !busy;

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    setRefusal(null);
  };

  const send = async (confirm: boolean) => {
    setBusy(true);
    setRefusal(null);
    try {
      const answer = await importCalendar(text, confirm, call);
      setAsking(null);
      onDone(
        answer.cancelledBookings > 0
          ? t('admin.imp.doneCancelled', { n: preview.rows.length, cancelled: answer.cancelledBookings })
          : t('admin.imp.done', { n: preview.rows.length }),
      );
    } catch (error) {
      onStaffError(error);
      if (error instanceof ApiError && error.code === 'CONFIRMATION_REQUIRED' && !confirm) {
        setAsking({ date: String(error.details.date ?? ''), bookings: Number(error.details.bookings) || 0 });
      } else {
        setAsking(null);
        setRefusal(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-panel calendar-import" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('admin.imp.title')}</h2>
      <p className="muted">{t('admin.imp.lead')}</p>
      <div className="calendar-import__inputs">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-text`}>
            {t('admin.imp.text')}
          </label>
          <textarea
            id={`${id}-text`}
            className="field__input calendar-import__text"
            rows={8}
            spellCheck="false"
            placeholder={'2027-01-01,休,元旦\n2027-02-07,班,春节调休上班\n2027-02-10'}
            value={text}
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              setText(e.target.value);
              setRefusal(null);
            }}
          />
          <p className="field__hint" id={`${id}-hint`}>
            {t('admin.imp.hint')}
          </p>
          {tooLong && <p className="field__error">{t('admin.imp.tooLong', { max: MAX_TEXT })}</p>}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-file`}>
            {t('admin.imp.file')}
          </label>
          <input id={`${id}-file`} type="file" accept=".csv,.txt,text/csv,text/plain" onChange={(e) => void readFile(e)} />
        </div>
      </div>

      {refusal !== null && <Banner tone="error" title={errorText(refusal, lang)} />}

      {preview.problems.length > 0 && (
        <Banner tone="warning" title={t('admin.imp.problems', { n: preview.problems.length })}>
          <ul className="calendar-import__problems">
            {preview.problems.map((p) => (
              <li key={p.line}>
                {t('admin.imp.problemLine', { line: p.line, text: p.text })} — {t(`admin.imp.reason.${p.reason}`)}
              </li>
            ))}
          </ul>
        </Banner>
      )}

      {preview.rows.length === 0 ? (
        <p className="admin-empty">{t('admin.imp.nothing')}</p>
      ) : (
        <div className="admin-table-wrap calendar-import__preview">
          <table className="admin-table" data-testid="import-preview">
            <caption>{t('admin.imp.preview', { n: preview.rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.fig.date')}</th>
                <th scope="col">{t('admin.cal.setAs')}</th>
                <th scope="col">{t('admin.cal.note')}</th>
                <th scope="col">{t('admin.imp.change')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.date} data-date={r.date}>
                  <td className="nowrap">{formatShortDate(r.date, lang)}</td>
                  <td>
                    <span className={`admin-tag admin-tag--${r.kind}`}>{t(`admin.cal.kind.${r.kind}`)}</span>
                  </td>
                  <td>{r.note}</td>
                  <td>
                    {existing.loading ? '…' : t(`admin.imp.changeKind.${r.change}`)}
                    {r.past && <span className="muted"> · {t('admin.imp.past')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={!canImport} aria-busy={busy} onClick={() => void send(false)}>
          {busy ? t('admin.saving') : t('admin.imp.import', { n: preview.rows.length })}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
          {t('admin.imp.close')}
        </button>
      </div>

      <CloseDayDialog
        open={asking !== null}
        title={asking ? t('admin.cal.confirmTitle', { date: asking.date ? formatLongDate(asking.date, lang) : '' }) : ''}
        bookings={asking?.bookings ?? 0}
        busy={busy}
        several
        onCancel={() => setAsking(null)}
        onConfirm={() => void send(true)}
      />
    </section>
  );
}
