// A hall's service and the city's catalogue: a letter is the same service in every hall, under the
// catalogue's names. A hall admin offers only catalogue letters (the server refuses others with
// NOT_IN_CATALOG and keeps the catalogue's names); a city admin may add a letter, and the names
// they save become the catalogue's for every hall. Pure.
import type { AdminRole } from './admin-tabs.js';

export interface CatalogNames {
  letter: string;
  nameZh: string;
  nameEn: string;
}

/** The letters the editor offers: the free ones, for a hall admin only those in the catalogue. */
export function letterChoices(free: readonly string[], catalog: readonly CatalogNames[], role: AdminRole): string[] {
  if (role === 'city_admin') return [...free];
  const known = new Set(catalog.map((c) => c.letter));
  return free.filter((l) => known.has(l));
}

/** The names a new service of `letter` takes from the catalogue (null: a letter the catalogue lacks). */
export function catalogNames(letter: string, catalog: readonly CatalogNames[]): { nameZh: string; nameEn: string } | null {
  const entry = catalog.find((c) => c.letter === letter);
  return entry ? { nameZh: entry.nameZh, nameEn: entry.nameEn } : null;
}

/**
 * Whether the names may be typed: a hall admin's come from the catalogue; a city admin types them
 * (and for a catalogue letter, changes the catalogue's).
 */
export const namesEditable = (role: AdminRole): boolean => role === 'city_admin';
