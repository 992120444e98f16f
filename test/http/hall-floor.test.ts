// Issue 10, "what the hall floor noticed", on the server: walk-in hours the kiosk can show, the
// opening time in HALL_CLOSED, BOOKING_SERVED, 余号数量 that counts only bookable places, the
// reason of a closed day, booking statuses for a device's remembered list, the hall's time zone,
// bookings per day in the calendar, names in the audit log, and walk-ins counted where issued.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { bookingBody, counts, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
});
afterEach(() => t.close());

const walkInOf = async (serviceId = 1) => (await get(t.app, '/api/v1/services')).body.services.find((s: { id: number }) => s.id === serviceId).walkIn;
const put = async (url: string, payload: object, headers: Record<string, string>) => {
  const res = await t.app.inject({ method: 'PUT', url, payload, headers });
  return { status: res.statusCode, body: res.json() };
};

describe('walk-in hours (the kiosk greys services out and says when they open)', () => {
  it('before opening: the service list says when, and the refusal too', async () => {
    expect(await walkInOf()).toMatchObject({ quota: 50, remaining: 50, hours: 'later', opensAt: '09:00' });
    const refused = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    expect(refused.status).toBe(422);
    expect(refused.body).toEqual({ code: 'HALL_CLOSED', message: '现在不在办理时间内，09:00 开始办理', details: { opensAt: '09:00' } });
    const en = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, { ...t.kiosk, 'accept-language': 'en' });
    expect(en.body.message).toBe('The hall is not serving this now; it opens at 09:00');
    expect(await t.store.db.selectFrom('ticket').select('id').execute()).toEqual([]);
  });

  it('open, over lunch, and after hours', async () => {
    t.setNow('2026-11-25T10:00:00+08:00');
    expect(await walkInOf()).toMatchObject({ hours: 'open' });
    expect((await walkInOf()).opensAt).toBeUndefined();
    t.setNow('2026-11-25T12:30:00+08:00');
    expect(await walkInOf()).toMatchObject({ hours: 'later', opensAt: '14:00' });
    expect((await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk)).body.details).toEqual({ opensAt: '14:00' });
    t.setNow('2026-11-25T17:30:00+08:00');
    expect(await walkInOf()).toMatchObject({ hours: 'over' });
    const over = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    expect(over.body).toMatchObject({ code: 'HALL_CLOSED', message: '现在不在办理时间内', details: {} });
  });

  it('a weekend day is closed', async () => {
    const { body } = await get(t.app, '/api/v1/services?date=2026-11-28');
    expect(body.services[0].walkIn).toMatchObject({ quota: 0, hours: 'closed' });
  });
});

describe('BOOKING_SERVED at the kiosk', () => {
  it('someone already served is told so, not 无预约记录', async () => {
    const staff = await t.signIn('staff');
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1)))).status).toBe(201);
    t.setNow('2026-11-25T09:05:00+08:00');
    expect((await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk)).status).toBe(200);
    const called = await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    expect((await post(t.app, `/api/v1/tickets/${called.body.ticket.number}/complete`, {}, staff)).status).toBe(200);
    const again = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'BOOKING_SERVED', message: '该预约已办结' });
    const en = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, { ...t.kiosk, 'accept-language': 'en' });
    expect(en.body.message).toBe('This booking has already been served');
    // Nobody else is affected: no booking at all is still 无预约记录.
    expect((await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(2).idCard }, t.kiosk)).body.code).toBe('NO_BOOKING');
  });
});

describe('余号数量 counts only what can still be booked', () => {
  it('at 09:05 the 09:00 slot is gone: 40 left, in the list and in the availability alike', async () => {
    await post(t.app, '/api/v1/bookings', bookingBody(person(1), { slot: '10:00' }));
    expect((await counts(t.app)).remaining).toBe(49);
    t.setNow('2026-11-25T09:05:00+08:00');
    expect(await counts(t.app)).toMatchObject({ reserved: 1, remaining: 39 });
    const { body } = await get(t.app, '/api/v1/services/1/availability');
    expect(body.service).toMatchObject({ reserved: 1, remaining: 39 });
    expect(body.days[0]).toMatchObject({ date: '2026-11-25', reserved: 1, remaining: 39, capacity: 50 });
    expect(body.days[0].slots[0]).toMatchObject({ start: '09:00', remaining: 10, bookable: false, reason: 'past' });
    // Tomorrow is untouched.
    expect(body.days[1]).toMatchObject({ date: '2026-11-26', remaining: 50 });
    const booked = await post(t.app, '/api/v1/bookings', bookingBody(person(2), { slot: '11:00' }));
    expect(booked.body.remaining).toBe(38);
    t.setNow('2026-11-25T16:00:00+08:00');
    expect((await counts(t.app)).remaining).toBe(0);
  });

  it('a closed day says why: the calendar (with its note) or the weekly plan', async () => {
    const admin = await t.signIn('admin');
    expect((await put('/api/v1/admin/calendar/2026-11-27', { kind: 'closed', note: '设备检修' }, admin)).status).toBe(200);
    expect((await put('/api/v1/admin/calendar/2026-11-26', { kind: 'closed' }, admin)).status).toBe(200);
    const { body } = await get(t.app, '/api/v1/services/1/availability');
    const day = (date: string) => body.days.find((d: { date: string }) => d.date === date);
    expect(day('2026-11-25')).toMatchObject({ open: true });
    expect(day('2026-11-25').closedBy).toBeUndefined();
    expect(day('2026-11-26')).toMatchObject({ open: false, closedBy: 'calendar' });
    expect(day('2026-11-26').closedNote).toBeUndefined();
    expect(day('2026-11-27')).toMatchObject({ open: false, closedBy: 'calendar', closedNote: '设备检修' });
    expect(day('2026-11-28')).toMatchObject({ open: false, closedBy: 'schedule' });
  });
});

describe('booking statuses for the device that keeps them', () => {
  it('answers the status of a remembered booking, by its token only, with nothing personal', async () => {
    const made = await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    const { number, statusToken } = made.body.booking;
    expect(statusToken).toMatch(/^[0-9a-f]{32}$/);
    const lookup = await post(t.app, '/api/v1/bookings/lookup', person(1));
    expect(lookup.body.bookings[0].statusToken).toBe(statusToken);

    const ask = (items: object[]) => post(t.app, '/api/v1/bookings/statuses', { bookings: items });
    expect((await ask([{ number, token: statusToken }])).body).toEqual({ bookings: [{ number, status: 'booked' }] });
    // Cancelled elsewhere (another phone, the counter's PC): the device learns it.
    expect((await post(t.app, `/api/v1/bookings/${number}/cancel`, person(1))).status).toBe(200);
    expect((await ask([{ number, token: statusToken }])).body).toEqual({ bookings: [{ number, status: 'cancelled', cancelReason: 'citizen' }] });
    // A guessed number, or a token of another booking, answers nothing.
    const other = await post(t.app, '/api/v1/bookings', bookingBody(person(2)));
    expect((await ask([{ number, token: other.body.booking.statusToken }])).body).toEqual({ bookings: [] });
    expect((await ask([{ number: other.body.booking.number, token: '0'.repeat(32) }])).body).toEqual({ bookings: [] });
    expect((await ask([{ number, token: 'x' }])).body).toEqual({ bookings: [] });
    expect((await ask(Array.from({ length: 21 }, () => ({ number, token: statusToken })))).status).toBe(400);
  });
});

describe('the hall for every screen', () => {
  it('GET /api/v1/hall gives the time zone and the hall clock, to anyone', async () => {
    const res = await get(t.app, '/api/v1/hall');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 'MAIN',
      timeZone: 'Asia/Shanghai',
      today: '2026-11-25',
      now: '08:30',
    });
  });
});

describe('admin: calendar, audit log, reports', () => {
  it('the calendar tells the bookings per day (cancelled ones do not count)', async () => {
    const admin = await t.signIn('admin');
    await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-26' }));
    await post(t.app, '/api/v1/bookings', bookingBody(person(2), { date: '2026-11-26', serviceId: 2 }));
    await post(t.app, '/api/v1/bookings', bookingBody(person(3), { date: '2026-11-27' }));
    const gone = await post(t.app, '/api/v1/bookings', bookingBody(person(4), { date: '2026-11-27', serviceId: 3 }));
    await post(t.app, `/api/v1/bookings/${gone.body.booking.number}/cancel`, person(4));
    const res = await get(t.app, '/api/v1/admin/calendar?from=2026-11-01&to=2026-11-30', admin);
    expect(res.body.bookings).toEqual([
      { date: '2026-11-26', count: 2 },
      { date: '2026-11-27', count: 1 },
    ]);
  });

  it('the audit log names devices and services', async () => {
    const admin = await t.signIn('admin');
    const staff = await t.signIn('staff');
    const made = await post(t.app, '/api/v1/devices', { kind: 'kiosk', name: '东门取号机' }, admin);
    await post(t.app, `/api/v1/devices/${made.body.device.id}/revoke`, {}, admin);
    t.setNow('2026-11-25T09:30:00+08:00');
    const ticket = (await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk)).body.ticket.number;
    await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    expect((await post(t.app, `/api/v1/tickets/${ticket}/transfer`, { serviceId: 2 }, staff)).status).toBe(200);
    const entries = (await get(t.app, '/api/v1/audit', admin)).body.entries;
    const of = (action: string) => entries.find((e: { action: string }) => e.action === action);
    expect(of('device.create')).toMatchObject({ target: `kiosk #${made.body.device.id}`, names: { target: '东门取号机' } });
    expect(of('device.revoke')).toMatchObject({ target: `device #${made.body.device.id}`, names: { target: '东门取号机' } });
    expect(of('ticket.transfer')).toMatchObject({ details: { from: 1, to: 2 }, names: { from: 'Y 医社保办理', to: 'H 护照通行证办理' } });
    const en = (await get(t.app, '/api/v1/audit?action=ticket.', { ...admin, 'accept-language': 'en' })).body.entries[0];
    expect(en.names.from).toMatch(/^Y /);
    expect(en.names.from).not.toContain('医社保');
  });

  it('现场取号 per service counts where the number was issued, through transfers', async () => {
    const admin = await t.signIn('admin');
    const staff = await t.signIn('staff');
    t.setNow('2026-11-25T09:30:00+08:00');
    const ticket = (await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk)).body.ticket.number;
    await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    await post(t.app, `/api/v1/tickets/${ticket}/transfer`, { serviceId: 2 }, staff);
    // Counter 2 serves 护照: it takes the ticket and moves it on to 房产 (3).
    await post(t.app, '/api/v1/counters/2/call-next', {}, staff);
    await post(t.app, `/api/v1/tickets/${ticket}/transfer`, { serviceId: 3 }, staff);
    const report = (await get(t.app, '/api/v1/reports/daily?from=2026-11-25&to=2026-11-25', admin)).body.rows;
    const walkIns = Object.fromEntries(report.map((r: { serviceId: number; walkIns: number }) => [r.serviceId, r.walkIns]));
    expect(walkIns).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0 });
    expect(report.find((r: { serviceId: number }) => r.serviceId === 3).waiting).toBe(1);
    expect((await get(t.app, '/api/v1/admin/today', admin)).body.services.find((r: { serviceId: number }) => r.serviceId === 1).walkIns).toBe(1);
    // The store's own check agrees: service 1 issued one walk-in number, and one walk-in ticket is its.
    expect((await checkInvariants(t.store.db)).problems).toEqual([]);
  });
});
