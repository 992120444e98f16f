import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS, RETRY_FOR_MS, afterFailure, isQuiet, minutesUntilAllowed, parseQuietHours, quietEndsAt, reminderMoments, retryDelayMs } from './delivery.js';

const hm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

describe('quiet hours', () => {
  it.each([
    ['20:59', false, 0],
    ['21:00', true, 11 * 60],
    ['23:30', true, 8 * 60 + 30],
    ['00:00', true, 8 * 60],
    ['07:59', true, 1],
    ['08:00', false, 0],
    ['12:00', false, 0],
  ])('at %s quiet=%s, allowed in %i minutes (21:00-08:00)', (t, quiet, wait) => {
    expect(isQuiet(DEFAULT_QUIET_HOURS, hm(t))).toBe(quiet);
    expect(minutesUntilAllowed(DEFAULT_QUIET_HOURS, hm(t))).toBe(wait);
  });

  it('a period inside one day, and none', () => {
    const lunch = parseQuietHours('12:00-13:30');
    if (!lunch || lunch === 'invalid') throw new Error('parse');
    expect(isQuiet(lunch, hm('11:59'))).toBe(false);
    expect(minutesUntilAllowed(lunch, hm('12:10'))).toBe(80);
    expect(isQuiet(lunch, hm('13:30'))).toBe(false);
    expect(parseQuietHours('off')).toBeNull();
    expect(minutesUntilAllowed(null, hm('03:00'))).toBe(0);
  });

  it.each(['21:00', '21:00-21:00', '25:00-08:00', '9:00-10:00', ''])('refuses "%s"', (t) => {
    expect(parseQuietHours(t)).toBe('invalid');
  });
});

describe('retries', () => {
  it('doubles from 30 s to at most an hour, jittered over the upper half', () => {
    expect(retryDelayMs(1, 0)).toBe(15_000);
    expect(retryDelayMs(1, 1)).toBe(30_000);
    expect(retryDelayMs(2, 1)).toBe(60_000);
    expect(retryDelayMs(3, 0.5)).toBe(90_000);
    expect(retryDelayMs(20, 1)).toBe(3_600_000);
    expect(retryDelayMs(40, 0)).toBe(1_800_000);
  });

  it('gives up 24 hours after the message was first due', () => {
    const due = Date.parse('2026-12-03T01:00:00Z');
    expect(afterFailure(due, due + 1000, 1, 0)).toEqual({ retryAt: due + 16_000 });
    expect(afterFailure(due, due + RETRY_FOR_MS - 10 * 60_000, 12, 1)).toEqual({ give: 'up' });
    expect(afterFailure(due, due + RETRY_FOR_MS - 3_600_000, 12, 0)).toEqual({ retryAt: due + RETRY_FOR_MS - 1_800_000 });
  });
});

describe('reminders', () => {
  const plan = { dayBeforeAt: '18:00', beforeMinutes: 60 };
  it('a booking days ahead gets both reminders', () => {
    expect(reminderMoments(plan, '2026-12-05', hm('09:30'), { date: '2026-12-02', minutes: hm('10:00') }, '2026-12-04')).toEqual([
      { kind: 'booking.reminder_day', at: { date: '2026-12-04', minutes: hm('18:00') } },
      { kind: 'booking.reminder_hour', at: { date: '2026-12-05', minutes: hm('08:30') } },
    ]);
  });
  it('a booking made after 18:00 for tomorrow gets only the hour-before one; one for today maybe none', () => {
    expect(reminderMoments(plan, '2026-12-03', hm('09:30'), { date: '2026-12-02', minutes: hm('19:00') }, '2026-12-02').map((r) => r.kind)).toEqual(['booking.reminder_hour']);
    expect(reminderMoments(plan, '2026-12-02', hm('14:00'), { date: '2026-12-02', minutes: hm('09:00') }, '2026-12-01').map((r) => r.kind)).toEqual(['booking.reminder_hour']);
    expect(reminderMoments(plan, '2026-12-02', hm('14:00'), { date: '2026-12-02', minutes: hm('12:55') }, '2026-12-01')).toEqual([]);
    expect(reminderMoments(plan, '2026-12-02', hm('14:00'), { date: '2026-12-02', minutes: hm('13:30') }, '2026-12-01')).toEqual([]);
  });
  it('either reminder can be switched off', () => {
    expect(reminderMoments({ dayBeforeAt: null, beforeMinutes: 0 }, '2026-12-05', hm('09:30'), { date: '2026-12-02', minutes: 0 }, '2026-12-04')).toEqual([]);
  });
});

describe('when the quiet hours end', () => {
  const quiet = DEFAULT_QUIET_HOURS;
  it('is the next 08:00 at a whole minute, from late evening or early morning; null outside them', () => {
    // 22:30:45 in Shanghai (UTC+8) is 14:30:45Z: 9 h 30 min to 08:00.
    expect(quietEndsAt(quiet, Date.parse('2026-11-25T14:30:45Z'), 22 * 60 + 30)).toBe('2026-11-26T00:00:00.000Z');
    expect(quietEndsAt(quiet, Date.parse('2026-11-25T23:59:10Z'), 7 * 60 + 59)).toBe('2026-11-26T00:00:00.000Z');
    expect(quietEndsAt(quiet, Date.parse('2026-11-25T00:00:00Z'), 8 * 60)).toBeNull();
    expect(quietEndsAt(null, Date.parse('2026-11-25T14:30:00Z'), 22 * 60 + 30)).toBeNull();
  });
});
