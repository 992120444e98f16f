// 过号 that can be put right: undo within a minute at the counter; a passed citizen comes back
// once (kiosk with the ID card, or staff) and rejoins behind REQUEUE_BEHIND (3) waiting tickets.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
let staff: Record<string, string>;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T09:10:00+08:00' });
  staff = await t.signIn('staff');
});
afterEach(() => t.close());

const walkIn = async () => (await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk)).body.ticket.number as string;
const act = (number: string, action: string, body: object = {}) => post(t.app, `/api/v1/tickets/${number}/${action}`, body, staff);
const waiting = async () =>
  (await get(t.app, '/api/v1/queue?serviceIds=1', staff)).body.queues[0].waiting.map((w: { callNumber: string }) => w.callNumber);

describe('undo 过号', () => {
  it('within a minute the ticket is open at its counter again, as it was', async () => {
    const a = await walkIn();
    await act(a, 'call', { counter: 1 });
    await act(a, 'start');
    await act(a, 'no-show');
    t.setNow('2026-11-25T09:10:55+08:00');
    const undone = await act(a, 'undo-no-show');
    expect(undone.status).toBe(200);
    expect(undone.body.ticket).toMatchObject({ number: a, status: 'serving', counterNumber: 1 });
    expect(undone.body.counter.current.number).toBe(a);
    const board = (await get(t.app, '/api/v1/display', t.display)).body;
    expect(board.calls[0]).toMatchObject({ number: a, state: 'serving' });
  });

  it('after a minute it is final', async () => {
    const a = await walkIn();
    await act(a, 'call', { counter: 1 });
    await act(a, 'no-show');
    t.setNow('2026-11-25T09:11:01+08:00');
    const late = await act(a, 'undo-no-show');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('TICKET_STATE');
  });

  it('not when the counter has called someone else meanwhile', async () => {
    const [a] = [await walkIn(), await walkIn()];
    await act(a as string, 'call', { counter: 1 });
    await act(a as string, 'no-show');
    await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    const busy = await act(a as string, 'undo-no-show');
    expect(busy.body.code).toBe('COUNTER_BUSY');
  });
});

describe('a passed citizen comes back', () => {
  it('staff put the number back behind three waiting tickets, once', async () => {
    const a = await walkIn();
    await act(a, 'call', { counter: 1 });
    await act(a, 'no-show');
    for (let i = 0; i < 5; i++) await walkIn();
    expect(await waiting()).toEqual(['Y002', 'Y003', 'Y004', 'Y005', 'Y006']);
    const back = await act(a, 'requeue');
    expect(back.status).toBe(200);
    expect(back.body.ticket).toMatchObject({ status: 'waiting', callNumber: 'Y001', waitingAhead: 3 });
    expect(await waiting()).toEqual(['Y002', 'Y003', 'Y004', 'Y001', 'Y005', 'Y006']);
    // Called again, passed again: no second return.
    for (let i = 0; i < 4; i++) {
      const called = await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
      if (called.body.ticket.number === a) {
        expect(called.body.ticket.callCount).toBe(1);
        await act(a, 'no-show');
      } else await act(called.body.ticket.number, 'complete');
    }
    expect((await act(a, 'requeue')).body.code).toBe('TICKET_STATE');
  });

  it('at the kiosk with the ID card, for a booked number; a second time the kiosk says to ask staff', async () => {
    const p = person(1);
    await post(t.app, '/api/v1/bookings', bookingBody(p, { slot: '10:00' }));
    const ticket = (await post(t.app, '/api/v1/kiosk/check-in', { idCard: p.idCard }, t.kiosk)).body.tickets[0];
    await act(ticket.number, 'call', { counter: 1 });
    await act(ticket.number, 'no-show');
    await walkIn();
    const again = await post(t.app, '/api/v1/kiosk/check-in', { idCard: p.idCard }, t.kiosk);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ reprint: false, tickets: [{ number: ticket.number, status: 'waiting', waitingAhead: 1 }] });

    await post(t.app, '/api/v1/counters/1/call-next', {}, staff).then((r) => act(r.body.ticket.number, 'complete'));
    const second = await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    expect(second.body.ticket.number).toBe(ticket.number);
    await act(ticket.number, 'no-show');
    const refused = await post(t.app, '/api/v1/kiosk/check-in', { idCard: p.idCard }, t.kiosk);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'TICKET_PASSED', message: '您的号已过号，且已重新排过一次队，请联系工作人员' });
  });
});
