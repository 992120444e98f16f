// Issue 15, 优先 per hall: the hall's own rule through the API — defaults until set, checked (a bad
// rule writes nothing), audited, scoped to the hall — and what it changes at the kiosk and counter.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PriorityRuleBody } from '../../src/contracts/priority.js';
import { composeIdCard } from '../../src/domain/id-card.js';
import { PRIORITY_RULE_BOUNDS } from '../../src/domain/priority-rule.js';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { bookingBody, get, openEastHall, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Record<string, string>;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T10:00:00+08:00' });
  admin = await t.signIn('admin');
});
afterEach(() => t.close());

/** Born 1951-11-25: 75 today. */
const SEVENTY_FIVE = composeIdCard('11010519511125003');
/** Born 1961-11-25: 65 today. */
const SIXTY_FIVE = composeIdCard('11010519611125003');

const ALL = ['elderly', 'disabled', 'pregnant', 'military'];
const RULE = { groups: ALL, age: 70, maxPasses: 3, maxExtraMinutes: 15, reserve: 5 };
const URL = '/api/v1/admin/priority/rule';

const put = (body: unknown, headers = admin, url = URL) => t.app.inject({ method: 'PUT', url, payload: body as object, headers });
async function setRule(over: Partial<typeof RULE> = {}) {
  const res = await put({ ...RULE, ...over });
  expect(res.statusCode).toBe(200);
  return res.json();
}
const walkIn = (body: Record<string, unknown>) => post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1, ...body }, t.kiosk);
const ruleRows = () => t.store.db.selectFrom('priority_rule').selectAll().execute();
const ticketRows = () => t.store.db.selectFrom('ticket').selectAll().orderBy('id').execute();
const audits = async () => (await get(t.app, '/api/v1/audit?action=priority.rule', admin)).body.entries;

describe('the hall’s rule', () => {
  it('the PRIORITY_* defaults until the hall sets its own; then its own, audited', async () => {
    const first = await get(t.app, URL, admin);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ...RULE, own: false, defaults: RULE });
    const saved = await setRule({ groups: ['pregnant', 'elderly'], age: 65, reserve: 0 });
    // Groups are kept in their fixed order.
    expect(saved).toMatchObject({ groups: ['elderly', 'pregnant'], age: 65, reserve: 0, own: true, defaults: RULE });
    expect((await get(t.app, URL, admin)).body).toMatchObject({ groups: ['elderly', 'pregnant'], own: true });
    const entries = await audits();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'priority.rule', target: 'MAIN' });
  });

  it.each([
    ['an age under 50', { age: 49 }],
    ['an age over 120', { age: 121 }],
    ['maxExtraMinutes 0', { maxExtraMinutes: 0 }],
    ['maxPasses over 100', { maxPasses: 101 }],
    ['a negative reserve', { reserve: -1 }],
    ['a broken number', { age: 70.5 }],
    ['an unknown group', { groups: ['elderly', 'vip'] }],
    ['a group twice', { groups: ['elderly', 'elderly'] }],
    ['a missing field', { age: undefined }],
  ])('refuses %s with 400 VALIDATION and writes nothing', async (_, over) => {
    const res = await put({ ...RULE, ...over });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(await ruleRows()).toEqual([]);
    expect(await audits()).toEqual([]);
  });

  it('the API takes the same bounds as the PRIORITY_* settings', () => {
    const fields = PriorityRuleBody.properties as unknown as Record<string, { minimum: number; maximum: number }>;
    for (const [name, [min, max]] of Object.entries(PRIORITY_RULE_BOUNDS)) expect([fields[name]?.minimum, fields[name]?.maximum], name).toEqual([min, max]);
  });

  it('only admins: signed out 401, staff 403', async () => {
    const staff = await t.signIn('staff');
    expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'PUT', url: URL, payload: RULE })).statusCode).toBe(401);
    expect((await get(t.app, URL, staff)).status).toBe(403);
    expect((await put(RULE, staff)).statusCode).toBe(403);
    expect(await ruleRows()).toEqual([]);
  });
});

describe('hall scope', () => {
  let city: Record<string, string>;
  let east: Record<string, string>;
  beforeEach(async () => {
    ({ city, east } = await openEastHall(t));
  });

  it('a hall admin reads and writes only their own hall’s rule; another hall answers as not found', async () => {
    expect((await setRule({ groups: ['elderly'] })).groups).toEqual(['elderly']);
    const read = await get(t.app, `${URL}?hall=CD`, admin);
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('HALL_NOT_FOUND');
    const write = await put({ ...RULE, groups: [] }, admin, `${URL}?hall=CD`);
    expect(write.statusCode).toBe(404);
    expect(write.json().code).toBe('HALL_NOT_FOUND');
    // The east admin sees their own hall's defaults, not MAIN's rule, and cannot reach MAIN.
    expect((await get(t.app, URL, east)).body).toMatchObject({ groups: ALL, own: false });
    expect((await get(t.app, `${URL}?hall=MAIN`, east)).body.code).toBe('HALL_NOT_FOUND');
    expect((await put({ ...RULE, groups: [] }, east, `${URL}?hall=MAIN`)).statusCode).toBe(404);
    expect((await ruleRows()).map((r) => r.hall_id)).toEqual([1]);
  });

  it('a city admin sets any hall’s rule with ?hall=; each hall keeps its own', async () => {
    const res = await put({ ...RULE, groups: ['military'], age: 80 }, city, `${URL}?hall=CD`);
    expect(res.statusCode).toBe(200);
    expect((await get(t.app, URL, east)).body).toMatchObject({ groups: ['military'], age: 80, own: true });
    expect((await get(t.app, URL, admin)).body).toMatchObject({ groups: ALL, age: 70, own: false });
  });
});

describe('what the rule changes', () => {
  it('a hall with 老年人 off issues a normal ticket to a 75-year-old, and the kiosk is told which groups it offers', async () => {
    expect((await walkIn({ idCard: SEVENTY_FIVE })).body.ticket.priority).toBe('elderly');
    await setRule({ groups: ['disabled', 'military'] });
    const services = await get(t.app, '/api/v1/services', t.kiosk);
    expect(services.body.priorityGroups).toEqual(['disabled', 'military']);
    const res = await walkIn({ idCard: SEVENTY_FIVE });
    expect(res.status).toBe(201);
    expect(res.body.ticket.priority).toBeNull();
    expect((await ticketRows()).map((r) => r.priority)).toEqual(['elderly', null]);
  });

  it('a walk-in, a check-in or staff naming a group the hall does not honour: 422 PRIORITY_GROUP_OFF, nothing written', async () => {
    t.setNow('2026-11-25T08:30:00+08:00');
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1)))).status).toBe(201);
    await setRule({ groups: ['elderly', 'disabled'] });
    t.setNow('2026-11-25T08:50:00+08:00');
    const walk = await walkIn({ priority: 'pregnant' });
    expect(walk.status).toBe(422);
    expect(walk.body.code).toBe('PRIORITY_GROUP_OFF');
    const check = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard, priority: 'military' }, t.kiosk);
    expect(check.status).toBe(422);
    expect(check.body.code).toBe('PRIORITY_GROUP_OFF');
    expect(await ticketRows()).toEqual([]);
    expect((await t.store.db.selectFrom('booking').select('status').execute()).map((b) => b.status)).toEqual(['booked']);
    // A group it honours is still given, and staff cannot set one it does not.
    t.setNow('2026-11-25T10:00:00+08:00');
    const number = (await walkIn({ priority: 'disabled' })).body.ticket.number;
    const staff = await t.signIn('staff');
    const set = await post(t.app, `/api/v1/tickets/${number}/priority`, { priority: 'pregnant' }, staff);
    expect(set.status).toBe(422);
    expect(set.body.code).toBe('PRIORITY_GROUP_OFF');
    expect((await ticketRows()).map((r) => r.priority)).toEqual(['disabled']);
  });

  it('the hall’s age decides 老年人', async () => {
    expect((await walkIn({ idCard: SIXTY_FIVE })).body.ticket.priority).toBeNull();
    await setRule({ age: 65 });
    expect((await get(t.app, '/api/v1/services', t.kiosk)).body.priorityAge).toBe(65);
    expect((await walkIn({ idCard: SIXTY_FIVE })).body.ticket.priority).toBe('elderly');
  });

  it('a waiting ticket of a group the hall turns off is called as a normal one', async () => {
    const staff = await t.signIn('staff');
    const normal = (await walkIn({})).body.ticket.number;
    const pregnant = (await walkIn({ priority: 'pregnant' })).body.ticket.number;
    await setRule({ groups: ['elderly'] });
    const call = await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    expect(call.body.ticket.number).toBe(normal);
    expect((await get(t.app, '/api/v1/queue?serviceIds=1', staff)).body.queues[0].waiting.map((w: { number: string }) => w.number)).toEqual([pregnant]);
  });

  it('绿色通道 per hall: reserve 0 is none; a change holds for today’s next elderly walk-in', async () => {
    // Service 2 has a walk-in quota of 50.
    for (let i = 0; i < 50; i++) expect((await walkIn({ serviceId: 2 })).status).toBe(201);
    await setRule({ reserve: 0 });
    expect((await walkIn({ serviceId: 2, idCard: SEVENTY_FIVE })).body.code).toBe('WALK_IN_FULL');
    const left = async () => (await get(t.app, '/api/v1/services', t.kiosk)).body.services.find((s: { id: number }) => s.id === 2).walkIn.priorityLeft;
    expect(await left()).toBe(0);
    await setRule({ reserve: 2 });
    expect(await left()).toBe(2);
    expect((await walkIn({ serviceId: 2, idCard: SEVENTY_FIVE })).status).toBe(201);
    // Lowered below what was issued today: none more, and the day's figures stay consistent.
    await setRule({ reserve: 0 });
    expect((await walkIn({ serviceId: 2, idCard: SEVENTY_FIVE })).body.code).toBe('WALK_IN_FULL');
    expect(await left()).toBe(0);
    expect(await ticketRows()).toHaveLength(51);
    expect((await checkInvariants(t.store.db)).problems).toEqual([]);
  });
});
