// The hall's time on the board, ticking every second, in the hall's zone (from the server); it
// follows the server when this device's clock is off by more than a minute.
import { useEffect, useState } from 'react';
import { hallTime } from '../../domain/schedule.js';
import { useI18n } from '../i18n/i18n.js';
import { formatLongDate } from '../i18n/format.js';

export function DisplayClock({ offsetMs, timeZone }: { offsetMs: number; timeZone: string | null }) {
  const { lang } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, []);
  if (!timeZone) return <div className="board-clock" />;
  const hall = hallTime(new Date(now + offsetMs), timeZone);
  return (
    <div className="board-clock">
      <time className="board-clock__time" data-testid="board-clock">
        {hall.time}
      </time>
      <span className="board-clock__date">{formatLongDate(hall.date, lang)}</span>
    </div>
  );
}
