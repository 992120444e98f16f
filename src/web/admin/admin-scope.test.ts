import { describe, expect, it } from 'vitest';
import { NO_CHOICE, choiceText, choose, parseChoice, scopeKey, scopeOf, scopeValue, scopedHref } from './admin-scope.js';

const halls = ['MAIN', 'CD'];

describe('the hall a section works in', () => {
  it('is always their own hall for a hall admin, whatever the device remembers', () => {
    expect(scopeOf({ own: 'CD', choice: { hall: 'MAIN', city: true }, halls: [], cityLevel: true })).toEqual({ kind: 'hall', code: 'CD' });
  });

  it('is the chosen hall for a city admin, the first hall when none (or a gone one) is chosen', () => {
    expect(scopeOf({ own: null, choice: { hall: 'CD', city: false }, halls, cityLevel: false })).toEqual({ kind: 'hall', code: 'CD' });
    expect(scopeOf({ own: null, choice: NO_CHOICE, halls, cityLevel: false })).toEqual({ kind: 'hall', code: 'MAIN' });
    expect(scopeOf({ own: null, choice: { hall: 'XX', city: false }, halls, cityLevel: false })).toEqual({ kind: 'hall', code: 'MAIN' });
    expect(scopeOf({ own: null, choice: NO_CHOICE, halls: [], cityLevel: false })).toBeNull();
  });

  it('is the city only on sections with a city level; elsewhere the hall chosen before', () => {
    const choice = { hall: 'CD', city: true };
    expect(scopeOf({ own: null, choice, halls, cityLevel: true })).toEqual({ kind: 'city' });
    expect(scopeOf({ own: null, choice, halls, cityLevel: false })).toEqual({ kind: 'hall', code: 'CD' });
  });

  it('is the city calendar in a city of one hall, where a one-hall deployment keeps its days', () => {
    expect(scopeOf({ own: null, choice: NO_CHOICE, halls: ['MAIN'], cityLevel: true, cityWhenAlone: true })).toEqual({ kind: 'city' });
    expect(scopeOf({ own: null, choice: NO_CHOICE, halls, cityLevel: true, cityWhenAlone: true })).toEqual({ kind: 'hall', code: 'MAIN' });
    expect(scopeOf({ own: null, choice: NO_CHOICE, halls: ['MAIN'], cityLevel: true })).toEqual({ kind: 'hall', code: 'MAIN' });
    expect(scopeOf({ own: 'MAIN', choice: NO_CHOICE, halls: ['MAIN'], cityLevel: true, cityWhenAlone: true })).toEqual({ kind: 'hall', code: 'MAIN' });
  });

  it('follows the switcher, keeping the hall when the city level is picked', () => {
    expect(choose({ hall: 'CD', city: false }, '*')).toEqual({ hall: 'CD', city: true });
    expect(choose({ hall: 'CD', city: true }, 'MAIN')).toEqual({ hall: 'MAIN', city: false });
    expect(scopeValue({ kind: 'city' })).toBe('*');
    expect(scopeValue({ kind: 'hall', code: 'CD' })).toBe('CD');
    expect(scopeKey({ kind: 'city' })).not.toBe(scopeKey({ kind: 'hall', code: 'CD' }));
  });

  it('is remembered as text and read back, refusing what is not a code', () => {
    for (const choice of [NO_CHOICE, { hall: 'CD', city: false }, { hall: 'CD', city: true }, { hall: null, city: true }]) {
      expect(parseChoice(choiceText(choice))).toEqual(choice);
    }
    expect(parseChoice(null)).toEqual(NO_CHOICE);
    expect(parseChoice('<script>')).toEqual(NO_CHOICE);
  });
});

describe('scoped addresses', () => {
  it('name the hall, and the city only where the endpoint has a word for it', () => {
    expect(scopedHref('/api/v1/admin/today', { kind: 'hall', code: 'CD' })).toBe('/api/v1/admin/today?hall=CD');
    expect(scopedHref('/api/v1/admin/calendar', { kind: 'city' }, { from: '2026-11-01', to: '2026-11-30' })).toBe(
      '/api/v1/admin/calendar?from=2026-11-01&to=2026-11-30',
    );
    expect(scopedHref('/api/v1/reports/daily', { kind: 'city' }, { from: '2026-11-01', sum: true }, '*')).toBe(
      '/api/v1/reports/daily?hall=*&from=2026-11-01&sum=true',
    );
    expect(scopedHref('/api/v1/reports/daily', { kind: 'hall', code: 'CD' }, { sum: false }, '*')).toBe('/api/v1/reports/daily?hall=CD');
  });
});
