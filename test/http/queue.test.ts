import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp, testContext } from '../support/test-app.js';

let t: TestApp;
let staff: Record<string, string>;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
  staff = await t.signIn('staff');
});
afterEach(() => t.close());

const walkIn = async (serviceId = 1) => (await post(t.app, '/api/v1/kiosk/walk-in', { serviceId }, t.kiosk)).body.ticket.number as string;
const act = (number: string, action: string, body: object = {}) => post(t.app, `/api/v1/tickets/${number}/${action}`, body, staff);
const callNext = (counter = 1) => post(t.app, `/api/v1/counters/${counter}/call-next`, {}, staff);

describe('a day at counter 1 (serves 医社保)', () => {
  it('call, recall, start, complete: the display and the counts follow', async () => {
    t.setNow('2026-11-25T09:10:00+08:00');
    const a = await walkIn();
    const b = await walkIn();
    const called = await callNext();
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ number: a, status: 'called', counterNumber: 1 });
    expect(called.body.counter).toMatchObject({ number: 1, current: { number: a } });

    const display = await get(t.app, '/api/v1/display', t.display);
    expect(display.body.calls[0]).toMatchObject({ number: a, callNumber: 'Y001', counterNumber: 1, callCount: 1, state: 'calling' });
    expect(display.body.waiting.find((w: { serviceId: number }) => w.serviceId === 1).count).toBe(1);

    expect((await act(a, 'recall')).body.ticket.status).toBe('called');
    expect((await get(t.app, '/api/v1/display', t.display)).body.calls[0].callCount).toBe(2);
    expect((await act(a, 'start')).body.ticket.status).toBe('serving');
    t.setNow('2026-11-25T09:16:00+08:00');
    const done = await act(a, 'complete');
    expect(done.body.ticket.status).toBe('served');
    expect(done.body.counter).toMatchObject({ current: null, servedToday: 1 });

    const queue = await get(t.app, '/api/v1/queue?serviceIds=1', staff);
    expect(queue.body.queues[0]).toMatchObject({ servedToday: 1, averageServiceMinutes: 6 });
    expect(queue.body.queues[0].waiting.map((w: { number: string }) => w.number)).toEqual([b]);
    expect(queue.body.queues[0].waiting[0].waitedMinutes).toBe(6);
  });

  it('a counter holds one open ticket; the queue can run empty', async () => {
    t.setNow('2026-11-25T09:10:00+08:00');
    await walkIn();
    await walkIn();
    const first = await callNext();
    const busy = await callNext();
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ code: 'COUNTER_BUSY', details: { number: first.body.ticket.number } });
    await act(first.body.ticket.number, 'no-show');
    await callNext();
    const last = (await get(t.app, '/api/v1/counters', staff)).body.counters[0].current.number;
    await act(last, 'complete');
    expect((await callNext()).body.code).toBe('QUEUE_EMPTY');
  });

  it('checked-in bookings whose slot has started come before walk-ins', async () => {
    await post(t.app, '/api/v1/bookings', bookingBody(person(1), { slot: '09:00' }));
    t.setNow('2026-11-25T08:40:00+08:00');
    await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    t.setNow('2026-11-25T09:01:00+08:00');
    const walk = await walkIn();
    const walkTicket = (await get(t.app, '/api/v1/queue?serviceIds=1', staff)).body.queues[0].waiting;
    expect(walkTicket.map((w: { number: string }) => w.number)).toEqual(['Y20261125090001', walk]);
    expect((await callNext()).body.ticket.number).toBe('Y20261125090001');
    await act('Y20261125090001', 'complete');
    const lookup = await post(t.app, '/api/v1/bookings/lookup', person(1));
    expect(lookup.body.bookings[0].status).toBe('served');
  });

  it('calls a particular number out of order, and transfers a ticket to another service', async () => {
    t.setNow('2026-11-25T09:10:00+08:00');
    const a = await walkIn();
    const b = await walkIn();
    const out = await post(t.app, `/api/v1/tickets/${b}/call`, { counter: 1 }, staff);
    expect(out.body.ticket).toMatchObject({ number: b, status: 'called' });
    const moved = await act(b, 'transfer', { serviceId: 2 });
    expect(moved.body.ticket).toMatchObject({ number: b, status: 'waiting', serviceId: 2 });
    const queue = await get(t.app, '/api/v1/queue', staff);
    expect(queue.body.queues.find((q: { serviceId: number }) => q.serviceId === 2).waiting[0]).toMatchObject({ number: b, transferred: true });
    const again = await callNext(2);
    expect(again.body.ticket).toMatchObject({ number: b, callCount: 1 });
    expect((await get(t.app, '/api/v1/display', t.display)).body.calls[0]).toMatchObject({ number: b, counterNumber: 2, callCount: 1 });
    expect((await callNext(1)).body.ticket.number).toBe(a);
    // A counter only calls numbers of its own services.
    const c = await walkIn(3);
    expect((await post(t.app, `/api/v1/tickets/${c}/call`, { counter: 4 }, staff)).body.code).toBe('TICKET_STATE');
  });

  it('refuses actions a ticket is not ready for', async () => {
    t.setNow('2026-11-25T09:10:00+08:00');
    const a = await walkIn();
    expect((await act(a, 'start')).body.code).toBe('TICKET_STATE');
    expect((await act('Y20261125091099', 'complete')).body.code).toBe('TICKET_NOT_FOUND');
    expect((await callNext(99)).body.code).toBe('COUNTER_NOT_FOUND');
  });

  it('the kiosk ticket shows people ahead and an estimated wait', async () => {
    t.setNow('2026-11-25T09:10:00+08:00');
    await walkIn();
    await walkIn();
    const third = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    expect(third.body.ticket).toMatchObject({ waitingAhead: 2, estimatedWaitMinutes: 20 });
  });

  it('a counter can be set up to serve several services', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/counters/7', payload: { name: '综合窗口', serviceIds: [1, 2] }, headers: staff });
    expect(res.statusCode).toBe(200);
    expect(res.json().counters.find((c: { number: number }) => c.number === 7)).toMatchObject({ name: '综合窗口', serviceIds: [1, 2] });
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/counters/7', payload: { name: 'x', serviceIds: [99] }, headers: staff });
    expect(bad.json().code).toBe('SERVICE_NOT_FOUND');
  });
});

describe('end of day', () => {
  it('closes waiting tickets after hours and marks never-checked-in bookings missed', async () => {
    const { closeDay } = await import('../../src/server/services/day-close.service.js');
    await post(t.app, '/api/v1/bookings', bookingBody(person(2), { slot: '15:00' }));
    t.setNow('2026-11-25T16:30:00+08:00');
    const a = await walkIn();
    let clock = Date.parse('2026-11-25T16:59:00+08:00');
    const ctx = testContext(t.store.db, () => new Date(clock), 'x'.repeat(20));
    expect(await closeDay(ctx)).toEqual({ tickets: 0, bookings: 1 });
    clock = Date.parse('2026-11-25T17:00:00+08:00');
    expect(await closeDay(ctx)).toEqual({ tickets: 1, bookings: 0 });
    const row = await t.store.db.selectFrom('ticket').select('status').where('number', '=', a).executeTakeFirstOrThrow();
    expect(row.status).toBe('closed');
    const booking = await t.store.db.selectFrom('booking').select('status').executeTakeFirstOrThrow();
    expect(booking.status).toBe('missed');
    expect(await closeDay(ctx)).toEqual({ tickets: 0, bookings: 0 });
  });
});

describe('honest waits', () => {
  it('one start-and-finish within a second does not make the next people "soon"', async () => {
    t.setNow('2026-11-25T09:10:00+08:00');
    const a = await walkIn();
    await act(a, 'call', { counter: 1 });
    await act(a, 'start');
    t.setNow('2026-11-25T09:10:00.800+08:00');
    await act(a, 'complete');
    await walkIn();
    await walkIn();
    const third = (await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk)).body.ticket;
    expect(third.waitingAhead).toBe(2);
    // Y's configured default (10 min) still decides: one measured service is not enough to go by.
    expect(third.estimatedWaitMinutes).toBe(20);
    const queue = (await get(t.app, '/api/v1/queue?serviceIds=1', staff)).body.queues[0];
    expect(queue.estimatedWaitMinutes).toBeGreaterThan(0);
  });
});
