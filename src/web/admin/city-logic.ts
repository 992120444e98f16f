// 城市概览's arrangement: the halls grouped by district (each group with its subtotal) or in one
// list sorted by what needs attention first. Pure.
import type { CityOverviewResponse } from '../../contracts/admin-halls.js';

export type CityHall = CityOverviewResponse['halls'][number];
export type CityFigures = CityOverviewResponse['total'];

export const CITY_SORTS = ['district', 'waiting', 'longestWait', 'booked'] as const;
export type CitySort = (typeof CITY_SORTS)[number];

export const CITY_COLUMNS = ['booked', 'checkedIn', 'walkIns', 'waiting', 'served', 'longestWaitMinutes', 'countersOpen'] as const satisfies readonly (keyof CityFigures)[];

export function citySortOf(raw: string | null): CitySort {
  return (CITY_SORTS as readonly string[]).includes(raw ?? '') ? (raw as CitySort) : 'district';
}

/** Counts add up; the longest wait is the longest of any hall. */
export function subtotal(halls: readonly CityFigures[]): CityFigures {
  const sum = (key: keyof CityFigures) => halls.reduce((n, h) => n + h[key], 0);
  return {
    booked: sum('booked'),
    checkedIn: sum('checkedIn'),
    walkIns: sum('walkIns'),
    waiting: sum('waiting'),
    served: sum('served'),
    longestWaitMinutes: halls.reduce((m, h) => Math.max(m, h.longestWaitMinutes), 0),
    countersOpen: sum('countersOpen'),
  };
}

export interface CityGroup {
  /** The district ('' for halls without one); null when the list is one sorted group. */
  district: string | null;
  halls: CityHall[];
  subtotal: CityFigures;
}

const SORT_KEY: Record<Exclude<CitySort, 'district'>, keyof CityFigures> = {
  waiting: 'waiting',
  longestWait: 'longestWaitMinutes',
  booked: 'booked',
};

/** Districts in the order their first hall comes (the server's order), halls keeping theirs; or one list, most first. */
export function arrangeCity(halls: readonly CityHall[], sort: CitySort): CityGroup[] {
  if (sort !== 'district') {
    const key = SORT_KEY[sort];
    const sorted = halls.map((h, i) => ({ h, i })).sort((a, b) => b.h[key] - a.h[key] || a.i - b.i);
    return [{ district: null, halls: sorted.map((x) => x.h), subtotal: subtotal(halls) }];
  }
  const groups = new Map<string, CityHall[]>();
  for (const hall of halls) {
    const group = groups.get(hall.district);
    if (group) group.push(hall);
    else groups.set(hall.district, [hall]);
  }
  return [...groups].map(([district, grouped]) => ({ district, halls: grouped, subtotal: subtotal(grouped) }));
}
