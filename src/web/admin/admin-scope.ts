// Which hall the console works in. A hall admin works in their own hall; a city admin chooses one
// (remembered on the device), or the city level on the sections that have one (the city calendar,
// reports and the audit log over every hall). Every hall-scoped call carries the scope, so no
// screen can forget to say which hall it means. Pure: the storage and React live elsewhere.
import { hrefOf } from '../nav/router.js';

/** A hall by its code, or the city as a whole. */
export type Scope = { kind: 'hall'; code: string } | { kind: 'city' };

/** What a city admin chose: a hall (null: none yet, the first) and whether the city level is wanted where there is one. */
export interface HallChoice {
  hall: string | null;
  city: boolean;
}

export const NO_CHOICE: HallChoice = { hall: null, city: false };

/** The stored form of a choice: 'CD', '*CD' (the city level, CD for sections without one) or '*'. */
export function choiceText(choice: HallChoice): string {
  return `${choice.city ? '*' : ''}${choice.hall ?? ''}`;
}

export function parseChoice(text: string | null | undefined): HallChoice {
  if (!text) return NO_CHOICE;
  const city = text.startsWith('*');
  const code = city ? text.slice(1) : text;
  return { hall: /^[A-Z][A-Z0-9]{1,7}$/.test(code) ? code : null, city };
}

/**
 * The scope of a section. `own` is a hall admin's hall (null for a city admin); `halls` the codes
 * a city admin may choose from, in the server's order; `cityLevel` whether the section has a city
 * level, and `cityWhenAlone` whether it works there when the city has one hall (the calendar: a
 * one-hall deployment's days are the city calendar's). Null while a city admin's halls are not
 * known yet.
 */
export function scopeOf(opts: {
  own: string | null;
  choice: HallChoice;
  halls: readonly string[];
  cityLevel: boolean;
  cityWhenAlone?: boolean;
}): Scope | null {
  if (opts.own !== null) return { kind: 'hall', code: opts.own };
  if (opts.cityLevel && opts.cityWhenAlone && opts.halls.length === 1) return { kind: 'city' };
  if (opts.cityLevel && opts.choice.city) return { kind: 'city' };
  const code = opts.choice.hall !== null && opts.halls.includes(opts.choice.hall) ? opts.choice.hall : opts.halls[0];
  return code === undefined ? null : { kind: 'hall', code };
}

/** The choice after picking `value` in the switcher: a hall's code, or '*' for the city level. */
export function choose(choice: HallChoice, value: string): HallChoice {
  return value === '*' ? { hall: choice.hall, city: true } : { hall: value, city: false };
}

/** The switcher's value for a scope. */
export function scopeValue(scope: Scope): string {
  return scope.kind === 'city' ? '*' : scope.code;
}

/** A stable text of a scope, for the keys of loaded resources. */
export function scopeKey(scope: Scope): string {
  return scope.kind === 'city' ? 'city' : `hall:${scope.code}`;
}

/**
 * The address of a hall-scoped call: `?hall=CODE` for a hall. The city level is no parameter
 * (the city calendar, every audit entry) unless the endpoint names it (`*` for reports).
 */
export function scopedHref(path: string, scope: Scope, query: Record<string, string | number | boolean | undefined | null> = {}, cityValue?: string): string {
  const hall = scope.kind === 'hall' ? scope.code : cityValue;
  const rest = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? 'true' : undefined) : v]));
  return hrefOf(path, { hall, ...rest });
}
