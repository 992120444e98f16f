import { hallTime } from '../../domain/schedule.js';
import { HALL_TZID } from '../booking/ics.js';

/** Today in the hall by this device's clock: only for checks the server repeats (a birth date in the future). */
export function hallToday(): string {
  return hallTime(new Date(), HALL_TZID).date;
}
