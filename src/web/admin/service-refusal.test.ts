import { describe, expect, it } from 'vitest';
import { listedProblems, refusalPlace } from './service-refusal.js';

describe('refusalPlace', () => {
  it.each([
    ['CAPACITY_BELOW_BOOKED', { date: '2026-11-26', slot: '10:00', reserved: 3, field: 'capacity' }, { at: 'slot', slotStart: '10:00' }],
    ['CAPACITY_BELOW_BOOKED', {}, { at: 'banner' }],
    ['SERVICE_LETTER_TAKEN', { letter: 'A', field: 'letter' }, { at: 'field', field: 'letter' }],
    ['QUOTA_BELOW_ISSUED', {}, { at: 'field', field: 'walkInQuota' }],
    ['VALIDATION', { field: 'nameEn' }, { at: 'field', field: 'nameEn' }],
    ['VALIDATION', { field: 'password' }, { at: 'banner' }],
    ['SLOT_HAS_BOOKINGS', { date: '2026-11-26', slot: '11:00', reserved: 1 }, { at: 'banner' }],
    ['SCHEDULE_INVALID', { problems: ['x'] }, { at: 'banner' }],
    ['NETWORK', {}, { at: 'banner' }],
  ] as const)('%s %j -> %j', (code, details, place) => {
    expect(refusalPlace(code, details)).toEqual(place);
  });
});

describe('listedProblems', () => {
  it('keeps the strings of a problems list', () => {
    expect(listedProblems({ problems: ['a', 3, 'b'] })).toEqual(['a', 'b']);
    expect(listedProblems({ problems: 'a' })).toEqual([]);
    expect(listedProblems({})).toEqual([]);
  });
});
