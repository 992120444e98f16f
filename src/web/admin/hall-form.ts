// 大厅's form: a hall's fields as typed, checked as the server checks them (a code of 2-8 capitals
// or digits starting with a capital, not another hall's; a Chinese name; lengths), and the body
// sent to create or change it. Pure.
import type { AdminHall, CreateHallBody, UpdateHallBody } from '../../contracts/admin-halls.js';

export const HALL_TEXT_FIELDS = [
  'nameZh',
  'nameEn',
  'districtZh',
  'districtEn',
  'addressZh',
  'addressEn',
  'phone',
  'timeZone',
  'hoursZh',
  'hoursEn',
] as const;
export type HallTextField = (typeof HALL_TEXT_FIELDS)[number];

export type HallDraft = Record<HallTextField | 'code' | 'sortOrder', string> & { letters: string[] };

const MAX: Record<HallTextField, number> = {
  nameZh: 100,
  nameEn: 100,
  districtZh: 60,
  districtEn: 60,
  addressZh: 200,
  addressEn: 200,
  phone: 40,
  timeZone: 64,
  hoursZh: 200,
  hoursEn: 200,
};

export type HallProblem = 'EMPTY' | 'FORMAT' | 'TAKEN' | 'TOO_LONG' | 'RANGE';
export type HallProblems = Partial<Record<keyof HallDraft, HallProblem>>;

/** The form for a hall, or for a new one offering every catalogue letter. */
export function hallDraftOf(hall: AdminHall | null, catalogLetters: readonly string[]): HallDraft {
  const text = Object.fromEntries(HALL_TEXT_FIELDS.map((f) => [f, hall?.[f] ?? ''])) as Record<HallTextField, string>;
  return { code: hall?.code ?? '', sortOrder: hall ? String(hall.sortOrder) : '', letters: [...catalogLetters], ...text };
}

/** What is wrong with the form; `takenCodes` are the other halls' codes. `creating` checks the letters too. */
export function hallProblems(draft: HallDraft, takenCodes: readonly string[], creating: boolean): HallProblems {
  const problems: HallProblems = {};
  const code = draft.code.trim();
  if (!code) problems.code = 'EMPTY';
  else if (!/^[A-Z][A-Z0-9]{1,7}$/.test(code)) problems.code = 'FORMAT';
  else if (takenCodes.includes(code)) problems.code = 'TAKEN';
  if (!draft.nameZh.trim()) problems.nameZh = 'EMPTY';
  for (const field of HALL_TEXT_FIELDS) if (!problems[field] && draft[field].trim().length > MAX[field]) problems[field] = 'TOO_LONG';
  const order = draft.sortOrder.trim();
  if (order && !(/^\d{1,6}$/.test(order) && Number(order) <= 100000)) problems.sortOrder = 'RANGE';
  if (creating && draft.letters.length === 0) problems.letters = 'EMPTY';
  return problems;
}

/** The body of a change: every field as typed (an emptied field is cleared), and whether it stays open. */
export function updateBody(draft: HallDraft, active?: boolean): UpdateHallBody {
  const text = Object.fromEntries(HALL_TEXT_FIELDS.map((f) => [f, draft[f].trim()])) as Record<HallTextField, string>;
  const order = draft.sortOrder.trim();
  return {
    ...text,
    code: draft.code.trim(),
    ...(order ? { sortOrder: Number(order) } : {}),
    ...(active === undefined ? {} : { active }),
  };
}

/** The body that opens a new hall: the fields filled in (empty ones take the server's defaults) and the letters offered. */
export function createBody(draft: HallDraft): CreateHallBody {
  const filled: Partial<Record<HallTextField, string>> = {};
  for (const field of HALL_TEXT_FIELDS) if (draft[field].trim()) filled[field] = draft[field].trim();
  const order = draft.sortOrder.trim();
  return {
    ...filled,
    code: draft.code.trim(),
    nameZh: draft.nameZh.trim(),
    ...(order ? { sortOrder: Number(order) } : {}),
    letters: [...draft.letters].sort(),
  };
}

/** The body that closes or reopens a hall and changes nothing else. */
export function activityBody(hall: AdminHall, active: boolean): UpdateHallBody {
  return updateBody(hallDraftOf(hall, []), active);
}
