// Issue 12: every booking and walk-in has a public token; GET /api/v1/t/:token is the page a
// phone polls — number, service, hall, status, people ahead, the counter once called — and never
// anything personal.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

const TOKEN_RE = /^[A-Za-z0-9_-]{22}$/;

let t: TestApp;
let staff: Record<string, string>;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
  staff = await t.signIn('staff');
});
afterEach(() => t.close());

async function book(n: number, over: Record<string, unknown> = {}) {
  const res = await post(t.app, '/api/v1/bookings', bookingBody(person(n), over));
  expect(res.status).toBe(201);
  return res.body.booking as { number: string; publicToken: string };
}

const page = (token: string, headers: Record<string, string> = {}) => get(t.app, `/api/v1/t/${token}`, headers);

const PAGE_FIELDS = [
  'state', 'kind', 'number', 'callNumber', 'serviceLetter', 'serviceName', 'hallCode', 'hallName', 'date', 'slotStart', 'slotEnd',
  'checkIn', 'checkInOpensAt', 'waitingAhead', 'estimatedWaitMinutes', 'counterNumber', 'counterName', 'callCount', 'cancelReason', 'priority',
  'today', 'now',
];

/** Nothing personal: only the page's fields, and no ID card or phone, masked or not. */
function expectNothingPersonal(body: Record<string, unknown>, n: number) {
  expect(Object.keys(body).sort()).toEqual([...PAGE_FIELDS].sort());
  const text = JSON.stringify(body);
  expect(text).not.toContain('*');
  expect(text).not.toContain(person(n).idCard);
  expect(text).not.toContain(person(n).idCard.slice(-6));
  expect(text).not.toContain(person(n).phone.slice(0, 7));
}

describe('public tokens reach their owner', () => {
  it('booking, replay and look-up carry the same token; tokens differ per booking', async () => {
    const res = await post(t.app, '/api/v1/bookings', bookingBody(person(1)), { 'idempotency-key': 'k-1' });
    const token = res.body.booking.publicToken;
    expect(token).toMatch(TOKEN_RE);
    const replay = await post(t.app, '/api/v1/bookings', bookingBody(person(1)), { 'idempotency-key': 'k-1' });
    expect(replay.body.booking.publicToken).toBe(token);
    const other = await book(2);
    expect(other.publicToken).toMatch(TOKEN_RE);
    expect(other.publicToken).not.toBe(token);
    const lookup = await post(t.app, '/api/v1/bookings/lookup', person(1));
    expect(lookup.body.bookings[0].publicToken).toBe(token);
  });

  it('a check-in ticket keeps the booking’s token; a walk-in gets its own; staff views and events never carry one', async () => {
    const b = await book(1);
    const checkIn = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    expect(checkIn.body.tickets[0].publicToken).toBe(b.publicToken);
    t.setNow('2026-11-25T09:10:00+08:00');
    const walkIn = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    expect(walkIn.body.ticket.publicToken).toMatch(TOKEN_RE);
    expect(walkIn.body.ticket.publicToken).not.toBe(b.publicToken);
    const called = await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    expect(called.body.ticket).not.toHaveProperty('publicToken');
    const queue = await get(t.app, '/api/v1/queue', staff);
    const events = await t.store.db.selectFrom('event').select('payload').execute();
    for (const text of [JSON.stringify(queue.body), JSON.stringify(called.body), ...events.map((e) => e.payload)]) {
      expect(text).not.toContain(b.publicToken);
      expect(text).not.toContain(walkIn.body.ticket.publicToken);
    }
  });
});

describe('GET /api/v1/t/:token', () => {
  it('a booking before check-in: when check-in opens, nothing personal', async () => {
    const b = await book(7531, { slot: '14:00' });
    const res = await page(b.publicToken);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      state: 'booked',
      kind: 'booking',
      number: b.number,
      callNumber: null,
      serviceLetter: 'Y',
      serviceName: '医社保办理',
      hallCode: 'MAIN',
      date: '2026-11-25',
      slotStart: '14:00',
      checkIn: 'too_early',
      checkInOpensAt: '13:00',
      waitingAhead: null,
      counterNumber: null,
      today: '2026-11-25',
      now: '08:30',
    });
    expect(res.body.hallName).toEqual(expect.any(String));
    expectNothingPersonal(res.body, 7531);
    const en = await page(b.publicToken, { 'accept-language': 'en' });
    expect(en.body.serviceName).not.toBe('医社保办理');
    t.setNow('2026-11-25T13:05:00+08:00');
    expect((await page(b.publicToken)).body.checkIn).toBe('open');
  });

  it('after check-in: the call number and the people ahead; called: the counter', async () => {
    const first = await book(1);
    const second = await book(2);
    await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(2).idCard }, t.kiosk);
    t.setNow('2026-11-25T09:05:00+08:00');
    const waiting = await page(second.publicToken);
    expect(waiting.body).toMatchObject({ state: 'waiting', callNumber: 'Y002', waitingAhead: 1, counterNumber: null, checkIn: null });
    expect(waiting.body.estimatedWaitMinutes).toBeGreaterThan(0);
    expectNothingPersonal(waiting.body, 2);

    expect((await post(t.app, '/api/v1/counters/1/call-next', {}, staff)).body.ticket.number).toBe(first.number);
    const firstCalled = await page(first.publicToken);
    expect(firstCalled.body).toMatchObject({ state: 'called', callNumber: 'Y001', counterNumber: 1, callCount: 1, waitingAhead: null });
    expect(firstCalled.body.counterName).toEqual(expect.any(String));
    expect((await page(second.publicToken)).body).toMatchObject({ state: 'waiting', waitingAhead: 0 });

    await post(t.app, `/api/v1/tickets/${first.number}/recall`, {}, staff);
    expect((await page(first.publicToken)).body.callCount).toBe(2);
    await post(t.app, `/api/v1/tickets/${first.number}/start`, {}, staff);
    expect((await page(first.publicToken)).body).toMatchObject({ state: 'serving', counterNumber: 1 });
    await post(t.app, `/api/v1/tickets/${first.number}/complete`, {}, staff);
    expect((await page(first.publicToken)).body).toMatchObject({ state: 'served', counterNumber: null });
  });

  it('a walk-in ticket by its own token', async () => {
    t.setNow('2026-11-25T09:10:00+08:00');
    const walkIn = (await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk)).body.ticket;
    const res = await page(walkIn.publicToken);
    expect(res.body).toMatchObject({ state: 'waiting', kind: 'walk_in', number: walkIn.number, callNumber: walkIn.callNumber, slotStart: null, waitingAhead: 0 });
  });

  it('cancelled and missed bookings say so', async () => {
    const b = await book(1);
    const c = await book(3, { slot: '10:00' });
    await post(t.app, `/api/v1/bookings/${c.number}/cancel`, person(3));
    expect((await page(c.publicToken)).body).toMatchObject({ state: 'cancelled', cancelReason: 'citizen', checkIn: null });
    t.setNow('2026-11-25T10:30:00+08:00');
    expect((await page(b.publicToken)).body).toMatchObject({ state: 'missed', checkIn: null });
  });

  it.each(['AAAAAAAAAAAAAAAAAAAAAA', 'short', 'Y20261125090001', 'x'.repeat(64)])('unknown or malformed token %s: 404 TICKET_NOT_FOUND', async (token) => {
    await book(1);
    const res = await page(token);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'TICKET_NOT_FOUND', message: expect.any(String) });
  });

  it('a store written before tokens: a check-in ticket without its own token is found through its booking', async () => {
    const b = await book(1);
    await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    await t.store.db.updateTable('ticket').set({ public_token: null }).execute();
    expect((await page(b.publicToken)).body).toMatchObject({ state: 'waiting', callNumber: 'Y001' });
  });
});
