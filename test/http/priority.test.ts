// Issue 15: 优先 tickets. 老年人 from the ID card at the kiosk (and declining it), the groups a citizen
// declares or staff set at the counter, call-next's order, the 绿色通道 reserve, and what is shown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeIdCard } from '../../src/domain/id-card.js';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
let staff: Record<string, string>;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T10:00:00+08:00' });
  staff = await t.signIn('staff');
});
afterEach(() => t.close());

/** Born 1956-11-25: 70 today (2026-11-25), the default PRIORITY_AGE. */
const ELDERLY = composeIdCard('11010519561125003');
/** Born 1956-11-26: 70 only tomorrow. */
const ALMOST = composeIdCard('11010519561126003');

const walkIn = (body: Record<string, unknown>) => post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1, ...body }, t.kiosk);
const ticketRows = () => t.store.db.selectFrom('ticket').selectAll().orderBy('id').execute();
const callNext = async (counter = 1) => {
  const res = await post(t.app, `/api/v1/counters/${counter}/call-next`, {}, staff);
  expect(res.status).toBe(200);
  return res.body.ticket.number as string;
};
const finish = async (number: string) => expect((await post(t.app, `/api/v1/tickets/${number}/complete`, {}, staff)).status).toBe(200);

describe('优先 · 老年人 at the kiosk', () => {
  it('a walk-in with an elderly ID card gets 优先 · 老年人; only the group is kept, not the card or the birth date', async () => {
    const res = await walkIn({ idCard: ELDERLY });
    expect(res.status).toBe(201);
    expect(res.body.ticket.priority).toBe('elderly');
    const [row] = await ticketRows();
    expect(row?.priority).toBe('elderly');
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(ELDERLY.slice(6, 14));
    expect(stored).not.toContain('1956');
    expect(stored).not.toContain(ELDERLY.slice(-6));
  });

  it('the citizen may decline it, and a card one day short of PRIORITY_AGE or no card gives a normal ticket', async () => {
    expect((await walkIn({ idCard: ELDERLY, priority: 'none' })).body.ticket.priority).toBeNull();
    expect((await walkIn({ idCard: ALMOST })).body.ticket.priority).toBeNull();
    expect((await walkIn({})).body.ticket.priority).toBeNull();
    expect((await ticketRows()).map((r) => r.priority)).toEqual([null, null, null]);
  });

  it('a group chosen at the kiosk is put on the ticket for staff to check', async () => {
    expect((await walkIn({ priority: 'pregnant' })).body.ticket.priority).toBe('pregnant');
    expect((await walkIn({ idCard: person(3).idCard, priority: 'military' })).body.ticket.priority).toBe('military');
  });

  it('a wrong ID card or an unknown group is refused and nothing is written', async () => {
    const bad = await walkIn({ idCard: `${ELDERLY.slice(0, 17)}${ELDERLY.endsWith('0') ? '1' : '0'}` });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_ID_CARD');
    const unknown = await walkIn({ priority: 'elderly' });
    expect(unknown.status).toBe(400);
    expect(await ticketRows()).toHaveLength(0);
  });

  it('预约取号 with an elderly ID card gives the check-in ticket 优先 · 老年人, or not when declined', async () => {
    const old = { idCard: ELDERLY, phone: person(1).phone };
    const other = { idCard: composeIdCard('11010519501231004'), phone: person(2).phone };
    t.setNow('2026-11-25T08:30:00+08:00');
    expect((await post(t.app, '/api/v1/bookings', bookingBody(old))).status).toBe(201);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(other))).status).toBe(201);
    t.setNow('2026-11-25T08:50:00+08:00');
    const checked = await post(t.app, '/api/v1/kiosk/check-in', { idCard: ELDERLY }, t.kiosk);
    expect(checked.status).toBe(200);
    expect(checked.body.tickets[0].priority).toBe('elderly');
    const declined = await post(t.app, '/api/v1/kiosk/check-in', { idCard: other.idCard, priority: 'none' }, t.kiosk);
    expect(declined.body.tickets[0].priority).toBeNull();
    // The phone's ticket page says so too.
    const page = await get(t.app, `/api/v1/t/${checked.body.tickets[0].publicToken}`);
    expect(page.body.priority).toBe('elderly');
  });
});

describe('优先 · 老年人 at a check-in by scanned code (no ID card read)', () => {
  const last4 = (card: string) => card.slice(-4);
  const book = async (idCard: string, phone: string, over: Record<string, unknown> = {}) => {
    const res = await post(t.app, '/api/v1/bookings', bookingBody({ idCard, phone }, over));
    expect(res.status).toBe(201);
    return res.body.booking as { number: string; publicToken: string };
  };
  const scan = (b: { publicToken: string }, idCard: string, extra: Record<string, unknown> = {}) =>
    post(t.app, '/api/v1/kiosk/check-in', { token: b.publicToken, idCardLast4: last4(idCard), ...extra }, t.kiosk);
  beforeEach(() => t.setNow('2026-11-25T08:30:00+08:00'));

  it('the booking kept the age on its day, so the scanned code gives 优先 · 老年人; nothing of the birth date is stored', async () => {
    const old = await book(ELDERLY, person(1).phone);
    const young = await book(ALMOST, person(2).phone);
    const stored = JSON.stringify(await t.store.db.selectFrom('booking').selectAll().execute());
    expect(stored).not.toContain('1956');
    expect(stored).not.toContain(ELDERLY.slice(6, 14));
    t.setNow('2026-11-25T08:50:00+08:00');
    const a = await scan(old, ELDERLY);
    expect(a.status).toBe(200);
    expect(a.body.tickets[0].priority).toBe('elderly');
    // 70 only tomorrow: a normal ticket today.
    expect((await scan(young, ALMOST)).body.tickets[0].priority).toBeNull();
  });

  it('a hall that does not honour 老年人 gives the scanned code a normal ticket', async () => {
    const admin = await t.signIn('admin');
    const rule = { groups: ['disabled', 'pregnant', 'military'], age: 70, maxPasses: 3, maxExtraMinutes: 15, reserve: 5 };
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/admin/priority/rule', payload: rule, headers: admin })).statusCode).toBe(200);
    const old = await book(ELDERLY, person(1).phone);
    t.setNow('2026-11-25T08:50:00+08:00');
    const res = await scan(old, ELDERLY);
    expect(res.status).toBe(200);
    expect(res.body.tickets[0].priority).toBeNull();
  });

  it('the citizen may decline it or choose a group staff will check', async () => {
    const a = await book(ELDERLY, person(1).phone);
    const b = await book(person(3).idCard, person(3).phone);
    t.setNow('2026-11-25T08:50:00+08:00');
    expect((await scan(a, ELDERLY, { priority: 'none' })).body.tickets[0].priority).toBeNull();
    expect((await scan(b, person(3).idCard, { priority: 'pregnant' })).body.tickets[0].priority).toBe('pregnant');
  });

  it('a 代办 booking’s code (shown by the agent, whose age is not known) gives no automatic 老年人', async () => {
    const child = person(4);
    const res = await post(t.app, '/api/v1/bookings', bookingBody({ idCard: ELDERLY, phone: child.phone }, { agent: { idCard: child.idCard, relation: 'child' } }));
    expect(res.status).toBe(201);
    t.setNow('2026-11-25T08:50:00+08:00');
    const scanned = await scan(res.body.booking, ELDERLY);
    expect(scanned.status).toBe(200);
    expect(scanned.body.tickets[0].priority).toBeNull();
  });
});

describe('call-next with 优先 tickets', () => {
  it('calls priority tickets first, but never more than PRIORITY_MAX_PASSES (3) in a row past a normal ticket', async () => {
    const normal = (await walkIn({})).body.ticket.number;
    const p: string[] = [];
    for (let i = 0; i < 4; i++) p.push((await walkIn({ priority: 'disabled' })).body.ticket.number);
    const later = (await walkIn({})).body.ticket.number;
    // The counter's list shows the order it will call in, with the group.
    const queue = await get(t.app, '/api/v1/queue?serviceIds=1', staff);
    const waiting = queue.body.queues[0].waiting;
    expect(waiting.map((w: { number: string }) => w.number)).toEqual([p[0], p[1], p[2], normal, p[3], later]);
    expect(waiting[0].priority).toBe('disabled');
    expect(waiting[3].priority).toBeNull();
    // The printed place of the normal ticket counts the priority tickets that will go first.
    const called: string[] = [];
    for (let i = 0; i < 6; i++) {
      const number = await callNext();
      called.push(number);
      await finish(number);
    }
    expect(called).toEqual([p[0], p[1], p[2], normal, p[3], later]);
  });

  it('the display board and the counter show 优先 with the group', async () => {
    await walkIn({ idCard: ELDERLY });
    const number = await callNext();
    const board = await get(t.app, '/api/v1/display', staff);
    expect(board.body.calls[0]).toMatchObject({ number, priority: 'elderly' });
    const counters = await get(t.app, '/api/v1/counters', staff);
    expect(counters.body.counters.find((c: { number: number }) => c.number === 1).current).toMatchObject({ number, priority: 'elderly' });
  });
});

describe('staff set the group at the counter', () => {
  it('sets, changes and clears a waiting ticket’s group, audited; the next call follows it', async () => {
    const first = (await walkIn({})).body.ticket.number;
    const second = (await walkIn({})).body.ticket.number;
    const set = await post(t.app, `/api/v1/tickets/${second}/priority`, { priority: 'military' }, staff);
    expect(set.status).toBe(200);
    expect(set.body.ticket.priority).toBe('military');
    expect(set.body.ticket.waitingAhead).toBe(0);
    const admin = await t.signIn('admin');
    const audit = await get(t.app, '/api/v1/audit', admin);
    expect(audit.body.entries).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'ticket.priority', target: second })]));
    expect(await callNext()).toBe(second);
    // Cleared: a normal ticket again.
    const third = (await walkIn({ priority: 'pregnant' })).body.ticket.number;
    expect((await post(t.app, `/api/v1/tickets/${third}/priority`, { priority: null }, staff)).body.ticket.priority).toBeNull();
    await finish(second);
    expect(await callNext()).toBe(first);
  });

  it('refuses an unknown group (400), a finished ticket (409) and an unknown number (404), changing nothing', async () => {
    const number = (await walkIn({})).body.ticket.number;
    expect((await post(t.app, `/api/v1/tickets/${number}/priority`, { priority: 'vip' }, staff)).status).toBe(400);
    await callNext();
    await finish(number);
    const done = await post(t.app, `/api/v1/tickets/${number}/priority`, { priority: 'elderly' }, staff);
    expect(done.status).toBe(409);
    expect(done.body.code).toBe('TICKET_STATE');
    const unknown = `${number.slice(0, -1)}${number.endsWith('9') ? '8' : '9'}`;
    expect((await post(t.app, `/api/v1/tickets/${unknown}/priority`, { priority: 'elderly' }, staff)).status).toBe(404);
    expect((await ticketRows()).map((r) => r.priority)).toEqual([null]);
  });

  it('a kiosk may not set a group', async () => {
    const number = (await walkIn({})).body.ticket.number;
    expect((await post(t.app, `/api/v1/tickets/${number}/priority`, { priority: 'elderly' }, t.kiosk)).status).toBe(401);
  });
});

describe('绿色通道: the reserve for elderly walk-ins', () => {
  it('once the quota is used up, elderly walk-ins still get a number, up to PRIORITY_RESERVE (5); others are refused', async () => {
    // Service 2 has a walk-in quota of 50.
    for (let i = 0; i < 50; i++) expect((await walkIn({ serviceId: 2 })).status).toBe(201);
    const normal = await walkIn({ serviceId: 2 });
    expect(normal.body.code).toBe('WALK_IN_FULL');
    const declared = await walkIn({ serviceId: 2, priority: 'pregnant' });
    expect(declared.body.code).toBe('WALK_IN_FULL');
    const elderly = await Promise.all(Array.from({ length: 8 }, () => walkIn({ serviceId: 2, idCard: ELDERLY })));
    expect(elderly.filter((r) => r.status === 201)).toHaveLength(5);
    expect(elderly.filter((r) => r.body.code === 'WALK_IN_FULL')).toHaveLength(3);
    expect(elderly.filter((r) => r.status === 201).every((r) => r.body.ticket.priority === 'elderly')).toBe(true);
    // Declined 老年人 is a normal walk-in: no reserve.
    expect((await walkIn({ serviceId: 2, idCard: ELDERLY, priority: 'none' })).body.code).toBe('WALK_IN_FULL');
    expect(await ticketRows()).toHaveLength(55);
    expect((await checkInvariants(t.store.db)).problems).toEqual([]);
  });
});

describe('reports', () => {
  it('count 优先 tickets and their mean wait', async () => {
    await walkIn({ idCard: ELDERLY });
    await walkIn({});
    t.setNow('2026-11-25T10:06:00+08:00');
    await callNext();
    const admin = await t.signIn('admin');
    const res = await get(t.app, '/api/v1/reports/daily?from=2026-11-25&to=2026-11-25', admin);
    expect(res.body.rows.find((r: { serviceId: number }) => r.serviceId === 1)).toMatchObject({ priorityTickets: 1, priorityAverageWaitMinutes: 6 });
  });
});
