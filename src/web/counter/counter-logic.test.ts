import { describe, expect, it } from 'vitest';
import type { Counter } from '../../contracts/queue.js';
import {
  DESK_ACTIONS,
  actionsFor,
  withoutCalls,
  canCallWaiting,
  counterByNumber,
  defaultCounterName,
  servedAverage,
  parseRememberedCounter,
  setupProblems,
  shortcutKey,
  shortcutOf,
} from './counter-logic.js';

describe('actionsFor', () => {
  it.each([
    [null, ['call-next']],
    ['called', ['recall', 'start', 'complete', 'no-show', 'transfer']],
    ['serving', ['complete', 'transfer']],
    ['served', ['call-next']],
    ['no_show', ['call-next']],
  ] as const)('%s -> %j', (status, actions) => {
    expect([...actionsFor(status)].sort()).toEqual([...actions].sort());
  });

  it('lets a waiting number be called only with nothing open', () => {
    expect(canCallWaiting(null)).toBe(true);
    expect(canCallWaiting('called')).toBe(false);
    expect(canCallWaiting('serving')).toBe(false);
  });
});

describe('shortcuts', () => {
  const key = (k: string, more: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; inField: boolean }> = {}) =>
    shortcutOf({ key: k, ctrlKey: false, metaKey: false, altKey: false, inField: false, ...more });

  it('maps one letter to each action, either case', () => {
    expect(DESK_ACTIONS.map((a) => key(shortcutKey(a)))).toEqual([...DESK_ACTIONS]);
    expect(key('n')).toBe('call-next');
    expect(key('N')).toBe('call-next');
    expect(new Set(DESK_ACTIONS.map(shortcutKey)).size).toBe(DESK_ACTIONS.length);
  });

  it('ignores other keys, modifiers and typing in fields', () => {
    expect(key('q')).toBeNull();
    expect(key('Enter')).toBeNull();
    expect(key('r', { ctrlKey: true })).toBeNull();
    expect(key('r', { metaKey: true })).toBeNull();
    expect(key('c', { altKey: true })).toBeNull();
    expect(key('n', { inField: true })).toBeNull();
  });
});

describe('remembered counter', () => {
  it.each([
    ['3', 3],
    ['999', 999],
    ['0', null],
    ['1000', null],
    ['-1', null],
    ['abc', null],
    ['', null],
    [null, null],
  ] as const)('%j -> %j', (raw, n) => {
    expect(parseRememberedCounter(raw)).toBe(n);
  });

  const counters = [
    { number: 1, active: true },
    { number: 2, active: false },
  ] as Counter[];

  it('finds active counters only', () => {
    expect(counterByNumber(counters, 1)?.number).toBe(1);
    expect(counterByNumber(counters, 2)).toBeNull();
    expect(counterByNumber(counters, 3)).toBeNull();
    expect(counterByNumber(counters, null)).toBeNull();
  });
});

describe('setupProblems', () => {
  it('accepts a number, a name and at least one service', () => {
    expect(setupProblems({ number: '5', name: '5 号窗口', serviceIds: [1] })).toEqual({});
  });

  it.each([
    [{ number: '' }, { number: 'empty' }],
    [{ number: '0' }, { number: 'invalid' }],
    [{ number: '1000' }, { number: 'invalid' }],
    [{ number: '2.5' }, { number: 'invalid' }],
    [{ name: '  ' }, { name: 'empty' }],
    [{ name: 'x'.repeat(61) }, { name: 'invalid' }],
    [{ serviceIds: [] }, { services: 'empty' }],
  ] as const)('%j -> %j', (change, problems) => {
    expect(setupProblems({ number: '5', name: 'A', serviceIds: [1], ...change })).toEqual(problems);
  });

  it('suggests names like the seed counters', () => {
    expect(defaultCounterName(5, 'zh')).toBe('5 号窗口');
    expect(defaultCounterName(5, 'en')).toBe('Counter 5');
  });
});

describe('servedAverage', () => {
  it('weights each queue by the people it served', () => {
    expect(servedAverage([{ servedToday: 3, averageServiceMinutes: 4 }, { servedToday: 1, averageServiceMinutes: 8 }])).toBe(5);
  });

  it('ignores queues that served nobody (their figure is only a default) and is null before anyone', () => {
    expect(servedAverage([{ servedToday: 2, averageServiceMinutes: 6 }, { servedToday: 0, averageServiceMinutes: 10 }])).toBe(6);
    expect(servedAverage([{ servedToday: 0, averageServiceMinutes: 10 }])).toBeNull();
    expect(servedAverage([])).toBeNull();
  });
});

describe('a paused or closed counter', () => {
  it('may end its open ticket but not call anyone', () => {
    expect([...withoutCalls(actionsFor(null), false)]).toEqual([]);
    expect([...withoutCalls(actionsFor('serving'), false)].sort()).toEqual(['complete', 'transfer']);
    expect([...withoutCalls(actionsFor(null), true)]).toEqual(['call-next']);
  });
});
