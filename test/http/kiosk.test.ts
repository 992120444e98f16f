import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, counts, post } from '../support/http.js';
import { person } from '../support/people.js';
import { createDevice } from '../../src/server/services/auth.service.js';
import { type TestApp, makeTestApp, testContext } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
});
afterEach(() => t.close());

async function book(n: number, over: Record<string, unknown> = {}) {
  const res = await post(t.app, '/api/v1/bookings', bookingBody(person(n), over));
  expect(res.status).toBe(201);
  return res.body.booking.number as string;
}

describe('POST /api/v1/kiosk/check-in (预约取号)', () => {
  it('checks in today’s booking with the same number and never changes the counts', async () => {
    const number = await book(1);
    const before = await counts(t.app);
    const res = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard.toLowerCase() }, t.kiosk);
    expect(res.status).toBe(200);
    expect(res.body.reprint).toBe(false);
    expect(res.body.tickets).toEqual([
      expect.objectContaining({ number, kind: 'booking', serviceLetter: 'Y', slotStart: '09:00', status: 'waiting', waitingAhead: 0 }),
    ]);
    expect(await counts(t.app)).toEqual(before);
    const lookup = await post(t.app, '/api/v1/bookings/lookup', person(1));
    expect(lookup.body.bookings[0].status).toBe('checked_in');
  });

  it('checking in again reprints the same ticket, never a second one', async () => {
    await book(1);
    const first = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    const again = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    expect(again.body.reprint).toBe(true);
    expect(again.body.tickets.map((x: { number: string }) => x.number)).toEqual(first.body.tickets.map((x: { number: string }) => x.number));
    expect(await t.store.db.selectFrom('ticket').select('number').execute()).toHaveLength(1);
  });

  it('concurrent check-ins of one card issue one ticket', async () => {
    await book(1);
    const results = await Promise.all(Array.from({ length: 6 }, () => post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.reprint === false)).toHaveLength(1);
    expect(await t.store.db.selectFrom('ticket').select('number').execute()).toHaveLength(1);
  });

  it('counts who is waiting ahead', async () => {
    await book(1);
    await book(2);
    await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    const second = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(2).idCard }, t.kiosk);
    expect(second.body.tickets[0].waitingAhead).toBe(1);
  });

  it('无预约记录 when there is no booking today', async () => {
    await book(1, { date: '2026-11-26' });
    const res = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NO_BOOKING', message: '无预约记录' });
  });

  it('too early: says when check-in opens', async () => {
    await book(1, { slot: '14:00' });
    const res = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'TOO_EARLY', details: { opensAt: '13:00' }, message: '还未到取号时间，请于 13:00 后取号' });
    expect(await t.store.db.selectFrom('ticket').select('number').execute()).toHaveLength(0);
  });

  it('expired: advises a walk-in number', async () => {
    await book(1);
    t.setNow('2026-11-25T10:00:00+08:00');
    const res = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('BOOKING_EXPIRED');
  });

  it('a cancelled booking is no booking', async () => {
    const number = await book(1);
    await post(t.app, `/api/v1/bookings/${number}/cancel`, person(1));
    expect((await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk)).body.code).toBe('NO_BOOKING');
  });

  it('refuses an invalid card number without touching anything', async () => {
    const res = await post(t.app, '/api/v1/kiosk/check-in', { idCard: '123' }, t.kiosk);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_ID_CARD');
  });
});

describe('POST /api/v1/kiosk/walk-in (现场取号)', () => {
  it('issues numbers from the current minute, in order, and counts them', async () => {
    t.setNow('2026-11-25T09:30:10+08:00');
    const a = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    const b = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    expect(a.status).toBe(201);
    expect(a.body.ticket).toMatchObject({ number: 'Y20261125093001', kind: 'walk_in', status: 'waiting', waitingAhead: 0 });
    expect(b.body.ticket).toMatchObject({ number: 'Y20261125093002', waitingAhead: 1 });
    expect(await counts(t.app)).toMatchObject({ walkInIssued: 2, reserved: 0 });
  });

  it('a walk-in never takes a booked slot’s number', async () => {
    await book(1);
    t.setNow('2026-11-25T09:00:30+08:00');
    const res = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    expect(res.body.ticket.number).toBe('Y20261125090002');
  });

  it.each([
    ['2026-11-25T08:59:00+08:00'],
    ['2026-11-25T12:00:00+08:00'],
    ['2026-11-25T17:00:00+08:00'],
    ['2026-11-28T10:00:00+08:00'],
  ])('HALL_CLOSED at %s', async (at) => {
    t.setNow(at);
    const res = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('HALL_CLOSED');
    expect(await t.store.db.selectFrom('ticket').select('number').execute()).toHaveLength(0);
  });

  it('WALK_IN_FULL after the day’s quota', async () => {
    t.setNow('2026-11-25T10:00:00+08:00');
    const all = await Promise.all(Array.from({ length: 55 }, () => post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 2 }, t.kiosk)));
    expect(all.filter((r) => r.status === 201)).toHaveLength(50);
    expect(all.filter((r) => r.body.code === 'WALK_IN_FULL')).toHaveLength(5);
    const numbers = all.filter((r) => r.status === 201).map((r) => r.body.ticket.number);
    expect(new Set(numbers).size).toBe(50);
    expect(await counts(t.app, '2026-11-25', 2)).toMatchObject({ walkInIssued: 50 });
  });

  it('unknown service: SERVICE_NOT_FOUND', async () => {
    t.setNow('2026-11-25T10:00:00+08:00');
    expect((await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 9 }, t.kiosk)).body.code).toBe('SERVICE_NOT_FOUND');
  });
});

describe('per-kiosk limit on check-in (a kiosk cannot sweep ID numbers)', () => {
  let limited: TestApp;
  beforeEach(async () => {
    limited = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', rateLimitPerMinute: 1000, kioskRateLimitPerMinute: 3 });
  });
  afterEach(() => limited.close());

  it('refuses the kiosk past its limit with 429 and Retry-After; another kiosk is not affected', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await post(limited.app, '/api/v1/kiosk/check-in', { idCard: person(300 + i).idCard }, limited.kiosk);
      expect(res.body.code).toBe('NO_BOOKING');
    }
    const refused = await limited.app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/check-in',
      payload: { idCard: person(303).idCard },
      headers: limited.kiosk,
    });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another paired kiosk has its own count, even from the same address.
    const ctx = testContext(limited.store.db);
    const second = {
      authorization: `Bearer ${(await createDevice(ctx, 1, 'kiosk', '取号机2')).token}`,
    };
    expect((await post(limited.app, '/api/v1/kiosk/check-in', { idCard: person(304).idCard }, second)).body.code).toBe('NO_BOOKING');
    const staff = await limited.signIn('staff');
    expect((await post(limited.app, '/api/v1/kiosk/check-in', { idCard: person(305).idCard }, staff)).body.code).toBe('NO_BOOKING');
  });
});
