// Halls: a city's service centres on one deployment. A hall's code names it in URLs (/h/CODE/)
// and starts the 办事编号 of every hall but the first, which keeps the seed's format exactly.

/** 2-8 capitals or digits, starting with a capital: CD, HD01, MAIN. */
export function isHallCode(code: string): boolean {
  return /^[A-Z][A-Z0-9]{1,7}$/.test(code);
}

/**
 * What a hall's 办事编号 start with. The hall a deployment starts with has none (its numbers are
 * the seed's: letter + yyyyMMdd + HHmm + order); every later hall has its code and a hyphen, so
 * no two halls can ever make the same number: an unprefixed number starts with one capital and a
 * digit, a prefixed one with the code and '-'. The prefix is fixed when the hall is made and never
 * follows a later change of code, so numbers already given out stay valid.
 */
export function numberPrefixFor(code: string, firstHall: boolean): string {
  return firstHall ? '' : `${code}-`;
}

export interface HallFigures {
  /** Places that can still be booked today (slots not started). */
  remaining: number;
  /** Booked for today (all statuses but cancelled). */
  booked: number;
}
