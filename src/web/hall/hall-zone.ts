// The hall's time zone (HALL_TZ) as the server tells it (GET /api/v1/hall): every screen shows
// dates and times in it, never in the device's own zone (a phone abroad, a PC set to UTC). It is
// asked once per page and shared; the screens that need it before anything else wait for it.
import { useEffect, useSyncExternalStore } from 'react';
import type { HallResponse } from '../../contracts/services.js';
import { hallTime } from '../../domain/schedule.js';
import { getHall } from '../api/endpoints.js';

let zone: string | null = null;
let asking: Promise<string> | null = null;
const listeners = new Set<() => void>();

function learn(timeZone: string): void {
  if (zone === timeZone) return;
  zone = timeZone;
  for (const listener of listeners) listener();
}

/** The hall now (its zone, today, the time); remembers the zone for every screen of the page. */
export async function loadHall(signal?: AbortSignal): Promise<HallResponse> {
  const hall = await getHall({ lang: 'zh', ...(signal ? { signal } : {}) });
  learn(hall.timeZone);
  return hall;
}

/** The hall's zone, asked for once (a failed ask is tried again next time). */
export function loadHallZone(): Promise<string> {
  if (zone) return Promise.resolve(zone);
  asking ??= loadHall().then(
    (hall) => hall.timeZone,
    (error: unknown) => {
      asking = null;
      throw error;
    },
  );
  return asking;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The hall's zone once known (null until then); asks the server on first use. */
export function useHallZone(): string | null {
  const known = useSyncExternalStore(subscribe, () => zone);
  useEffect(() => {
    if (!zone) loadHallZone().catch(() => undefined);
  }, []);
  return known;
}

/**
 * Today in the hall, by this device's clock. Until the hall's zone is known the device's own zone
 * stands in: only for checks the server repeats (a birth date in the future).
 */
export function hallToday(timeZone: string | null): string {
  return hallTime(new Date(), timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone).date;
}

/** 'HH:mm:ss' of an instant on the hall's clock ('' until the zone is known). */
export function hallClockTime(instant: Date, timeZone: string | null): string {
  if (!timeZone) return '';
  const f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  return f.format(instant);
}
