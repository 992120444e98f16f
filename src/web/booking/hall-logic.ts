// Many halls, as the booking app reads them: which hall a path names, where `/` goes (the one
// hall, the hall this device chose, or the chooser), the halls grouped by district, and when a
// service page offers other halls (一键换厅).
import type { HallToday } from '../../contracts/halls.js';
import type { DayAvailability } from '../../contracts/services.js';
import { addDays } from '../../domain/schedule.js';
import type { KeyValueStore } from '../person/browser-store.js';
import { dayState } from './availability-logic.js';

/** The device remembers the chosen hall's code (nothing personal) under this key. */
export const HALL_KEY = 'vreserve.hall';
const CODE_RE = /^[A-Z][A-Z0-9]{1,7}$/;

/** '/h/cd' -> 'CD'; '/h' -> '' (the chooser); any other path -> null (no hall named). */
export function hallCodeOf(path: string): string | null {
  const [first, second] = path.split('/').filter(Boolean);
  if (first !== 'h') return null;
  return (second ?? '').toUpperCase();
}

/** The booking app's own address in a hall: links to services and confirmations start here. */
export function hallBase(code: string): string {
  return `/h/${encodeURIComponent(code)}/`;
}

export function rememberedHall(store: KeyValueStore): string | null {
  try {
    const code = store.getItem(HALL_KEY);
    return code && CODE_RE.test(code) ? code : null;
  } catch {
    return null;
  }
}

export function rememberHall(store: KeyValueStore, code: string): void {
  if (!CODE_RE.test(code)) return;
  try {
    store.setItem(HALL_KEY, code);
  } catch {
    // Storage full or disabled: the choice lasts for this page only.
  }
}

/**
 * What `/` shows: with one hall (or when the list could not be had) the booking app as it always
 * was; with many, the hall this device chose before if it still takes bookings, else the chooser.
 */
export type Start = { kind: 'single' } | { kind: 'hall'; code: string } | { kind: 'choose' };

export function startOf(halls: readonly Pick<HallToday, 'code'>[] | null, remembered: string | null): Start {
  if (!halls || halls.length <= 1) return { kind: 'single' };
  if (remembered && halls.some((h) => h.code === remembered)) return { kind: 'hall', code: remembered };
  return { kind: 'choose' };
}

export interface District<T> {
  /** '' when halls give no district. */
  name: string;
  halls: T[];
}

/** Halls grouped by district, districts in the order their first hall comes in the city's list. */
export function byDistrict<T extends Pick<HallToday, 'district'>>(halls: readonly T[]): District<T>[] {
  const groups = new Map<string, T[]>();
  for (const hall of halls) {
    const name = hall.district.trim();
    const group = groups.get(name);
    if (group) group.push(hall);
    else groups.set(name, [hall]);
  }
  return [...groups].map(([name, list]) => ({ name, halls: list }));
}

/**
 * Whether to look for other halls: this hall has nothing bookable today or tomorrow (full, over,
 * closed, or its first open day is further off).
 */
export function wantsOtherHalls(days: readonly DayAvailability[], today: string): boolean {
  const tomorrow = addDays(today, 1);
  return !days.some((d) => d.date <= tomorrow && dayState(d) === 'open');
}

/**
 * A short fingerprint of a service's places: it changes whenever a place is taken or freed or a
 * slot starts, so the 一键换厅 offers are asked again then (and not on every reload).
 */
export function availabilityVersion(data: { days: readonly DayAvailability[] }): string {
  return data.days.map((d) => `${d.date}:${d.remaining}:${d.slots.filter((s) => s.bookable).length}`).join(',');
}

/** How a suggested day is said: 今天 / 明天 / 后天 by name, else its date. */
export type DayWord = 'today' | 'tomorrow' | 'dayAfter' | 'date';

export function dayWordOf(date: string, today: string): DayWord {
  if (date === today) return 'today';
  if (date === addDays(today, 1)) return 'tomorrow';
  if (date === addDays(today, 2)) return 'dayAfter';
  return 'date';
}
