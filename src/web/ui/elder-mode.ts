// 长辈版 (适老化): larger text, stronger contrast, more space between lines and bigger targets, on
// every citizen screen. The choice is kept on the device (a kiosk keeps it until someone switches it
// back; a phone for good) and applied to <html data-elder="on"> before the first paint.
import { useSyncExternalStore } from 'react';

const KEY = 'vr.elder';
const listeners = new Set<() => void>();

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'on';
  } catch {
    // Storage may be off (private mode): the switch still works for this page.
    return document.documentElement.dataset.elder === 'on';
  }
}

/** Applies the kept choice to the page; main.tsx calls it before rendering. */
export function applyElderMode(on: boolean = stored()): void {
  if (on) document.documentElement.dataset.elder = 'on';
  else delete document.documentElement.dataset.elder;
}

export function setElderMode(on: boolean): void {
  try {
    if (on) globalThis.localStorage?.setItem(KEY, 'on');
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Not kept; shown anyway.
  }
  applyElderMode(on);
  for (const l of listeners) l();
}

export function useElderMode(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => document.documentElement.dataset.elder === 'on',
    () => false,
  );
}
