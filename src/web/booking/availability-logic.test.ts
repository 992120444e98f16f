import { describe, expect, it } from 'vitest';
import type { DayAvailability, ServiceSummary, ServicesResponse } from '../../contracts/services.js';
import {
  dayState,
  everyServiceFound,
  initialDate,
  isSelectableDay,
  nextDaysWithPlaces,
  nextOpenSummaries,
  slotStillBookable,
} from './availability-logic.js';

function day(date: string, kind: 'open' | 'full' | 'closed' | 'outside' | 'over'): DayAvailability {
  const open = kind !== 'closed';
  const slot = (start: string) => ({
    start,
    end: start,
    capacity: open ? 10 : 0,
    reserved: kind === 'full' ? 10 : 0,
    remaining: kind === 'full' || !open ? 0 : 10,
    bookable: kind === 'open',
    ...(kind === 'open' ? {} : { reason: kind === 'over' ? ('past' as const) : kind === 'outside' ? ('outside_window' as const) : kind === 'full' ? ('full' as const) : ('closed' as const) }),
  });
  const slots = [slot('09:00'), slot('10:00')];
  const remaining = slots.reduce((n, s) => n + s.remaining, 0);
  return { date, open, inWindow: kind !== 'outside', capacity: open ? 20 : 0, reserved: 20 - remaining, remaining, slots };
}

const WEEK = [
  day('2026-11-25', 'full'),
  day('2026-11-26', 'open'),
  day('2026-11-27', 'full'),
  day('2026-11-28', 'closed'),
  day('2026-11-29', 'closed'),
  day('2026-11-30', 'open'),
  day('2026-12-01', 'open'),
  day('2026-12-02', 'open'),
  day('2026-12-03', 'outside'),
];

describe('dayState', () => {
  it.each(['open', 'full', 'closed', 'outside', 'over'] as const)('%s', (kind) => {
    expect(dayState(day('2026-11-26', kind))).toBe(kind);
  });

  it('lets full and over days be chosen but not closed or outside ones', () => {
    expect(WEEK.filter(isSelectableDay).map((d) => d.date)).not.toContain('2026-11-28');
    expect(isSelectableDay(day('2026-11-26', 'over'))).toBe(true);
    expect(isSelectableDay(day('2026-12-03', 'outside'))).toBe(false);
  });
});

describe('nextDaysWithPlaces', () => {
  it('offers the next open days after a full one, skipping full and closed days', () => {
    expect(nextDaysWithPlaces(WEEK, '2026-11-27').map((d) => d.date)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(nextDaysWithPlaces(WEEK, '2026-11-25', 2).map((d) => d.date)).toEqual(['2026-11-26', '2026-11-30']);
  });

  it('offers nothing when no later day has places', () => {
    expect(nextDaysWithPlaces(WEEK, '2026-12-02')).toEqual([]);
  });
});

describe('initialDate', () => {
  it('keeps an asked date that can be chosen, even a full one', () => {
    expect(initialDate(WEEK, '2026-11-27')).toBe('2026-11-27');
  });

  it('falls back to the first day with places', () => {
    expect(initialDate(WEEK, null)).toBe('2026-11-26');
    expect(initialDate(WEEK, '2026-11-28')).toBe('2026-11-26');
    expect(initialDate([day('2026-11-25', 'full')], null)).toBe('2026-11-25');
    expect(initialDate([day('2026-11-28', 'closed')], null)).toBeUndefined();
  });
});

describe('slotStillBookable', () => {
  it('is true only for a bookable slot of that day', () => {
    expect(slotStillBookable(WEEK[1], '09:00')).toBe(true);
    expect(slotStillBookable(WEEK[0], '09:00')).toBe(false);
    expect(slotStillBookable(WEEK[1], '12:00')).toBe(false);
    expect(slotStillBookable(WEEK[1], null)).toBe(false);
  });
});

function summary(id: number, date: string, open: boolean): ServiceSummary {
  return {
    id,
    letter: 'Y',
    name: 'x',
    nameZh: 'x',
    nameEn: 'x',
    date,
    open,
    capacity: 50,
    reserved: 1,
    remaining: 49,
    walkIn: { quota: 50, issued: 0, remaining: 50, hours: open ? 'open' : 'closed' },
  };
}

function answer(date: string, open: Record<number, boolean>): ServicesResponse {
  return {
    hall: 'MAIN',
    date,
    today: '2026-11-28',
    now: '10:00',
    services: Object.entries(open).map(([id, o]) => summary(Number(id), date, o)),
  };
}

describe('nextOpenSummaries', () => {
  it('picks each service on its first open date, whatever the answer order', () => {
    const answers = [answer('2026-11-30', { 1: true, 2: true }), answer('2026-11-28', { 1: false, 2: true }), answer('2026-11-29', { 1: false, 2: false })];
    const found = nextOpenSummaries(answers);
    expect(found.get(1)?.date).toBe('2026-11-30');
    expect(found.get(2)?.date).toBe('2026-11-28');
    expect(everyServiceFound(answers)).toBe(true);
    expect(everyServiceFound(answers.slice(1))).toBe(false);
  });
});
