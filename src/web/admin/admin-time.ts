// Instants from the server (UTC ISO) as the hall's wall clock shows them.
import { hallTime } from '../../domain/schedule.js';

/** '2026-11-25 09:30' in the hall's time zone (from the server); '' for a missing or unreadable instant. */
export function hallDateTime(iso: string | null | undefined, timeZone: string | null): string {
  if (!iso || !timeZone) return '';
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const t = hallTime(instant, timeZone);
  return `${t.date} ${t.time}`;
}
