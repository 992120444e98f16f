// Halls as the console names and groups them: in the screen's language (the English name may be
// empty: the Chinese one stands in), grouped by district in the server's order.
import type { Lang } from '../../contracts/errors.js';
import { groupBy } from '../../domain/group-by.js';

interface Named {
  nameZh: string;
  nameEn: string;
}

export function hallName(hall: Named, lang: Lang): string {
  return lang === 'en' && hall.nameEn.trim() ? hall.nameEn : hall.nameZh;
}

export function districtName(hall: { districtZh: string; districtEn: string }, lang: Lang): string {
  return lang === 'en' && hall.districtEn.trim() ? hall.districtEn : hall.districtZh;
}

/** Halls (or anything) in groups by a key, each group in first-seen order and keeping the items' order. */
export function groupsOf<T>(items: readonly T[], keyOf: (item: T) => string): { key: string; items: T[] }[] {
  return [...groupBy(items, keyOf)].map(([key, grouped]) => ({ key, items: grouped }));
}
