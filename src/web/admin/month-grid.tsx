// A month as a grid of days, Monday first: closed days (法定节假日), make-up working days (调休),
// weekends and today are told apart by colour and by words; each day says how many bookings it
// has, so closing a day is decided knowing whom it affects. One day is focusable at a time; the
// arrow keys move by day and week (into the next month too), Home/End to the week's ends.
import { type KeyboardEvent, useLayoutEffect, useRef } from 'react';
import type { CalendarDay } from '../../contracts/admin.js';
import { addDays } from '../../domain/schedule.js';
import { useI18n } from '../i18n/i18n.js';
import { formatLongDate } from '../i18n/format.js';
import { type Month, dayLook, monthGrid } from './calendar-logic.js';

const MOVES: Record<string, (weekday: number) => number> = {
  ArrowLeft: () => -1,
  ArrowRight: () => 1,
  ArrowUp: () => -7,
  ArrowDown: () => 7,
  Home: (w) => 1 - w,
  End: (w) => 7 - w,
};

export function MonthGrid({
  month,
  days,
  bookings,
  today,
  selected,
  onSelect,
}: {
  month: Month;
  days: ReadonlyMap<string, CalendarDay>;
  /** Bookings per date (not cancelled); dates without any are missing. */
  bookings: ReadonlyMap<string, number>;
  today: string;
  selected: string;
  onSelect: (date: string, viaKeyboard: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const grid = useRef<HTMLTableElement>(null);
  const moved = useRef(false);

  // A layout effect: the new day has the focus before the next arrow key (one held down repeats).
  useLayoutEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    grid.current?.querySelector<HTMLButtonElement>(`button[data-date="${selected}"]`)?.focus();
  });

  const onKey = (event: KeyboardEvent<HTMLButtonElement>, date: string, weekday: number) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    moved.current = true;
    onSelect(addDays(date, move(weekday)), true);
  };

  return (
    <table ref={grid} className="month-grid" data-testid="month-grid">
      <caption className="visually-hidden">{t('admin.cal.gridCaption')}</caption>
      <thead>
        <tr>
          {([1, 2, 3, 4, 5, 6, 7] as const).map((d) => (
            <th key={d} scope="col">
              {t(`admin.weekday.${d}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthGrid(month).map((week) => (
          <tr key={week[0]?.date}>
            {week.map((cell) => {
              const exception = days.get(cell.date);
              const booked = bookings.get(cell.date) ?? 0;
              const look = dayLook(cell.date, exception?.kind);
              const word = look === 'closed' ? t('admin.cal.closedShort') : look === 'open' ? t('admin.cal.openShort') : '';
              const classes = [
                'month-grid__day',
                `month-grid__day--${look}`,
                cell.inMonth ? '' : 'month-grid__day--other',
                cell.date === today ? 'month-grid__day--today' : '',
              ]
                .filter(Boolean)
                .join(' ');
              const label = [
                formatLongDate(cell.date, lang),
                cell.date === today ? t('admin.cal.today') : '',
                word ? t(`admin.cal.kind.${look as 'closed' | 'open'}`) : '',
                exception?.note ?? '',
                booked > 0 ? t('admin.cal.bookingsLabel', { n: booked }) : '',
              ]
                .filter(Boolean)
                .join('，');
              return (
                <td key={cell.date}>
                  <button
                    type="button"
                    className={classes}
                    data-date={cell.date}
                    tabIndex={cell.date === selected ? 0 : -1}
                    aria-pressed={cell.date === selected}
                    aria-label={label}
                    onClick={() => onSelect(cell.date, false)}
                    onKeyDown={(e) => onKey(e, cell.date, cell.weekday)}
                  >
                    <span className="month-grid__top">
                      <span className="month-grid__num">{Number(cell.date.slice(8))}</span>
                      {word && <span className="month-grid__word">{word}</span>}
                    </span>
                    {exception?.note && <span className="month-grid__note">{exception.note}</span>}
                    {booked > 0 && (
                      <span className="month-grid__bookings" data-testid={`bookings-${cell.date}`}>
                        {t('admin.cal.bookings', { n: booked })}
                      </span>
                    )}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
