// Listens on every kiosk screen for a barcode scanner's burst (see scan-logic.ts). The Enter of a
// booking's code is taken before any screen sees it, so a scan never submits what the screen was
// showing; the characters typed before it are thrown away with that screen.
import { useLayoutEffect, useRef } from 'react';
import type { ScannedCode } from '../../domain/public-ticket.js';
import { ScanBuffer, scannedBooking } from './scan-logic.js';

export function useScanner(onCode: (code: ScannedCode) => void): void {
  const callback = useRef(onCode);
  callback.current = onCode;
  // A layout effect: listening from the moment the app is drawn (see use-keypad-keys.ts).
  useLayoutEffect(() => {
    const buffer = new ScanBuffer();
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // When the key arrived, not when this handler ran (a busy screen may delay the handlers).
      const text = buffer.push(e.key, e.timeStamp);
      const code = text === null ? null : scannedBooking(text);
      // Anything else typed fast (an ID card reader that types the number, a quick typist) goes
      // to the screen as it is.
      if (!code) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      callback.current(code);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);
}
