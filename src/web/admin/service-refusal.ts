// Where a refusal of the service editor belongs: next to the slot's capacity, next to a field,
// or in the banner above the form. The words are the server's (already in the right language).
import type { ScalarField } from './service-form.js';

export type RefusalPlace = { at: 'slot'; slotStart: string } | { at: 'field'; field: ScalarField } | { at: 'banner' };

const FIELDS: readonly ScalarField[] = [
  'letter',
  'nameZh',
  'nameEn',
  'weekdays',
  'walkInQuota',
  'bookingWindowDays',
  'checkInBeforeMinutes',
  'defaultServiceMinutes',
  'maxWaitMinutes',
  'sortOrder',
  'hours',
];

export function refusalPlace(code: string, details: Record<string, unknown>): RefusalPlace {
  if (code === 'CAPACITY_BELOW_BOOKED' && typeof details.slot === 'string') return { at: 'slot', slotStart: details.slot };
  if (code === 'SERVICE_LETTER_TAKEN') return { at: 'field', field: 'letter' };
  if (code === 'QUOTA_BELOW_ISSUED') return { at: 'field', field: 'walkInQuota' };
  const field = details.field;
  if (typeof field === 'string' && (FIELDS as readonly string[]).includes(field)) return { at: 'field', field: field as ScalarField };
  // SLOT_HAS_BOOKINGS names a slot that is no longer in the form; SCHEDULE_INVALID lists problems.
  return { at: 'banner' };
}

/** The individual problems a SCHEDULE_INVALID refusal lists (the server's wording). */
export function listedProblems(details: Record<string, unknown>): string[] {
  return Array.isArray(details.problems) ? details.problems.filter((p): p is string => typeof p === 'string') : [];
}
