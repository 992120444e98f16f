// Issue 12: 预约取号 by a scanned code — the booking's public token or its 办事编号 — with the last 4
// characters of the ID card. A wrong last 4 answers as an unknown code, writes nothing, and counts
// against the kiosk's check-in limit like any other guess.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
});
afterEach(() => t.close());

async function book(app: TestApp, n: number, over: Record<string, unknown> = {}) {
  const res = await post(app.app, '/api/v1/bookings', bookingBody(person(n), over));
  expect(res.status).toBe(201);
  return res.body.booking as { number: string; publicToken: string };
}

const last4 = (n: number) => person(n).idCard.slice(-4);
const checkIn = (body: object, app = t) => post(app.app, '/api/v1/kiosk/check-in', body, app.kiosk);

/** What a refused check-in must leave as it was. */
async function written(app = t) {
  const db = app.store.db;
  return {
    tickets: (await db.selectFrom('ticket').select('number').execute()).length,
    checkedIn: (await db.selectFrom('booking').select('id').where('status', '=', 'checked_in').execute()).length,
    events: (await db.selectFrom('event').select('id').execute()).length,
  };
}

describe('check-in by token + last 4', () => {
  it('issues the ticket (same number, same token); again is a reprint', async () => {
    const b = await book(t, 1);
    const res = await checkIn({ token: b.publicToken, idCardLast4: last4(1) });
    expect(res.status).toBe(200);
    expect(res.body.reprint).toBe(false);
    expect(res.body.tickets).toEqual([expect.objectContaining({ number: b.number, kind: 'booking', status: 'waiting', publicToken: b.publicToken })]);
    expect((await checkIn({ token: b.publicToken, idCardLast4: last4(1) })).body.reprint).toBe(true);
    expect(await written()).toMatchObject({ tickets: 1, checkedIn: 1 });
  });

  it('X in either case', async () => {
    // person(n) whose ID ends in X.
    let n = 1;
    while (!person(n).idCard.endsWith('X')) n++;
    const b = await book(t, n);
    const res = await checkIn({ token: b.publicToken, idCardLast4: last4(n).toLowerCase() });
    expect(res.status).toBe(200);
  });

  it('only that booking: the same person’s other booking today stays as it is', async () => {
    const b = await book(t, 1);
    await book(t, 1, { serviceId: 2, slot: '09:00' });
    const res = await checkIn({ token: b.publicToken, idCardLast4: last4(1) });
    expect(res.body.tickets).toHaveLength(1);
    expect(await written()).toMatchObject({ tickets: 1, checkedIn: 1 });
  });

  it('a wrong last 4 is answered as an unknown code and writes nothing', async () => {
    const b = await book(t, 1);
    const before = await written();
    const wrong = String((Number(last4(1).slice(0, 3)) + 1) % 1000).padStart(3, '0') + last4(1).slice(3);
    const res = await checkIn({ token: b.publicToken, idCardLast4: wrong });
    const unknown = await checkIn({ token: 'AAAAAAAAAAAAAAAAAAAAAA', idCardLast4: last4(1) });
    expect(res.status).toBe(404);
    expect(res.body).toEqual(unknown.body);
    expect(res.body).toMatchObject({ code: 'NO_BOOKING' });
    expect(await written()).toEqual(before);
  });

  it('a walk-in’s token is not a booking', async () => {
    t.setNow('2026-11-25T09:10:00+08:00');
    const walkIn = (await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk)).body.ticket;
    expect((await checkIn({ token: walkIn.publicToken, idCardLast4: '0000' })).body.code).toBe('NO_BOOKING');
  });

  it('the same rules as by ID card: too early (another day too), expired, cancelled, served', async () => {
    const later = await book(t, 1, { slot: '14:00' });
    expect((await checkIn({ token: later.publicToken, idCardLast4: last4(1) })).body).toMatchObject({ code: 'TOO_EARLY', details: { opensAt: '13:00' } });
    const tomorrow = await book(t, 2, { date: '2026-11-26' });
    expect((await checkIn({ token: tomorrow.publicToken, idCardLast4: last4(2) })).body).toMatchObject({
      code: 'TOO_EARLY',
      details: { opensAt: '2026-11-26 08:00' },
    });
    const cancelled = await book(t, 3);
    await post(t.app, `/api/v1/bookings/${cancelled.number}/cancel`, person(3));
    expect((await checkIn({ token: cancelled.publicToken, idCardLast4: last4(3) })).body.code).toBe('NO_BOOKING');
    const served = await book(t, 4);
    await checkIn({ token: served.publicToken, idCardLast4: last4(4) });
    await t.store.db.updateTable('booking').set({ status: 'served' }).where('number', '=', served.number).execute();
    expect((await checkIn({ token: served.publicToken, idCardLast4: last4(4) })).body.code).toBe('BOOKING_SERVED');
    const expired = await book(t, 5, { slot: '11:00' });
    t.setNow('2026-11-25T12:30:00+08:00');
    expect((await checkIn({ token: expired.publicToken, idCardLast4: last4(5) })).body.code).toBe('BOOKING_EXPIRED');
  });

  it('a booking in another hall: BOOKING_OTHER_HALL naming it', async () => {
    const mayor = await t.signIn('city_admin');
    const east = { code: 'CD', nameZh: '城东政务服务中心', nameEn: 'East', districtZh: '城东区', districtEn: 'East', addressZh: '东大街 1 号' };
    expect((await post(t.app, '/api/v1/admin/halls', east, mayor)).status).toBe(201);
    const services = (await t.app.inject({ method: 'GET', url: '/api/v1/halls/CD/services' })).json().services;
    const b = await book(t, 1, { serviceId: services.find((s: { letter: string }) => s.letter === 'Y').id });
    const res = await checkIn({ token: b.publicToken, idCardLast4: last4(1) });
    expect(res.body).toMatchObject({ code: 'BOOKING_OTHER_HALL', details: { hallCode: 'CD' } });
    expect(await written()).toMatchObject({ tickets: 0, checkedIn: 0 });
  });
});

describe('check-in by 办事编号 + last 4 (confirmations printed before tokens)', () => {
  it('right and wrong', async () => {
    const b = await book(t, 1);
    expect((await checkIn({ number: b.number, idCardLast4: '9999' })).body.code).toBe('NO_BOOKING');
    expect(await written()).toMatchObject({ tickets: 0, checkedIn: 0 });
    const res = await checkIn({ number: b.number, idCardLast4: last4(1) });
    expect(res.status).toBe(200);
    expect(res.body.tickets[0]).toMatchObject({ number: b.number, publicToken: b.publicToken });
  });
});

describe('malformed bodies: 400, nothing written', () => {
  it.each([
    [{ token: 'short', idCardLast4: '0011' }],
    [{ token: 'AAAAAAAAAAAAAAAAAAAAAA' }],
    [{ token: 'AAAAAAAAAAAAAAAAAAAAAA', idCardLast4: '001' }],
    [{ token: 'AAAAAAAAAAAAAAAAAAAAAA', idCardLast4: 'X011' }],
    [{ token: 'AAAAAAAAAAAAAAAAAAAAAA', idCardLast4: '00111' }],
    [{ number: 'Y20261125090001' }],
    [{ number: 'not-a-number', idCardLast4: '0011' }],
    [{ number: 'Y20261125090001', token: 'AAAAAAAAAAAAAAAAAAAAAA', idCardLast4: '0011' }],
    [{ idCard: '110105196001010011', idCardLast4: '0011' }],
    [{ idCardLast4: '0011' }],
    [{}],
  ])('%j', async (body) => {
    const b = await book(t, 1);
    const before = await written();
    const res = await checkIn(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION');
    expect(await written()).toEqual(before);
    void b;
  });
});

describe('wrong last 4 count against the kiosk’s check-in limit', () => {
  let limited: TestApp;
  beforeEach(async () => {
    limited = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', rateLimitPerMinute: 1000, kioskRateLimitPerMinute: 3 });
  });
  afterEach(() => limited.close());

  it('three wrong guesses, then even the right one is refused with 429 until the window ends', async () => {
    const b = await book(limited, 1);
    for (const guess of ['0000', '1111', '2222']) {
      expect((await checkIn({ token: b.publicToken, idCardLast4: guess }, limited)).body.code).toBe('NO_BOOKING');
    }
    const refused = await checkIn({ token: b.publicToken, idCardLast4: last4(1) }, limited);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(await written(limited)).toMatchObject({ tickets: 0, checkedIn: 0 });
    limited.setNow('2026-11-25T08:31:30+08:00');
    expect((await checkIn({ token: b.publicToken, idCardLast4: last4(1) }, limited)).status).toBe(200);
  });
});
