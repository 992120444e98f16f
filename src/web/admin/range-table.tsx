// Rows of time ranges to edit in place: opening hours (start, end) or the slot plan (start,
// end, capacity). Each cell names its row for screen readers; problems show under the cell.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { adminProblemText } from './problem-text.js';
import type { RangeRow, RowProblems, SlotRow } from './service-form.js';

type Row = RangeRow & { capacity?: string };

function Cell({
  label,
  value,
  onChange,
  error,
  id,
  wide,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error: string | null;
  id: string;
  wide?: boolean;
}) {
  return (
    <td className={error ? 'cell--invalid' : undefined}>
      <input
        id={id}
        className={`cell-input${wide ? ' cell-input--wide' : ''}`}
        value={value}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        inputMode="numeric"
        autoComplete="off"
        maxLength={wide ? 6 : 5}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <span className="cell-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </td>
  );
}

export function RangeTable<T extends Row>({
  name,
  rows,
  problems,
  showProblems,
  serverProblems = {},
  withCapacity,
  notes = {},
  onChange,
  caption,
}: {
  name: 'slot' | 'hours';
  rows: readonly T[];
  problems: Record<number, RowProblems>;
  showProblems: boolean;
  /** Refusals from the server by row id (e.g. capacity below what is booked). */
  serverProblems?: Record<number, string>;
  withCapacity: boolean;
  notes?: Record<number, ReactNode>;
  onChange: (rows: T[]) => void;
  caption: string;
}) {
  const { t } = useI18n();
  const set = (id: number, field: 'start' | 'end' | 'capacity', value: string) => onChange(rows.map((r) => (r.id === id ? { ...r, [field]: value } : r)));
  const remove = (id: number) => onChange(rows.filter((r) => r.id !== id));
  const err = (row: T, field: keyof RowProblems) => (showProblems ? adminProblemText(t, problems[row.id]?.[field], { min: 0, max: 10000 }) : null);
  return (
    <div className="admin-table-wrap">
      <table className="admin-table range-table" data-testid={`${name}-table`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('admin.svc.start')}</th>
            <th scope="col">{t('admin.svc.end')}</th>
            {withCapacity && <th scope="col">{t('admin.svc.capacity')}</th>}
            <th scope="col">
              <span className="visually-hidden">{t('admin.svc.rowActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const n = i + 1;
            const what = t(name === 'slot' ? 'admin.svc.slotN' : 'admin.svc.hoursN', { n });
            const server = serverProblems[row.id];
            return (
              <tr key={row.id} data-row={row.start}>
                <td className="range-table__n">{n}</td>
                <Cell
                  id={`${name}-${row.id}-start`}
                  label={`${what} ${t('admin.svc.start')}`}
                  value={row.start}
                  onChange={(v) => set(row.id, 'start', v)}
                  error={err(row, 'start')}
                />
                <Cell
                  id={`${name}-${row.id}-end`}
                  label={`${what} ${t('admin.svc.end')}`}
                  value={row.end}
                  onChange={(v) => set(row.id, 'end', v)}
                  error={err(row, 'end')}
                />
                {withCapacity && (
                  <Cell
                    id={`${name}-${row.id}-capacity`}
                    label={`${what} ${t('admin.svc.capacity')}`}
                    value={(row as T & SlotRow).capacity}
                    onChange={(v) => set(row.id, 'capacity', v)}
                    error={server ?? err(row, 'capacity')}
                    wide
                  />
                )}
                <td className="range-table__actions">
                  {notes[row.id]}
                  <button type="button" className="link-button" onClick={() => remove(row.id)} aria-label={t('admin.svc.removeRow', { what })}>
                    {t('admin.svc.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
