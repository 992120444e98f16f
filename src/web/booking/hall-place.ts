// Where the booking app is: `/` of a one-hall deployment (as it always was), or one hall's own
// app at /h/CODE/. Screens build their links from `base` and show the hall when there is one.
import { createContext, useContext } from 'react';
import type { HallToday } from '../../contracts/halls.js';

export interface HallPlace {
  /** '/' or '/h/CODE/': links to services and confirmations start here. */
  base: string;
  /** The hall of /h/CODE/ (null at `/` of a one-hall deployment). */
  hall: HallToday | null;
  /** More than one hall takes bookings: offer the others (换个大厅, 一键换厅). */
  many: boolean;
}

export const SINGLE_HALL: HallPlace = { base: '/', hall: null, many: false };

export const HallPlaceContext = createContext<HallPlace>(SINGLE_HALL);

export function useHallPlace(): HallPlace {
  return useContext(HallPlaceContext);
}
