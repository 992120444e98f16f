// The kiosk prints a ticket from its own service's queue and times only (hall-view's
// presentTickets), not from a read of the whole hall. What it prints must be exactly what the
// whole hall says about that ticket: place, estimated wait, counter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hallTime } from '../../src/domain/schedule.js';
import { DEFAULT_PRIORITY_OPTIONS } from '../../src/server/priority-config.js';
import { findTicketByNumber } from '../../src/server/repositories/ticket.repository.js';
import { hallState, ticketOf } from '../../src/server/services/hall-state.js';
import { bookingBody, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
let staff: Record<string, string>;
let now = '';
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
  staff = await t.signIn('staff');
});
afterEach(() => t.close());

const at = (time: string) => {
  now = `2026-11-25T${time}:00+08:00`;
  t.setNow(now);
};
const walkIn = async (serviceId: number) => {
  const res = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId }, t.kiosk);
  expect(res.status).toBe(201);
  return res.body.ticket;
};
const act = async (url: string) => {
  const res = await post(t.app, url, {}, staff);
  expect(res.status).toBe(200);
  return res.body.ticket;
};

/** The ticket as a read of the whole hall presents it. */
async function asTheWholeHallSaysIt(number: string) {
  const record = await findTicketByNumber(t.store.db, number);
  if (!record) throw new Error(`no ticket ${number}`);
  const instant = new Date(now);
  const shown = ticketOf(
    await hallState(t.store.db, 1, '2026-11-25'),
    record,
    { instant, iso: instant.toISOString(), local: hallTime(instant, 'Asia/Shanghai') },
    'zh',
    DEFAULT_PRIORITY_OPTIONS,
  );
  // The kiosk's answer also hands its holder the ticket's page token (staff views never carry it).
  expect(shown).not.toHaveProperty('publicToken');
  return { ...shown, publicToken: record.publicToken };
}

describe('a printed ticket', () => {
  it('says what the whole hall says: place, wait from the measured times, counter', async () => {
    // Five 4-minute services at counter 1 (医社保): estimates use them, not the configured default.
    for (const [start, end] of [['09:00', '09:04'], ['09:10', '09:14'], ['09:20', '09:24'], ['09:30', '09:34'], ['09:40', '09:44']] as const) {
      at(start);
      const { number } = await walkIn(1);
      await act('/api/v1/counters/1/call-next');
      await act(`/api/v1/tickets/${number}/start`);
      at(end);
      await act(`/api/v1/tickets/${number}/complete`);
    }
    // Another service's queue, counter and times, which must not count.
    at('09:50');
    for (let i = 0; i < 3; i++) await walkIn(2);
    await act('/api/v1/counters/2/call-next');

    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { slot: '10:00' }))).status).toBe(201);
    at('10:00');
    const checkIn = () => post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    const [booked] = (await checkIn()).body.tickets;
    for (let i = 0; i < 3; i++) await walkIn(1);

    at('10:05');
    const printed = await walkIn(1);
    // Behind the booking whose slot has begun and three walk-ins, at 4 minutes each at one counter.
    expect(printed).toMatchObject({ waitingAhead: 4, estimatedWaitMinutes: 16, counterNumber: null });
    expect(printed).toEqual(await asTheWholeHallSaysIt(printed.number));
    const elsewhere = await walkIn(2);
    expect(elsewhere).toEqual(await asTheWholeHallSaysIt(elsewhere.number));

    // Called to counter 1, the booking's ticket reprints with its counter.
    expect((await act('/api/v1/counters/1/call-next')).number).toBe(booked.number);
    const reprint = await checkIn();
    expect(reprint.body.tickets).toEqual([await asTheWholeHallSaysIt(booked.number)]);
    expect(reprint.body.tickets[0]).toMatchObject({ status: 'called', counterNumber: 1, waitingAhead: 0 });
  });
});
