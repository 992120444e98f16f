import { describe, expect, it } from 'vitest';
import { MAX_GAP_MS, ScanBuffer, canPressLast4, pressLast4, scannedBooking } from './scan-logic.js';

/** Feeds keys `gap` ms apart, starting at `start`; returns what Enter produced. */
function feed(buffer: ScanBuffer, keys: string[], gap: number, start = 1000): (string | null)[] {
  return keys.map((k, i) => buffer.push(k, start + i * gap));
}

const URL = 'http://10.0.0.5:8080/t/AbCdEfGhIjKlMnOpQr_-12';

describe('ScanBuffer', () => {
  it('a fast burst ending with Enter is a scan', () => {
    const results = feed(new ScanBuffer(), [...URL, 'Enter'], 5);
    expect(results.at(-1)).toBe(URL);
    expect(results.slice(0, -1).every((r) => r === null)).toBe(true);
  });

  it('Shift between characters does not break the burst', () => {
    const keys = [...'Y2026112509'].flatMap((c) => ['Shift', c]).concat(['0001', 'Enter'].flatMap((s) => (s === 'Enter' ? [s] : [...s])));
    expect(feed(new ScanBuffer(), keys, 3).at(-1)).toBe('Y20261125090001');
  });

  it('typing by hand is no scan', () => {
    expect(feed(new ScanBuffer(), [...'110105194912310', 'Enter'], 180).at(-1)).toBeNull();
  });

  it('too short is no scan (an Enter after a few fast keys)', () => {
    expect(feed(new ScanBuffer(), [...'1234567', 'Enter'], 5).at(-1)).toBeNull();
  });

  it('an Enter long after the burst is no scan', () => {
    const buffer = new ScanBuffer();
    feed(buffer, [...URL], 5);
    expect(buffer.push('Enter', 1000 + URL.length * 5 + MAX_GAP_MS * 4)).toBeNull();
  });

  it('slow keys before a burst are dropped; the burst alone counts', () => {
    const buffer = new ScanBuffer();
    feed(buffer, [...'99'], 500, 0);
    expect(feed(buffer, [...URL, 'Enter'], 5, 5000).at(-1)).toBe(URL);
  });

  it('the next scan starts afresh', () => {
    const buffer = new ScanBuffer();
    feed(buffer, [...URL, 'Enter'], 5);
    expect(feed(buffer, [...'Y20261125090001', 'Enter'], 5, 2000).at(-1)).toBe('Y20261125090001');
  });
});

describe('scannedBooking', () => {
  it('reads a page URL or a 办事编号, nothing else', () => {
    expect(scannedBooking(URL)).toEqual({ kind: 'token', token: 'AbCdEfGhIjKlMnOpQr_-12' });
    expect(scannedBooking('Y20261125090001')).toEqual({ kind: 'number', number: 'Y20261125090001' });
    expect(scannedBooking('6901234567892')).toBeNull();
  });
});

describe('last 4 keypad', () => {
  it.each([
    ['', '1', true],
    ['', 'X', false],
    ['00', 'X', false],
    ['002', 'X', true],
    ['002', '1', true],
    ['002X', '1', false],
    ['0021', 'delete', true],
    ['', 'delete', false],
  ] as const)('%j + %s allowed: %s', (value, key, ok) => {
    expect(canPressLast4(value, key)).toBe(ok);
  });

  it('types, deletes and clears', () => {
    let v = '';
    for (const k of ['0', '0', '2', 'X', '9'] as const) v = pressLast4(v, k);
    expect(v).toBe('002X');
    expect(pressLast4(v, 'delete')).toBe('002');
    expect(pressLast4(v, 'clear')).toBe('');
  });
});
