// The ID card and phone last typed in this tab, in memory only (never in storage), so that after
// booking, 我的预约 can show and refresh live statuses without retyping. A reload forgets them.
import type { PersonCredentials } from '../../contracts/bookings.js';

let current: PersonCredentials | null = null;

export function sessionCredentials(): PersonCredentials | null {
  return current;
}

export function setSessionCredentials(credentials: PersonCredentials | null): void {
  current = credentials;
}
