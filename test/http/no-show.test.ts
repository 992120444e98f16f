// 爽约 and unused places through the API: who is refused and why, what the admin sees and does,
// and released places on the kiosk's 现场取号.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Record<string, string>;
beforeEach(async () => {
  // Monday 2026-11-23, before the hall opens.
  t = await makeTestApp({ now: '2026-11-23T08:30:00+08:00' });
  admin = await t.signIn('admin');
});
afterEach(() => t.close());

const RULE = { limit: 2, windowDays: 90, blockDays: 30, lateCancel: false, lateCancelMinutes: 60 };

async function setRule(over: Partial<typeof RULE> = {}) {
  const res = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/no-show/rule', payload: { ...RULE, ...over }, headers: admin });
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function book(n: number, over: Record<string, unknown> = {}) {
  const res = await post(t.app, '/api/v1/bookings', bookingBody(person(n), { date: '2026-11-23', ...over }));
  expect(res.status).toBe(201);
  return res.body.booking.number as string;
}

const bookingCount = async () => (await t.store.db.selectFrom('booking').select('id').execute()).length;

/** Person 1 misses two bookings on Monday morning (services 1 and 2 at 09:00). */
async function missTwice() {
  await setRule();
  await book(1, { serviceId: 1 });
  await book(1, { serviceId: 2 });
  t.setNow('2026-11-23T10:30:00+08:00');
}

describe('爽约: blocked from booking online', () => {
  it('two misses under a limit of 2 refuse the next booking with BOOKING_BLOCKED, the end date and the dates, writing nothing', async () => {
    await missTwice();
    const before = await bookingCount();
    const res = await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-24' }));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('BOOKING_BLOCKED');
    expect(res.body.details).toMatchObject({ until: '2026-12-23', count: 2, dates: '2026-11-23, 2026-11-23' });
    expect(res.body.message).toContain('2 次爽约');
    expect(res.body.message).toContain('2026-12-23 起可再预约');
    expect(await bookingCount()).toBe(before);
    // In English on request.
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: bookingBody(person(1), { date: '2026-11-24' }),
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().message).toContain('you can book again from 2026-12-23');
  });

  it('one miss is not enough; the block follows the ID card whatever the phone', async () => {
    await setRule();
    await book(1, { serviceId: 1 });
    t.setNow('2026-11-23T10:30:00+08:00');
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-24' }))).status).toBe(201);
    t.setNow('2026-11-24T10:30:00+08:00');
    const otherPhone = { idCard: person(1).idCard, phone: person(2).phone };
    const res = await post(t.app, '/api/v1/bookings', bookingBody(otherPhone, { date: '2026-11-25' }));
    expect(res.body.code).toBe('BOOKING_BLOCKED');
    // With another phone the days of the bookings are not said: an ID number alone must not reveal them.
    expect(res.body.details).toEqual({ until: '2026-12-24', count: 2 });
    expect(res.body.message).toBe('因 2 次爽约，暂停网上预约，2026-12-24 起可再预约；现场取号不受影响');
  });

  it('the eligibility check answers before a slot is chosen: 200 for others, 403 with the reason for the blocked', async () => {
    await missTwice();
    const blocked = await post(t.app, '/api/v1/bookings/eligibility', { serviceId: 1, ...person(1) });
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'BOOKING_BLOCKED', details: { until: '2026-12-23', count: 2 } });
    const fine = await post(t.app, '/api/v1/bookings/eligibility', { serviceId: 1, ...person(2) });
    expect(fine).toMatchObject({ status: 200, body: { eligible: true } });
    expect((await post(t.app, '/api/v1/bookings/eligibility', { serviceId: 1, idCard: '123', phone: person(2).phone })).body.code).toBe('INVALID_ID_CARD');
    expect((await post(t.app, '/api/v1/bookings/eligibility', { serviceId: 99, ...person(2) })).body.code).toBe('SERVICE_NOT_FOUND');
  });

  it('walk-ins and the kiosk are never blocked', async () => {
    await setRule();
    await book(1, { serviceId: 1 });
    await book(1, { serviceId: 2 });
    await book(1, { serviceId: 3, date: '2026-11-24' });
    t.setNow('2026-11-24T08:30:00+08:00');
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-25' }))).body.code).toBe('BOOKING_BLOCKED');
    const checkIn = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    expect(checkIn.status).toBe(200);
    t.setNow('2026-11-24T09:05:00+08:00');
    expect((await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk)).status).toBe(201);
  });

  it('a cancel less than LATE_CANCEL_MINUTES before the slot counts only where the hall enables it', async () => {
    await setRule({ limit: 1 });
    const number = await book(1, { slot: '09:00' });
    t.setNow('2026-11-23T08:10:00+08:00');
    expect((await post(t.app, `/api/v1/bookings/${number}/cancel`, person(1))).status).toBe(200);
    expect((await post(t.app, '/api/v1/bookings/eligibility', { serviceId: 1, ...person(1) })).status).toBe(200);
    await setRule({ limit: 1, lateCancel: true });
    const res = await post(t.app, '/api/v1/bookings/eligibility', { serviceId: 1, ...person(1) });
    expect(res.body).toMatchObject({ code: 'BOOKING_BLOCKED', details: { misses: [{ date: '2026-11-23', kind: 'late_cancel' }] } });
    // Cancelled in good time: no miss.
    await setRule({ limit: 1, lateCancel: true, lateCancelMinutes: 30 });
    expect((await post(t.app, '/api/v1/bookings/eligibility', { serviceId: 1, ...person(1) })).status).toBe(200);
  });
});

describe('爽约: the admin', () => {
  it('lists the blocked people masked, lifts a block with a reason (audited), and the person may book again', async () => {
    await missTwice();
    const list = await get(t.app, '/api/v1/admin/no-show/blocked', admin);
    expect(list.status).toBe(200);
    expect(list.body.people).toHaveLength(1);
    const [p] = list.body.people;
    expect(p).toMatchObject({ idCardMasked: expect.stringMatching(/^110105\*+\w{4}$/), phoneMasked: expect.stringContaining('****'), until: '2026-12-23' });
    expect(p.misses.map((m: { service: string }) => m.service).sort()).toEqual(['H 护照通行证办理', 'Y 医社保办理']);
    expect(JSON.stringify(list.body)).not.toContain(person(1).idCard);
    expect(JSON.stringify(list.body)).not.toContain(person(1).phone);

    const blank = await post(t.app, '/api/v1/admin/no-show/lift', { personKey: p.personKey, reason: '   ' }, admin);
    expect(blank.body.code).toBe('VALIDATION');
    const lifted = await post(t.app, '/api/v1/admin/no-show/lift', { personKey: p.personKey, reason: '系统故障导致未能取号' }, admin);
    expect(lifted).toMatchObject({ status: 200, body: { ok: true } });
    expect((await get(t.app, '/api/v1/admin/no-show/blocked', admin)).body.people).toEqual([]);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-24' }))).status).toBe(201);
    // Nothing left to lift.
    expect((await post(t.app, '/api/v1/admin/no-show/lift', { personKey: p.personKey, reason: 'again' }, admin)).body.code).toBe('NOT_FOUND');

    const audit = await get(t.app, '/api/v1/audit?action=no_show.lift', admin);
    expect(audit.body.entries).toEqual([
      expect.objectContaining({ actor: 'boss', action: 'no_show.lift', target: p.idCardMasked, details: expect.objectContaining({ reason: '系统故障导致未能取号', until: '2026-12-23' }) }),
    ]);
  });

  it('the rule: defaults until the hall sets its own, checked, audited', async () => {
    const first = await get(t.app, '/api/v1/admin/no-show/rule', admin);
    expect(first.body).toMatchObject({ limit: 3, windowDays: 90, blockDays: 30, lateCancel: false, lateCancelMinutes: 60, own: false });
    expect(await setRule({ blockDays: 7 })).toMatchObject({ limit: 2, blockDays: 7, own: true });
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/no-show/rule', payload: { ...RULE, windowDays: 0 }, headers: admin });
    expect(bad.statusCode).toBe(400);
    expect((await get(t.app, '/api/v1/audit?action=no_show.rule', admin)).body.entries).toHaveLength(1);
  });

  it('only admins: signed out 401, staff 403', async () => {
    const staff = await t.signIn('staff');
    for (const [method, url] of [
      ['GET', '/api/v1/admin/no-show/blocked'],
      ['POST', '/api/v1/admin/no-show/lift'],
      ['GET', '/api/v1/admin/no-show/rule'],
      ['PUT', '/api/v1/admin/no-show/rule'],
    ] as const) {
      const payload = method === 'GET' ? undefined : url.endsWith('lift') ? { personKey: 'x', reason: 'y' } : RULE;
      expect((await t.app.inject({ method, url, payload })).statusCode).toBe(401);
      expect((await t.app.inject({ method, url, payload, headers: staff })).statusCode).toBe(403);
    }
  });

  it('misses per service in the report and its CSV', async () => {
    await setRule({ lateCancel: true });
    await book(1, { serviceId: 1 });
    const late = await book(2, { serviceId: 1 });
    t.setNow('2026-11-23T08:45:00+08:00');
    await post(t.app, `/api/v1/bookings/${late}/cancel`, person(2));
    t.setNow('2026-11-23T10:30:00+08:00');
    const report = await get(t.app, '/api/v1/reports/daily?from=2026-11-23&to=2026-11-23', admin);
    expect(report.body.rows.find((r: { serviceId: number }) => r.serviceId === 1)).toMatchObject({ missed: 1, lateCancelled: 1 });
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/reports/daily.csv?from=2026-11-23&to=2026-11-23&lang=en', headers: admin });
    expect(csv.body).toContain('late cancels,released to walk-ins');
  });
});

describe('unused places back to the hall', () => {
  const walkIn = (serviceId = 1) => post(t.app, '/api/v1/kiosk/walk-in', { serviceId }, t.kiosk);
  const walkInOf = async (serviceId = 1) =>
    (await get(t.app, '/api/v1/services', t.kiosk)).body.services.find((s: { id: number }) => s.id === serviceId).walkIn;

  /** Service 1 with no walk-in numbers of its own today: only released places can be issued. */
  async function noOwnWalkIns() {
    await t.store.db.insertInto('walk_in_inventory').values({ service_id: 1, date: '2026-11-23', quota: 0, issued: 0 }).execute();
  }

  it('RELEASE_AFTER_MINUTES after the slot starts, the places nobody checked in for join the walk-in quota, once', async () => {
    await noOwnWalkIns();
    for (const n of [1, 2, 3]) await book(n);
    expect((await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk)).status).toBe(200);
    t.setNow('2026-11-23T09:14:00+08:00');
    expect(await walkInOf()).toMatchObject({ quota: 0, released: 0 });
    expect((await walkIn()).body.code).toBe('WALK_IN_FULL');
    t.setNow('2026-11-23T09:15:00+08:00');
    expect(await walkInOf()).toMatchObject({ quota: 2, issued: 0, remaining: 2, released: 2 });
    expect(await walkInOf()).toMatchObject({ quota: 2, released: 2 });
    const today = await get(t.app, '/api/v1/admin/today', admin);
    expect(today.body.services.find((s: { serviceId: number }) => s.serviceId === 1)).toMatchObject({ released: 2 });
  });

  it('a late check-in takes a released place back while it is free, and is never refused once walk-ins took them', async () => {
    await noOwnWalkIns();
    for (const n of [1, 2, 3]) await book(n);
    t.setNow('2026-11-23T09:20:00+08:00');
    expect((await walkIn()).status).toBe(201);
    expect(await walkInOf()).toMatchObject({ quota: 3, issued: 1, released: 3 });
    // Person 1 comes late: one of the two free places is theirs again.
    expect((await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk)).status).toBe(200);
    expect(await walkInOf()).toMatchObject({ quota: 2, issued: 1, remaining: 1, released: 2 });
    expect((await walkIn()).status).toBe(201);
    expect((await walkIn()).body.code).toBe('WALK_IN_FULL');
    // Person 2 comes later still: walk-ins took every place, and they are checked in all the same.
    const late = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(2).idCard }, t.kiosk);
    expect(late.status).toBe(200);
    expect(late.body.tickets).toEqual([expect.objectContaining({ kind: 'booking', status: 'waiting' })]);
    expect(await walkInOf()).toMatchObject({ quota: 2, issued: 2, remaining: 0 });
  });

  it('a lower walk-in quota set by the admin keeps the released places on top', async () => {
    for (const n of [1, 2]) await book(n);
    t.setNow('2026-11-23T09:30:00+08:00');
    expect(await walkInOf()).toMatchObject({ quota: 52, released: 2 });
    const services = await get(t.app, '/api/v1/admin/services', admin);
    const y = services.body.services.find((s: { id: number }) => s.id === 1);
    const { id: _id, active: _a, ...input } = y;
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/services/1',
      payload: { ...input, schedule: { ...y.schedule, walkInQuota: 10 } },
      headers: admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await walkInOf()).toMatchObject({ quota: 12, released: 2 });
  });
});

describe('爽约 and 改约', () => {
  it('a blocked person may move a booking they hold in the hall, but not into a hall that blocks them', async () => {
    const city = await t.signIn('city_admin');
    const east = await post(
      t.app,
      '/api/v1/admin/halls',
      { code: 'CD', nameZh: '城东政务服务中心', nameEn: 'East Service Centre', districtZh: '城东区', districtEn: 'East District', addressZh: '东大街 1 号' },
      city,
    );
    expect(east.status).toBe(201);
    // Person 1 misses two bookings on Monday morning, having booked Wednesday in MAIN before.
    await setRule();
    await book(1, { serviceId: 1 });
    await book(1, { serviceId: 2 });
    const kept = await book(1, { serviceId: 3, date: '2026-11-25', slot: '10:00' });
    t.setNow('2026-11-23T10:30:00+08:00');
    // Blocked in MAIN, not in the east hall: a booking there is taken.
    const eastServices = (await get(t.app, '/api/v1/halls/CD/services?date=2026-11-26')).body.services;
    const eastY = eastServices.find((s: { letter: string }) => s.letter === 'Y').id;
    const inEast = await post(t.app, '/api/v1/bookings', bookingBody(person(1), { serviceId: eastY, date: '2026-11-26', slot: '10:00' }));
    expect(inEast.body).toMatchObject({ booking: { hallCode: 'CD' } });

    const move = (number: string, body: object) => post(t.app, `/api/v1/bookings/${number}/reschedule`, { ...person(1), ...body });
    const intoMain = await move(inEast.body.booking.number, { date: '2026-11-26', slot: '11:00', hallCode: 'MAIN' });
    expect(intoMain.status).toBe(403);
    expect(intoMain.body.code).toBe('BOOKING_BLOCKED');
    const withinMain = await move(kept, { date: '2026-11-26', slot: '10:00' });
    expect(withinMain.status).toBe(200);
  });
});
