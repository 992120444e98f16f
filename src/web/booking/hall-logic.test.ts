import { describe, expect, it } from 'vitest';
import type { DayAvailability } from '../../contracts/services.js';
import type { KeyValueStore } from '../person/remembered.js';
import { HALL_KEY, availabilityVersion, byDistrict, dayWordOf, hallBase, hallCodeOf, rememberHall, rememberedHall, startOf, wantsOtherHalls } from './hall-logic.js';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

function day(date: string, kind: 'open' | 'full' | 'closed' | 'over'): DayAvailability {
  const open = kind !== 'closed';
  const remaining = kind === 'open' || kind === 'over' ? 5 : 0;
  return {
    date,
    open,
    inWindow: true,
    capacity: open ? 10 : 0,
    reserved: open ? 10 - remaining : 0,
    remaining,
    slots: [{ start: '09:00', end: '10:00', capacity: 10, reserved: 10 - remaining, remaining, bookable: kind === 'open' }],
  };
}

describe('hallCodeOf', () => {
  it.each([
    ['/h/CD', 'CD'],
    ['/h/cd', 'CD'],
    ['/h/CD/anything', 'CD'],
    ['/h', ''],
    ['/', null],
    ['/records', null],
    ['/hall/CD', null],
  ])('%s -> %s', (path, code) => expect(hallCodeOf(path)).toBe(code));

  it('makes the base that links start from', () => {
    expect(hallBase('CD')).toBe('/h/CD/');
  });
});

describe('the remembered hall', () => {
  it('keeps a code and reads it back', () => {
    const store = memoryStore();
    expect(rememberedHall(store)).toBeNull();
    rememberHall(store, 'CD');
    expect(store.data.get(HALL_KEY)).toBe('CD');
    expect(rememberedHall(store)).toBe('CD');
  });

  it('ignores what is not a hall code, written or read', () => {
    const store = memoryStore({ [HALL_KEY]: '<script>' });
    expect(rememberedHall(store)).toBeNull();
    rememberHall(store, '110105194912310021');
    expect(store.data.get(HALL_KEY)).toBe('<script>');
  });

  it('survives a store that throws', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
    };
    expect(rememberedHall(broken)).toBeNull();
    expect(() => rememberHall(broken, 'CD')).not.toThrow();
  });
});

describe('startOf', () => {
  const halls = [{ code: 'MAIN' }, { code: 'CD' }, { code: 'XC' }];
  it.each([
    ['no list (failed): as before', null, 'CD', { kind: 'single' }],
    ['one hall: as before, whatever was remembered', [{ code: 'MAIN' }], 'CD', { kind: 'single' }],
    ['many, nothing remembered', halls, null, { kind: 'choose' }],
    ['many, a remembered hall', halls, 'XC', { kind: 'hall', code: 'XC' }],
    ['many, a remembered hall that no longer takes bookings', halls, 'OLD', { kind: 'choose' }],
  ] as const)('%s', (_name, list, remembered, start) => {
    expect(startOf(list, remembered)).toEqual(start);
  });
});

describe('byDistrict', () => {
  it('groups in the order of the city list, keeping the order inside a district', () => {
    const halls = [
      { code: 'A', district: '东城区' },
      { code: 'B', district: '西城区' },
      { code: 'C', district: '东城区 ' },
      { code: 'D', district: '' },
    ];
    expect(byDistrict(halls).map((g) => [g.name, g.halls.map((h) => h.code)])).toEqual([
      ['东城区', ['A', 'C']],
      ['西城区', ['B']],
      ['', ['D']],
    ]);
    expect(byDistrict([])).toEqual([]);
  });
});

describe('wantsOtherHalls', () => {
  const today = '2026-11-25';
  it.each([
    ['a place today', [day('2026-11-25', 'open'), day('2026-11-26', 'full')], false],
    ['a place tomorrow only', [day('2026-11-25', 'full'), day('2026-11-26', 'open')], false],
    ['today over, tomorrow open', [day('2026-11-25', 'over'), day('2026-11-26', 'open')], false],
    ['full today and tomorrow, places later', [day('2026-11-25', 'full'), day('2026-11-26', 'full'), day('2026-11-27', 'open')], true],
    ['over today, closed tomorrow', [day('2026-11-25', 'over'), day('2026-11-26', 'closed'), day('2026-11-27', 'open')], true],
    ['nothing at all', [], true],
    ['first day far off', [day('2026-12-01', 'open')], true],
  ] as const)('%s -> %s', (_name, days, wanted) => {
    expect(wantsOtherHalls(days, today)).toBe(wanted);
  });
});

describe('dayWordOf', () => {
  it.each([
    ['2026-11-25', 'today'],
    ['2026-11-26', 'tomorrow'],
    ['2026-11-27', 'dayAfter'],
    ['2026-11-28', 'date'],
    ['2026-12-01', 'date'],
  ] as const)('%s -> %s', (date, word) => expect(dayWordOf(date, '2026-11-25')).toBe(word));

  it('crosses a month and a year', () => {
    expect(dayWordOf('2027-01-01', '2026-12-31')).toBe('tomorrow');
  });
});

describe('availabilityVersion', () => {
  const days = [day('2026-11-25', 'open'), day('2026-11-26', 'full')];
  it('stays the same for the same places', () => {
    expect(availabilityVersion({ days })).toBe(availabilityVersion({ days: [day('2026-11-25', 'open'), day('2026-11-26', 'full')] }));
  });
  it('changes when a place is taken, a slot starts or a day is added', () => {
    const base = availabilityVersion({ days });
    const taken = [{ ...day('2026-11-25', 'open'), remaining: 4 }, day('2026-11-26', 'full')];
    const started = [day('2026-11-25', 'over'), day('2026-11-26', 'full')];
    expect(availabilityVersion({ days: taken })).not.toBe(base);
    expect(availabilityVersion({ days: started })).not.toBe(base);
    expect(availabilityVersion({ days: [...days, day('2026-11-27', 'open')] })).not.toBe(base);
  });
});
