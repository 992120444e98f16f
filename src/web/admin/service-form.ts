// The service editor's form: what the manager types (strings, rows with ids), the checks made
// before sending (the same rules as src/domain/schedule.ts, said per field), and the body sent.
// Pure: no React, no fetch.
import type { AdminService, ServiceInput } from '../../contracts/admin.js';
import { DEFAULT_SCHEDULE, fromMinutes, isValidTime, scheduleProblems, toMinutes } from '../../domain/schedule.js';

export interface RangeRow {
  id: number;
  start: string;
  end: string;
}

export interface SlotRow extends RangeRow {
  capacity: string;
}

export type QueueOrder = ServiceInput['queueOrder'];

export interface ServiceDraft {
  letter: string;
  nameZh: string;
  nameEn: string;
  slots: SlotRow[];
  hours: RangeRow[];
  weekdays: number[];
  walkInQuota: string;
  bookingWindowDays: string;
  checkInBeforeMinutes: string;
  /** Empty: the server's default. */
  defaultServiceMinutes: string;
  /** Empty: the default (30). */
  maxWaitMinutes: string;
  queueOrder: QueueOrder;
  sortOrder: string;
}

export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Letters no other service uses (a service keeps its own). */
export function freeLetters(services: readonly Pick<AdminService, 'id' | 'letter'>[], exceptId: number | null): string[] {
  const taken = new Set(services.filter((s) => s.id !== exceptId).map((s) => s.letter));
  return LETTERS.filter((l) => !taken.has(l));
}

const numbered = <T extends object>(rows: readonly T[]): (T & { id: number })[] => rows.map((r, i) => ({ ...r, id: i + 1 }));

/** The form for an existing service, or for a new one (the hall's usual plan, the first free letter). */
export function draftOf(service: AdminService | null, services: readonly AdminService[]): ServiceDraft {
  const schedule = service?.schedule ?? DEFAULT_SCHEDULE;
  return {
    letter: service?.letter ?? freeLetters(services, null)[0] ?? '',
    nameZh: service?.nameZh ?? '',
    nameEn: service?.nameEn ?? '',
    slots: numbered(schedule.slots.map((s) => ({ start: s.start, end: s.end, capacity: String(s.capacity) }))),
    hours: numbered(schedule.openingHours.map((h) => ({ start: h.start, end: h.end }))),
    weekdays: [...schedule.openWeekdays].sort(),
    walkInQuota: String(schedule.walkInQuota),
    bookingWindowDays: String(schedule.bookingWindowDays),
    checkInBeforeMinutes: String(schedule.checkInBeforeMinutes),
    defaultServiceMinutes: schedule.defaultServiceMinutes === undefined ? '' : String(schedule.defaultServiceMinutes),
    maxWaitMinutes: schedule.maxWaitMinutes === undefined ? '' : String(schedule.maxWaitMinutes),
    queueOrder: service?.queueOrder ?? 'priority',
    sortOrder: service ? String(service.sortOrder) : '',
  };
}

/** An id for a new row, unique in its list. */
export function nextRowId(rows: readonly { id: number }[]): number {
  return rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;
}

/** A new slot after the last one, as long as the last (one hour if there is none). */
export function appendSlot(slots: readonly SlotRow[]): SlotRow[] {
  const last = slots.at(-1);
  let start = '09:00';
  let length = 60;
  if (last && isValidTime(last.start) && isValidTime(last.end) && toMinutes(last.end) > toMinutes(last.start)) {
    start = last.end;
    length = toMinutes(last.end) - toMinutes(last.start);
  }
  const from = Math.min(toMinutes(start), 23 * 60);
  const end = fromMinutes(Math.min(from + length, 23 * 60 + 59));
  return [...slots, { id: nextRowId(slots), start: fromMinutes(from), end, capacity: last?.capacity ?? '10' }];
}

/** Slots of `minutes` each filling every opening-hours range, each with `capacity` places. */
export function slotsFromHours(hours: readonly RangeRow[], minutes: number, capacity: number): SlotRow[] {
  const slots: SlotRow[] = [];
  if (!Number.isInteger(minutes) || minutes < 5) return slots;
  const usable = hours
    .filter((h) => isValidTime(h.start) && isValidTime(h.end) && toMinutes(h.end) > toMinutes(h.start))
    .sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
  for (const h of usable) {
    for (let t = toMinutes(h.start); t + minutes <= toMinutes(h.end) && slots.length < 48; t += minutes) {
      slots.push({ id: slots.length + 1, start: fromMinutes(t), end: fromMinutes(t + minutes), capacity: String(capacity) });
    }
  }
  return slots;
}

export type FieldProblem = 'EMPTY' | 'FORMAT' | 'TAKEN' | 'TOO_LONG' | 'RANGE' | 'TIME' | 'ORDER' | 'OVERLAP' | 'NONE';

export interface RowProblems {
  start?: FieldProblem;
  end?: FieldProblem;
  capacity?: FieldProblem;
}

export type ScalarField =
  | 'letter'
  | 'nameZh'
  | 'nameEn'
  | 'weekdays'
  | 'walkInQuota'
  | 'bookingWindowDays'
  | 'checkInBeforeMinutes'
  | 'defaultServiceMinutes'
  | 'maxWaitMinutes'
  | 'sortOrder'
  | 'hours';

export interface DraftProblems {
  fields: Partial<Record<ScalarField, FieldProblem>>;
  slots: Record<number, RowProblems>;
  hours: Record<number, RowProblems>;
}

export function problemCount(p: DraftProblems): number {
  const rows = (r: Record<number, RowProblems>) => Object.values(r).reduce((n, x) => n + Object.keys(x).length, 0);
  return Object.keys(p.fields).length + rows(p.slots) + rows(p.hours);
}

/** A whole number in [min, max] typed as digits, or null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d{1,6}$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

function numberProblem(text: string, min: number, max: number): FieldProblem | undefined {
  if (!text.trim()) return 'EMPTY';
  return wholeNumber(text, min, max) === null ? 'RANGE' : undefined;
}

function rangeRows<T extends RangeRow>(rows: readonly T[], extra?: (row: T) => FieldProblem | undefined): Record<number, RowProblems> {
  const out: Record<number, RowProblems> = {};
  const put = (id: number, field: keyof RowProblems, problem: FieldProblem) => {
    out[id] = { ...out[id], [field]: out[id]?.[field] ?? problem };
  };
  for (const r of rows) {
    if (!isValidTime(r.start)) put(r.id, 'start', 'TIME');
    if (!isValidTime(r.end)) put(r.id, 'end', 'TIME');
    else if (isValidTime(r.start) && toMinutes(r.end) <= toMinutes(r.start)) put(r.id, 'end', 'ORDER');
    const capacity = extra?.(r);
    if (capacity) put(r.id, 'capacity', capacity);
  }
  const sorted = rows.filter((r) => isValidTime(r.start) && isValidTime(r.end)).sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as T;
    const cur = sorted[i] as T;
    if (toMinutes(cur.start) < toMinutes(prev.end)) put(cur.id, 'start', 'OVERLAP');
  }
  return out;
}

/** Everything wrong with the form, by field and by row; nothing when it may be sent. */
export function draftProblems(draft: ServiceDraft, services: readonly Pick<AdminService, 'id' | 'letter'>[], editingId: number | null): DraftProblems {
  const fields: DraftProblems['fields'] = {};
  const letter = draft.letter.trim();
  if (!letter) fields.letter = 'EMPTY';
  else if (!/^[A-Z]$/.test(letter)) fields.letter = 'FORMAT';
  else if (!freeLetters(services, editingId).includes(letter)) fields.letter = 'TAKEN';
  for (const key of ['nameZh', 'nameEn'] as const) {
    const name = draft[key].trim();
    if (!name) fields[key] = 'EMPTY';
    else if (name.length > 100) fields[key] = 'TOO_LONG';
  }
  if (draft.hours.length === 0) fields.hours = 'NONE';
  if (draft.weekdays.length === 0) fields.weekdays = 'NONE';
  const numbers: [ScalarField & keyof ServiceDraft, number, number, boolean][] = [
    ['walkInQuota', 0, 100000, true],
    ['bookingWindowDays', 0, 366, true],
    ['checkInBeforeMinutes', 0, 720, true],
    ['defaultServiceMinutes', 1, 240, false],
    ['maxWaitMinutes', 1, 480, false],
    ['sortOrder', 0, 1000, false],
  ];
  for (const [key, min, max, required] of numbers) {
    const text = draft[key] as string;
    if (!required && !text.trim()) continue;
    const problem = numberProblem(text, min, max);
    if (problem) fields[key] = problem;
  }
  return {
    fields,
    slots: rangeRows(draft.slots, (s) => numberProblem(s.capacity, 0, 10000)),
    hours: rangeRows(draft.hours),
  };
}

/** The body to send; only meaningful when draftProblems() found nothing. */
export function serviceInputOf(draft: ServiceDraft): ServiceInput {
  const n = (text: string) => Number(text.trim());
  const input: ServiceInput = {
    letter: draft.letter.trim(),
    nameZh: draft.nameZh.trim(),
    nameEn: draft.nameEn.trim(),
    schedule: {
      slots: draft.slots.map((s) => ({ start: s.start, end: s.end, capacity: n(s.capacity) })).sort((a, b) => a.start.localeCompare(b.start)),
      openingHours: draft.hours.map((h) => ({ start: h.start, end: h.end })).sort((a, b) => a.start.localeCompare(b.start)),
      openWeekdays: [...new Set(draft.weekdays)].sort(),
      walkInQuota: n(draft.walkInQuota),
      bookingWindowDays: n(draft.bookingWindowDays),
      checkInBeforeMinutes: n(draft.checkInBeforeMinutes),
    },
    queueOrder: draft.queueOrder,
  };
  if (draft.defaultServiceMinutes.trim()) input.schedule.defaultServiceMinutes = n(draft.defaultServiceMinutes);
  if (draft.maxWaitMinutes.trim()) input.schedule.maxWaitMinutes = n(draft.maxWaitMinutes);
  if (draft.sortOrder.trim()) input.sortOrder = n(draft.sortOrder);
  return input;
}

/** The domain's own verdict on the body (the server's rule); the form's checks should have caught all of it. */
export function domainProblems(input: ServiceInput): string[] {
  return scheduleProblems(input.schedule);
}

/** Slots that lie (partly) outside the opening hours: allowed, but worth a word. */
export function slotsOutsideHours(draft: ServiceDraft): number[] {
  const hours = draft.hours.filter((h) => isValidTime(h.start) && isValidTime(h.end));
  return draft.slots
    .filter((s) => isValidTime(s.start) && isValidTime(s.end))
    .filter((s) => !hours.some((h) => toMinutes(s.start) >= toMinutes(h.start) && toMinutes(s.end) <= toMinutes(h.end)))
    .map((s) => s.id);
}

/** The daily capacity the plan offers (rows with a readable capacity). */
export function plannedCapacity(slots: readonly SlotRow[]): number {
  return slots.reduce((sum, s) => sum + (wholeNumber(s.capacity, 0, 10000) ?? 0), 0);
}

/** Whether the form differs from where it started. */
export function isDirty(draft: ServiceDraft, initial: ServiceDraft): boolean {
  const strip = (d: ServiceDraft) => JSON.stringify({ ...d, slots: d.slots.map(({ id: _, ...r }) => r), hours: d.hours.map(({ id: _, ...r }) => r) });
  return strip(draft) !== strip(initial);
}
