import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { translate } from './translate.js';
import { type MessageKey, zh } from './zh.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it.each(Object.keys(zh) as MessageKey[])('%s has the same placeholders in both languages', (key) => {
    expect(placeholders(en[key])).toEqual(placeholders(zh[key]));
    expect(en[key].trim()).not.toBe('');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'slot.remaining', { n: 3 })).toBe('余 3 个');
    expect(translate('en', 'kiosk.waitingAhead', { n: 0 })).toBe('0 waiting ahead of you');
    expect(translate('en', 'slot.remaining')).toBe('{n} left');
  });
});
