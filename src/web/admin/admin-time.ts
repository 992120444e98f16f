// Instants from the server (UTC ISO) as the hall's wall clock shows them.
import { hallTime } from '../../domain/schedule.js';
import { HALL_TZID } from '../booking/ics.js';

/** '2026-11-25 09:30' in the hall's time zone; '' for a missing or unreadable instant. */
export function hallDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const t = hallTime(instant, HALL_TZID);
  return `${t.date} ${t.time}`;
}
