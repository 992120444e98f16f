// Opening hours, slots, booking window and check-in window, all in the hall's own calendar.
// Every rule takes the current hall-local time as an argument; nothing here reads a clock.
import { Remembered } from './remembered.js';

export interface SlotPlan {
  start: string; // HH:mm
  end: string; // HH:mm
  capacity: number;
}

export interface TimeRange {
  start: string;
  end: string;
}

export interface ServiceSchedule {
  slots: SlotPlan[];
  openingHours: TimeRange[];
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  openWeekdays: number[];
  walkInQuota: number;
  /** Bookable dates run from today to today + bookingWindowDays, inclusive. */
  bookingWindowDays: number;
  /** Check-in opens this many minutes before a slot starts and closes when it ends. */
  checkInBeforeMinutes: number;
  /** Minutes per person assumed for waiting estimates before today's service times are known. */
  defaultServiceMinutes?: number;
  /** 最长等候: a ticket waiting longer is marked on the counters and the admin's screens (default 30). */
  maxWaitMinutes?: number;
}

/** A moment as the hall's wall clock shows it. */
export interface HallTime {
  date: string; // YYYY-MM-DD
  time: string; // HH:mm
  minutes: number; // minutes since local midnight
}

/** A calendar exception set by the hall: a holiday (closed) or a make-up working day (open). */
export type DayOverride = 'closed' | 'open';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar date in the years 1900-2999 (the hall's bookings, reports and birth dates). */
export function isValidDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function isValidTime(time: string): boolean {
  return TIME_RE.test(time);
}

export function toMinutes(time: string): number {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`not a HH:mm time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function fromMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * Date arithmetic is asked the same few questions many times a request (the booking window, each
 * slot's day, reminders …) and Date + toISOString cost microseconds each: answers are remembered.
 */
const MEMO_SIZE = 4096;
const shifted = new Remembered<string>(MEMO_SIZE);
const weekdays = new Remembered<number>(MEMO_SIZE);

export function addDays(date: string, days: number): string {
  return shifted.get(`${date}|${days}`, () => {
    const m = DATE_RE.exec(date);
    if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
    return t.toISOString().slice(0, 10);
  });
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return weekdays.get(date, () => {
    const m = DATE_RE.exec(date);
    if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
    const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
    return day === 0 ? 7 : day;
  });
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

// The last reading per zone: every request asks for "now", and a reading changes once a minute.
const lastReading = new Map<string, { minute: number; time: HallTime }>();

/** The hall's wall-clock reading of an instant. */
export function hallTime(instant: Date, timeZone: string): HallTime {
  const ms = instant.getTime();
  // Zone offsets are whole minutes since 1970 (not in older local mean times): the minute decides.
  if (!(ms >= 0)) return readClock(instant, timeZone);
  const minute = Math.floor(ms / 60_000);
  const last = lastReading.get(timeZone);
  if (last?.minute === minute) return { ...last.time };
  const time = readClock(instant, timeZone);
  lastReading.set(timeZone, { minute, time: { ...time } });
  return time;
}

function readClock(instant: Date, timeZone: string): HallTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  const time = `${parts.hour}:${parts.minute}`;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time, minutes: toMinutes(time) };
}

/** The UTC instant at which a hall-local date begins (for filtering stored instants by hall date). */
export function hallDayStart(date: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const seen = hallTime(new Date(utcMidnight), timeZone);
  const dayShift = (Date.parse(`${seen.date}T00:00:00Z`) - utcMidnight) / 60_000;
  const offsetMinutes = dayShift + seen.minutes;
  return new Date(utcMidnight - offsetMinutes * 60_000);
}

/**
 * The instant a hall-local date and time happen (a slot's start for a calendar file), exact across
 * daylight-saving changes: the wall-clock difference is corrected until the zone agrees.
 */
export function hallInstant(date: string, time: string, timeZone: string): Date {
  // Pure and asked again and again for the same few slots (every booking's reminders): remembered.
  return new Date(instants.get(`${date}T${time} ${timeZone}`, () => findHallInstant(date, time, timeZone).getTime()));
}

const instants = new Remembered<number>(10_000);

function findHallInstant(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const seen = hallTime(new Date(guess), timeZone);
    const off = wall - Date.parse(`${seen.date}T${seen.time}:00Z`);
    if (off === 0) break;
    guess += off;
  }
  return new Date(guess);
}

export function isOpenDay(schedule: ServiceSchedule, date: string, override?: DayOverride | null): boolean {
  if (override === 'closed') return false;
  if (override === 'open') return true;
  return schedule.openWeekdays.includes(weekdayOf(date));
}

export function bookingWindow(schedule: ServiceSchedule, now: HallTime): { from: string; to: string } {
  return { from: now.date, to: addDays(now.date, schedule.bookingWindowDays) };
}

export function isInBookingWindow(schedule: ServiceSchedule, date: string, now: HallTime): boolean {
  const { from, to } = bookingWindow(schedule, now);
  return date >= from && date <= to;
}

export type SlotRefusal = 'closed' | 'outside_window' | 'past' | 'full' | 'no_such_slot';

/**
 * Whether a citizen may book a place in this slot now. A slot can be booked until it starts;
 * after that the citizen takes a walk-in number instead.
 */
export function slotRefusal(
  schedule: ServiceSchedule,
  date: string,
  slotStart: string,
  now: HallTime,
  remaining: number,
  override?: DayOverride | null,
): SlotRefusal | null {
  const slot = schedule.slots.find((s) => s.start === slotStart);
  if (!slot) return 'no_such_slot';
  if (!isInBookingWindow(schedule, date, now)) return date < now.date ? 'past' : 'outside_window';
  if (!isOpenDay(schedule, date, override)) return 'closed';
  if (date === now.date && toMinutes(slot.start) <= now.minutes) return 'past';
  if (remaining <= 0) return 'full';
  return null;
}

export function findSlot(schedule: ServiceSchedule, slotStart: string): SlotPlan | undefined {
  return schedule.slots.find((s) => s.start === slotStart);
}

export function dailyCapacity(schedule: ServiceSchedule): number {
  return schedule.slots.reduce((sum, s) => sum + s.capacity, 0);
}

export type CheckInState = 'too_early' | 'open' | 'expired';

export function checkInOpensAt(slotStart: string, beforeMinutes: number): string {
  return fromMinutes(Math.max(0, toMinutes(slotStart) - beforeMinutes));
}

/** Check-in is open from `beforeMinutes` before the slot starts until the slot ends. */
export function checkInState(
  booking: { date: string; slotStart: string; slotEnd: string },
  beforeMinutes: number,
  now: HallTime,
): CheckInState {
  if (booking.date < now.date) return 'expired';
  if (booking.date > now.date) return 'too_early';
  if (now.minutes < toMinutes(booking.slotStart) - beforeMinutes) return 'too_early';
  if (now.minutes >= toMinutes(booking.slotEnd)) return 'expired';
  return 'open';
}

/** True when the slot has ended: a booking still not checked in is then missed. */
export function slotHasEnded(date: string, slotEnd: string, now: HallTime): boolean {
  return date < now.date || (date === now.date && toMinutes(slotEnd) <= now.minutes);
}

export function slotHasStarted(date: string, slotStart: string, now: HallTime): boolean {
  return date < now.date || (date === now.date && toMinutes(slotStart) <= now.minutes);
}

export function isWithinOpeningHours(schedule: ServiceSchedule, now: HallTime, override?: DayOverride | null): boolean {
  if (!isOpenDay(schedule, now.date, override)) return false;
  return schedule.openingHours.some((r) => now.minutes >= toMinutes(r.start) && now.minutes < toMinutes(r.end));
}

/**
 * Whether walk-in numbers can be taken for a service on a date, seen at `now`: open now, opening
 * later that day (at `opensAt`, e.g. before hours or over lunch), over for the day, or a day the
 * service is closed. The kiosk greys services out with it and the refusal says when they open.
 */
export type WalkInHours = { state: 'open' } | { state: 'later'; opensAt: string } | { state: 'over' } | { state: 'closed' };

export function walkInHours(schedule: ServiceSchedule, date: string, now: HallTime, override?: DayOverride | null): WalkInHours {
  if (!isOpenDay(schedule, date, override)) return { state: 'closed' };
  if (date < now.date) return { state: 'over' };
  const ranges = [...schedule.openingHours].sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
  const from = date > now.date ? -1 : now.minutes;
  if (date === now.date && ranges.some((r) => from >= toMinutes(r.start) && from < toMinutes(r.end))) return { state: 'open' };
  const next = ranges.find((r) => toMinutes(r.start) > from);
  return next ? { state: 'later', opensAt: next.start } : { state: 'over' };
}

/** Minutes since midnight after which the service takes nobody more that day. */
export function closingMinutes(schedule: Pick<ServiceSchedule, 'openingHours'>): number {
  return Math.max(0, ...schedule.openingHours.map((r) => toMinutes(r.end)));
}

/** The slot whose [start, end) contains the time, else the next slot starting later that day. */
export function slotForTime(schedule: Pick<ServiceSchedule, 'slots'>, time: string): SlotPlan | undefined {
  const t = toMinutes(time);
  const sorted = [...schedule.slots].sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
  return (
    sorted.find((s) => t >= toMinutes(s.start) && t < toMinutes(s.end)) ?? sorted.find((s) => toMinutes(s.start) > t)
  );
}

/** Problems with a schedule an administrator typed in; empty when it is usable. */
export function scheduleProblems(schedule: ServiceSchedule): string[] {
  const problems: string[] = [];
  const ranges = (list: TimeRange[], what: string) => {
    for (const r of list) {
      if (!isValidTime(r.start) || !isValidTime(r.end)) problems.push(`${what}: bad time ${r.start}-${r.end}`);
      else if (toMinutes(r.end) <= toMinutes(r.start)) problems.push(`${what}: ${r.start}-${r.end} ends before it starts`);
    }
    const sorted = list
      .filter((r) => isValidTime(r.start) && isValidTime(r.end))
      .sort((a, b) => toMinutes(a.start) - toMinutes(b.start));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1] as TimeRange;
      const cur = sorted[i] as TimeRange;
      if (toMinutes(cur.start) < toMinutes(prev.end)) problems.push(`${what}: ${prev.start} and ${cur.start} overlap`);
    }
  };
  ranges(schedule.slots, 'slot');
  ranges(schedule.openingHours, 'opening hours');
  for (const s of schedule.slots) {
    if (!Number.isInteger(s.capacity) || s.capacity < 0) problems.push(`slot ${s.start}: capacity must be a whole number ≥ 0`);
  }
  if (schedule.openWeekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) problems.push('weekdays are 1 to 7');
  if (!Number.isInteger(schedule.walkInQuota) || schedule.walkInQuota < 0) problems.push('walk-in quota must be ≥ 0');
  if (!Number.isInteger(schedule.bookingWindowDays) || schedule.bookingWindowDays < 0) problems.push('booking window must be ≥ 0 days');
  if (!Number.isInteger(schedule.checkInBeforeMinutes) || schedule.checkInBeforeMinutes < 0) {
    problems.push('check-in lead time must be ≥ 0 minutes');
  }
  return problems;
}

export const DEFAULT_SCHEDULE: ServiceSchedule = Object.freeze({
  slots: [
    { start: '09:00', end: '10:00', capacity: 10 },
    { start: '10:00', end: '11:00', capacity: 10 },
    { start: '11:00', end: '12:00', capacity: 10 },
    { start: '14:00', end: '15:00', capacity: 10 },
    { start: '15:00', end: '16:00', capacity: 10 },
  ],
  openingHours: [
    { start: '09:00', end: '12:00' },
    { start: '14:00', end: '17:00' },
  ],
  openWeekdays: [1, 2, 3, 4, 5],
  walkInQuota: 50,
  bookingWindowDays: 7,
  checkInBeforeMinutes: 60,
}) as ServiceSchedule;
