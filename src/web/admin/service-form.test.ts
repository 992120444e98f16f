import { describe, expect, it } from 'vitest';
import type { AdminService } from '../../contracts/admin.js';
import { DEFAULT_SCHEDULE } from '../../domain/schedule.js';
import {
  type ServiceDraft,
  appendSlot,
  domainProblems,
  draftOf,
  draftProblems,
  freeLetters,
  isDirty,
  plannedCapacity,
  problemCount,
  serviceInputOf,
  slotsFromHours,
  slotsOutsideHours,
  wholeNumber,
} from './service-form.js';

const service = (id: number, letter: string, extra: Partial<AdminService> = {}): AdminService => ({
  id,
  letter,
  nameZh: `业务${letter}`,
  nameEn: `Service ${letter}`,
  active: true,
  sortOrder: id,
  schedule: { ...DEFAULT_SCHEDULE, slots: [...DEFAULT_SCHEDULE.slots], openingHours: [...DEFAULT_SCHEDULE.openingHours], openWeekdays: [5, 1, 3] },
  queueOrder: 'arrival',
  ...extra,
});

const SERVICES = [service(1, 'Y'), service(2, 'H'), service(3, 'A')];

function good(): ServiceDraft {
  return { ...draftOf(null, SERVICES), nameZh: '公积金业务', nameEn: 'Housing fund' };
}

describe('letters', () => {
  it('lists the letters nobody else uses, keeping the edited service its own', () => {
    expect(freeLetters(SERVICES, null).slice(0, 3)).toEqual(['B', 'C', 'D']);
    expect(freeLetters(SERVICES, null)).not.toContain('Y');
    expect(freeLetters(SERVICES, 1)).toContain('Y');
    expect(freeLetters(SERVICES, 1)).not.toContain('H');
  });
});

describe('draftOf', () => {
  it('starts a new service with the hall plan and the first free letter', () => {
    const d = draftOf(null, SERVICES);
    expect(d.letter).toBe('B');
    expect(d.slots.map((s) => [s.id, s.start, s.capacity])).toEqual([
      [1, '09:00', '10'],
      [2, '10:00', '10'],
      [3, '11:00', '10'],
      [4, '14:00', '10'],
      [5, '15:00', '10'],
    ]);
    expect(d.weekdays).toEqual([1, 2, 3, 4, 5]);
    expect(d.defaultServiceMinutes).toBe('');
    expect(d.sortOrder).toBe('');
  });

  it('reads an existing service, weekdays in order', () => {
    const d = draftOf(service(7, 'G', { schedule: { ...DEFAULT_SCHEDULE, openWeekdays: [6, 2], defaultServiceMinutes: 12 } }), SERVICES);
    expect(d.letter).toBe('G');
    expect(d.weekdays).toEqual([2, 6]);
    expect(d.defaultServiceMinutes).toBe('12');
    expect(d.sortOrder).toBe('7');
    expect(d.queueOrder).toBe('arrival');
  });
});

describe('draftProblems', () => {
  it('finds nothing in a complete form', () => {
    const p = draftProblems(good(), SERVICES, null);
    expect(problemCount(p)).toBe(0);
  });

  it.each([
    [{ letter: '' }, 'letter', 'EMPTY'],
    [{ letter: 'g' }, 'letter', 'FORMAT'],
    [{ letter: 'AB' }, 'letter', 'FORMAT'],
    [{ letter: 'H' }, 'letter', 'TAKEN'],
    [{ nameZh: '  ' }, 'nameZh', 'EMPTY'],
    [{ nameEn: 'x'.repeat(101) }, 'nameEn', 'TOO_LONG'],
    [{ weekdays: [] }, 'weekdays', 'NONE'],
    [{ hours: [] }, 'hours', 'NONE'],
    [{ walkInQuota: '' }, 'walkInQuota', 'EMPTY'],
    [{ walkInQuota: '-1' }, 'walkInQuota', 'RANGE'],
    [{ walkInQuota: '1.5' }, 'walkInQuota', 'RANGE'],
    [{ bookingWindowDays: '367' }, 'bookingWindowDays', 'RANGE'],
    [{ checkInBeforeMinutes: '721' }, 'checkInBeforeMinutes', 'RANGE'],
    [{ defaultServiceMinutes: '0' }, 'defaultServiceMinutes', 'RANGE'],
    [{ sortOrder: 'x' }, 'sortOrder', 'RANGE'],
  ] as const)('%j -> %s %s', (change, field, problem) => {
    const p = draftProblems({ ...good(), ...change } as ServiceDraft, SERVICES, null);
    expect(p.fields).toEqual({ [field]: problem });
  });

  it('lets a service keep its own letter', () => {
    expect(draftProblems({ ...good(), letter: 'H' }, SERVICES, 2).fields).toEqual({});
  });

  it('checks each slot row: times, order, overlap with the one before, capacity', () => {
    const d = good();
    d.slots = [
      { id: 1, start: '09:00', end: '10:00', capacity: '10' },
      { id: 2, start: '09:30', end: '10:30', capacity: '5' },
      { id: 3, start: '11:00', end: '10:59', capacity: '5' },
      { id: 4, start: '9:00', end: '24:00', capacity: '' },
      { id: 5, start: '13:00', end: '14:00', capacity: '10001' },
    ];
    expect(draftProblems(d, SERVICES, null).slots).toEqual({
      2: { start: 'OVERLAP' },
      3: { end: 'ORDER' },
      4: { start: 'TIME', end: 'TIME', capacity: 'EMPTY' },
      5: { capacity: 'RANGE' },
    });
  });

  it('checks opening-hours rows the same way', () => {
    const d = good();
    d.hours = [
      { id: 1, start: '14:00', end: '17:00' },
      { id: 2, start: '09:00', end: '14:30' },
    ];
    expect(draftProblems(d, SERVICES, null).hours).toEqual({ 1: { start: 'OVERLAP' } });
  });

  // The form says per field what the domain says in one list: whatever the domain refuses, the form has refused first.
  it.each([
    [{ slots: [{ id: 1, start: '10:00', end: '09:00', capacity: '1' }] }],
    [
      {
        slots: [
          { id: 1, start: '09:00', end: '10:00', capacity: '1' },
          { id: 2, start: '09:59', end: '11:00', capacity: '1' },
        ],
      },
    ],
    [{ hours: [{ id: 1, start: '09:00', end: '09:00' }] }],
    [
      {
        hours: [
          { id: 1, start: '09:00', end: '12:00' },
          { id: 2, start: '11:00', end: '13:00' },
        ],
      },
    ],
  ] as Partial<ServiceDraft>[][])('refuses what the domain refuses: %j', (change) => {
    const d = { ...good(), ...change } as ServiceDraft;
    expect(domainProblems(serviceInputOf(d)).length).toBeGreaterThan(0);
    expect(problemCount(draftProblems(d, SERVICES, null))).toBeGreaterThan(0);
  });
});

describe('serviceInputOf', () => {
  it('sends numbers, sorted rows and unique weekdays, leaving out empty optionals', () => {
    const d = good();
    d.letter = ' G ';
    d.slots = [
      { id: 2, start: '14:00', end: '15:00', capacity: ' 8 ' },
      { id: 1, start: '09:00', end: '10:00', capacity: '0' },
    ];
    d.weekdays = [3, 1, 3];
    const input = serviceInputOf(d);
    expect(input).toEqual({
      letter: 'G',
      nameZh: '公积金业务',
      nameEn: 'Housing fund',
      schedule: {
        slots: [
          { start: '09:00', end: '10:00', capacity: 0 },
          { start: '14:00', end: '15:00', capacity: 8 },
        ],
        openingHours: [
          { start: '09:00', end: '12:00' },
          { start: '14:00', end: '17:00' },
        ],
        openWeekdays: [1, 3],
        walkInQuota: 50,
        bookingWindowDays: 7,
        checkInBeforeMinutes: 60,
      },
      queueOrder: 'priority',
    });
    expect(domainProblems(input)).toEqual([]);
  });

  it('includes the optional numbers when given', () => {
    const input = serviceInputOf({ ...good(), defaultServiceMinutes: '15', sortOrder: '3' });
    expect(input.schedule.defaultServiceMinutes).toBe(15);
    expect(input.sortOrder).toBe(3);
  });
});

describe('slot helpers', () => {
  it('appends a slot as long as the last one, right after it', () => {
    const slots = appendSlot([{ id: 4, start: '14:00', end: '14:30', capacity: '6' }]);
    expect(slots.at(-1)).toEqual({ id: 5, start: '14:30', end: '15:00', capacity: '6' });
    expect(appendSlot([])).toEqual([{ id: 1, start: '09:00', end: '10:00', capacity: '10' }]);
    expect(appendSlot([{ id: 1, start: '23:30', end: '23:59', capacity: '1' }]).at(-1)).toMatchObject({ start: '23:00', end: '23:29' });
  });

  it('fills opening hours with slots of a length', () => {
    const slots = slotsFromHours(
      [
        { id: 2, start: '14:00', end: '15:30' },
        { id: 1, start: '09:00', end: '10:00' },
      ],
      30,
      4,
    );
    expect(slots.map((s) => `${s.start}-${s.end}/${s.capacity}`)).toEqual([
      '09:00-09:30/4',
      '09:30-10:00/4',
      '14:00-14:30/4',
      '14:30-15:00/4',
      '15:00-15:30/4',
    ]);
    expect(new Set(slots.map((s) => s.id)).size).toBe(5);
    expect(slotsFromHours([{ id: 1, start: '09:00', end: '10:00' }], 0, 4)).toEqual([]);
    expect(slotsFromHours([{ id: 1, start: '00:00', end: '23:59' }], 5, 1)).toHaveLength(48);
  });

  it('names slots outside the opening hours', () => {
    const d = good();
    d.slots = [
      { id: 1, start: '09:00', end: '10:00', capacity: '1' },
      { id: 2, start: '11:30', end: '12:30', capacity: '1' },
      { id: 3, start: '18:00', end: '19:00', capacity: '1' },
    ];
    expect(slotsOutsideHours(d)).toEqual([2, 3]);
  });

  it('adds up the capacity, ignoring unreadable rows', () => {
    expect(
      plannedCapacity([
        { id: 1, start: '', end: '', capacity: '7' },
        { id: 2, start: '', end: '', capacity: 'x' },
        { id: 3, start: '', end: '', capacity: '3' },
      ]),
    ).toBe(10);
  });

  it('reads whole numbers only', () => {
    expect(wholeNumber(' 12 ', 0, 20)).toBe(12);
    expect(wholeNumber('21', 0, 20)).toBeNull();
    expect(wholeNumber('1e1', 0, 20)).toBeNull();
    expect(wholeNumber('', 0, 20)).toBeNull();
  });

  it('knows when the form was changed, whatever the row ids', () => {
    const a = good();
    expect(isDirty({ ...a, slots: a.slots.map((s) => ({ ...s, id: s.id + 10 })) }, a)).toBe(false);
    expect(isDirty({ ...a, walkInQuota: '51' }, a)).toBe(true);
  });
});
