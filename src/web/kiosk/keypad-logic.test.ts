import { describe, expect, it } from 'vitest';
import { composeIdCard } from '../../domain/id-card.js';
import { type KeypadKey, canPress, groupIdCard, keyOfKeyboard, keypadVerdict, pressKey } from './keypad-logic.js';

const type = (keys: string, start = '') => [...keys].reduce((v, k) => pressKey(v, k as KeypadKey), start);
const GOOD = composeIdCard('11010519491231002');

describe('pressKey', () => {
  it('appends digits up to 18 and no further', () => {
    expect(type('123')).toBe('123');
    expect(type('1234567890123456789')).toBe('123456789012345678');
  });

  it('accepts X only as the 18th character', () => {
    expect(type('X')).toBe('');
    expect(type('1101051949123100X')).toBe('1101051949123100');
    expect(pressKey('11010519491231002', 'X')).toBe('11010519491231002X');
    expect(pressKey('11010519491231002X', 'X')).toBe('11010519491231002X');
  });

  it('deletes one character and clears all', () => {
    expect(pressKey('123', 'delete')).toBe('12');
    expect(pressKey('', 'delete')).toBe('');
    expect(pressKey('123', 'clear')).toBe('');
  });
});

describe('canPress', () => {
  it('disables what would do nothing', () => {
    expect(canPress('', 'delete')).toBe(false);
    expect(canPress('', 'clear')).toBe(false);
    expect(canPress('', 'X')).toBe(false);
    expect(canPress('1'.repeat(17), 'X')).toBe(true);
    expect(canPress('1'.repeat(18), '5')).toBe(false);
  });
});

describe('keypadVerdict', () => {
  it('counts what is missing', () => {
    expect(keypadVerdict('110105', '2026-11-25')).toEqual({ state: 'incomplete', missing: 12 });
  });

  it('verifies the check character before sending', () => {
    expect(keypadVerdict(GOOD, '2026-11-25')).toEqual({ state: 'ok', idCard: GOOD });
    const wrong = `${GOOD.slice(0, 17)}${GOOD.endsWith('0') ? '1' : '0'}`;
    expect(keypadVerdict(wrong, '2026-11-25')).toEqual({ state: 'invalid', reason: 'CHECKSUM' });
    expect(keypadVerdict('110105194913310021', '2026-11-25')).toEqual({ state: 'invalid', reason: 'BIRTH_DATE' });
  });
});

describe('groupIdCard / keyOfKeyboard', () => {
  it('groups as printed on the card', () => {
    expect(groupIdCard('11010519491231002X')).toBe('110105 19491231 002X');
    expect(groupIdCard('1101051')).toBe('110105 1');
    expect(groupIdCard('')).toBe('');
  });

  it('maps physical keys', () => {
    expect(keyOfKeyboard('7')).toBe('7');
    expect(keyOfKeyboard('x')).toBe('X');
    expect(keyOfKeyboard('Backspace')).toBe('delete');
    expect(keyOfKeyboard('Escape')).toBe('clear');
    expect(keyOfKeyboard('a')).toBeNull();
  });
});
