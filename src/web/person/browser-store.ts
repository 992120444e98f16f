// This device's key-value storage, apart from what is kept in it (remembered.ts: the bookings;
// hall-logic.ts: the chosen hall), so the booking page's first screen loads this alone.
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

let chosen: KeyValueStore | null = null;

/** window.localStorage when usable, else one in-memory store for the page (private mode, disabled storage). */
export function browserStore(): KeyValueStore {
  if (chosen) return chosen;
  try {
    // Reading throws where storage is refused (the key is the remembered bookings', any would do).
    window.localStorage.getItem('vreserve.bookings');
    chosen = window.localStorage;
  } catch {
    const memory = new Map<string, string>();
    chosen = { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
  }
  return chosen;
}
