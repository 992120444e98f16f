import { describe, expect, it } from 'vitest';
import { hrefOf, sectionOf } from './router.js';

describe('hrefOf', () => {
  it('keeps only present values', () => {
    expect(hrefOf('/', { service: 2, date: '2026-11-25', x: undefined, y: '' })).toBe('/?service=2&date=2026-11-25');
    expect(hrefOf('/records')).toBe('/records');
  });
});

describe('sectionOf', () => {
  it.each([
    ['/', '/'],
    ['/records', '/records'],
    ['/kiosk/whatever', '/kiosk'],
  ])('%s -> %s', (path, section) => expect(sectionOf(path)).toBe(section));
});
