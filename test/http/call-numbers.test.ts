// 叫号号码: one short number per service and day that grows by one with every ticket issued
// (check-ins and walk-ins alike) — the number on the ticket, the board, the counter, the phone
// page and in the voice call are the same.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
let staff: Record<string, string>;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
  staff = await t.signIn('staff');
});
afterEach(() => t.close());

const walkIn = async (serviceId = 1) => (await post(t.app, '/api/v1/kiosk/walk-in', { serviceId }, t.kiosk)).body.ticket;
const checkIn = async (n: number) => (await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(n).idCard }, t.kiosk)).body.tickets[0];
const act = (number: string, action: string, body: object = {}) => post(t.app, `/api/v1/tickets/${number}/${action}`, body, staff);

describe('call numbers', () => {
  it('grow by one per service and day, in the order tickets are issued, check-ins and walk-ins alike', async () => {
    await post(t.app, '/api/v1/bookings', bookingBody(person(1), { slot: '10:00' }));
    await post(t.app, '/api/v1/bookings', bookingBody(person(2), { slot: '10:00' }));
    t.setNow('2026-11-25T09:10:00+08:00');
    const issued = [await walkIn(), await checkIn(1), await walkIn(2), await walkIn(), await checkIn(2)];
    expect(issued.map((x) => x.callNumber)).toEqual(['Y001', 'Y002', 'H001', 'Y003', 'Y004']);
    // The 办事编号 stays the record.
    expect(issued[1].number).toBe('Y20261125100001');
  });

  it('start again the next day', async () => {
    t.setNow('2026-11-25T09:10:00+08:00');
    expect((await walkIn()).callNumber).toBe('Y001');
    t.setNow('2026-11-26T09:10:00+08:00');
    expect((await walkIn()).callNumber).toBe('Y001');
  });

  it('are the same on the counter, the queue, the board and the phone page; a transfer keeps the number', async () => {
    await post(t.app, '/api/v1/bookings', bookingBody(person(3), { slot: '10:00' }));
    t.setNow('2026-11-25T09:10:00+08:00');
    const walk = await walkIn();
    const booked = await checkIn(3);
    const queue = await get(t.app, '/api/v1/queue?serviceIds=1', staff);
    expect(queue.body.queues[0].waiting.map((w: { callNumber: string }) => w.callNumber).sort()).toEqual(['Y001', 'Y002']);
    const called = await post(t.app, `/api/v1/tickets/${booked.number}/call`, { counter: 1 }, staff);
    expect(called.body.ticket.callNumber).toBe('Y002');
    expect(called.body.counter.current.callNumber).toBe('Y002');
    const board = await get(t.app, '/api/v1/display', t.display);
    expect(board.body.calls[0]).toMatchObject({ callNumber: 'Y002', counterNumber: 1, state: 'calling' });
    const lookup = await post(t.app, '/api/v1/bookings/lookup', person(3));
    expect(lookup.body.bookings[0]).toMatchObject({ status: 'checked_in', callNumber: 'Y002' });

    await act(booked.number, 'transfer', { serviceId: 2 });
    const moved = await get(t.app, '/api/v1/queue?serviceIds=2', staff);
    expect(moved.body.queues[0].waiting[0]).toMatchObject({ number: booked.number, callNumber: 'Y002', transferred: true });
    // The walk-in keeps its own.
    expect((await act(walk.number, 'call', { counter: 1 })).body.ticket.callNumber).toBe('Y001');
  });
});

describe('the board shows only live calls', () => {
  it('a transferred, passed or completed call is never the large call; the recent list says how it ended', async () => {
    t.setNow('2026-11-25T09:10:00+08:00');
    const [a, b, c] = [await walkIn(), await walkIn(), await walkIn()];
    await act(a.number, 'call', { counter: 1 });
    await act(a.number, 'no-show');
    await act(b.number, 'call', { counter: 1 });
    await act(b.number, 'transfer', { serviceId: 2 });
    let board = (await get(t.app, '/api/v1/display', t.display)).body;
    expect(board.calls.map((x: { callNumber: string; state: string }) => [x.callNumber, x.state])).toEqual([
      ['Y002', 'transferred'],
      ['Y001', 'no_show'],
    ]);
    // Nothing is live: no call may send people to counter 1, which is idle.
    expect(board.calls.filter((x: { state: string }) => x.state === 'calling' || x.state === 'serving')).toEqual([]);

    await act(c.number, 'call', { counter: 1 });
    await act(c.number, 'start');
    board = (await get(t.app, '/api/v1/display', t.display)).body;
    expect(board.calls[0]).toMatchObject({ callNumber: 'Y003', state: 'serving', counterNumber: 1 });
    await act(c.number, 'complete');
    board = (await get(t.app, '/api/v1/display', t.display)).body;
    expect(board.calls[0]).toMatchObject({ callNumber: 'Y003', state: 'served' });
    // The transferred ticket, called at its new counter, is live again under the same number.
    t.setNow('2026-11-25T09:12:00+08:00');
    await post(t.app, '/api/v1/counters/2/call-next', {}, staff);
    board = (await get(t.app, '/api/v1/display', t.display)).body;
    expect(board.calls[0]).toMatchObject({ callNumber: 'Y002', state: 'calling', counterNumber: 2 });
  });
});
