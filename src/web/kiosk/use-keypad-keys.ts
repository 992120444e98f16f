// A kiosk keypad screen also takes a keyboard (accessibility, service staff): digits, X, Backspace,
// Escape go to the keypad; Enter submits (unless a button has the focus: it clicks itself).
import { useLayoutEffect } from 'react';
import { type KeypadKey, keyOfKeyboard } from './keypad-logic.js';

export function useKeypadKeys(press: (key: KeypadKey) => void, submit: () => Promise<void>): void {
  // A layout effect: listening from the moment the screen is drawn, so what an ID card reader or a
  // quick hand types at once is not lost, and Enter submits what the screen shows (Preact runs
  // plain effects only after the next frame is painted).
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const key = keyOfKeyboard(e.key);
      if (key) {
        e.preventDefault();
        press(key);
      } else if (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        void submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [press, submit]);
}
