// A USB barcode scanner is a keyboard that types very fast: the code's characters a few ms apart,
// then Enter. People type far slower, so a burst of at least MIN_LENGTH characters less than
// MAX_GAP_MS apart ending with Enter is a scan, whatever screen the kiosk shows. And the keypad
// for the ID card's last 4 characters that a scanned code asks for.
import { type ScannedCode, parseScannedCode } from '../../domain/public-ticket.js';
import type { KeypadKey } from './keypad-logic.js';

export const MAX_GAP_MS = 50;
export const MIN_LENGTH = 8;

export class ScanBuffer {
  private text = '';
  private last = Number.NEGATIVE_INFINITY;

  /**
   * Feeds one keydown (`key` as KeyboardEvent.key, `at` in ms). Returns the scanned text when this
   * Enter ends a scanner's burst, else null. Keys without a character (Shift …) are skipped.
   */
  push(key: string, at: number): string | null {
    const fast = at - this.last < MAX_GAP_MS;
    if (key === 'Enter') {
      const text = fast && this.text.length >= MIN_LENGTH ? this.text : null;
      this.text = '';
      this.last = Number.NEGATIVE_INFINITY;
      return text;
    }
    if (key.length !== 1) return null;
    this.text = fast ? this.text + key : key;
    this.last = at;
    return null;
  }
}

/** A scanned text the kiosk can check in with, or null (an ID card, a random barcode …). */
export function scannedBooking(text: string): ScannedCode | null {
  return parseScannedCode(text);
}

export const LAST4_LENGTH = 4;

/** Last 4 of an ID card: three digits, then a digit or X. */
export function canPressLast4(value: string, key: KeypadKey): boolean {
  if (key === 'delete' || key === 'clear') return value.length > 0;
  if (key === 'X') return value.length === LAST4_LENGTH - 1;
  return value.length < LAST4_LENGTH;
}

export function pressLast4(value: string, key: KeypadKey): string {
  if (!canPressLast4(value, key)) return value;
  if (key === 'clear') return '';
  if (key === 'delete') return value.slice(0, -1);
  return value + key;
}
