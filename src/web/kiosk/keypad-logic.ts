// The kiosk's on-screen keypad for an ID card number: 17 digits then a digit or X. Keys that
// cannot make a valid number are refused here, and the check character is verified before the
// number is sent.
import type { IdCardError } from '../../domain/id-card.js';
import { parseIdCard } from '../../domain/id-card.js';

export const ID_LENGTH = 18;

export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'X' | 'delete' | 'clear';

/** Whether a key does anything on this value (the UI disables the others). */
export function canPress(value: string, key: KeypadKey): boolean {
  if (key === 'delete' || key === 'clear') return value.length > 0;
  if (key === 'X') return value.length === ID_LENGTH - 1;
  return value.length < ID_LENGTH;
}

export function pressKey(value: string, key: KeypadKey): string {
  if (!canPress(value, key)) return value;
  if (key === 'clear') return '';
  if (key === 'delete') return value.slice(0, -1);
  return value + key;
}

/** A physical key (for keyboard users and tests) as a keypad key, or null. */
export function keyOfKeyboard(key: string): KeypadKey | null {
  if (/^[0-9]$/.test(key)) return key as KeypadKey;
  if (key === 'x' || key === 'X') return 'X';
  if (key === 'Backspace') return 'delete';
  if (key === 'Escape' || key === 'Delete') return 'clear';
  return null;
}

/** '110105 19491231 002X': address, birth date, sequence and check, as printed on the card. */
export function groupIdCard(value: string): string {
  return [value.slice(0, 6), value.slice(6, 14), value.slice(14)].filter(Boolean).join(' ');
}

export type KeypadVerdict =
  | { state: 'incomplete'; missing: number }
  | { state: 'invalid'; reason: IdCardError }
  | { state: 'ok'; idCard: string };

export function keypadVerdict(value: string, today: string): KeypadVerdict {
  if (value.length < ID_LENGTH) return { state: 'incomplete', missing: ID_LENGTH - value.length };
  const parsed = parseIdCard(value, today);
  return parsed.ok ? { state: 'ok', idCard: parsed.id.value } : { state: 'invalid', reason: parsed.error };
}
