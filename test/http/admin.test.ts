import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule.js';
import { bookingBody, counts, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Record<string, string>;
let city: Record<string, string>;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
  admin = await t.signIn('admin');
  city = await t.signIn('city_admin');
});
afterEach(() => t.close());

const put = async (url: string, payload: object, headers = admin) => {
  const res = await t.app.inject({ method: 'PUT', url, payload, headers });
  return { status: res.statusCode, body: res.json() };
};

const serviceInput = (over: object = {}) => ({
  letter: 'Y',
  nameZh: '医社保办理',
  nameEn: 'Medical and social insurance',
  schedule: DEFAULT_SCHEDULE,
  queueOrder: 'priority',
  ...over,
});

const auditActions = async () => (await get(t.app, '/api/v1/audit', admin)).body.entries.map((e: { action: string }) => e.action);

describe('services', () => {
  it('adds a service that citizens can book at once, and writes the audit log', async () => {
    const housing = serviceInput({
      letter: 'G',
      nameZh: '公积金',
      nameEn: 'Housing fund',
    });
    // A new letter enters the city's catalogue: a city admin's call, not a hall admin's.
    const refused = await post(t.app, '/api/v1/admin/services', housing, admin);
    expect(refused).toMatchObject({
      status: 422,
      body: { code: 'NOT_IN_CATALOG', details: { letter: 'G' } },
    });
    const res = await post(t.app, '/api/v1/admin/services', housing, city);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ letter: 'G', active: true, sortOrder: 5 });
    const booked = await post(t.app, '/api/v1/bookings', bookingBody(person(1), { serviceId: res.body.id }));
    expect(booked.body.booking.number).toBe('G20261125090001');
    expect(await auditActions()).toContain('service.create');
  });

  it('refuses a letter another service uses, and an inconsistent schedule', async () => {
    expect((await post(t.app, '/api/v1/admin/services', serviceInput({ letter: 'H' }), admin)).body.code).toBe('SERVICE_LETTER_TAKEN');
    const bad = serviceInput({ letter: 'Q', schedule: { ...DEFAULT_SCHEDULE, openingHours: [{ start: '12:00', end: '09:00' }] } });
    const res = await post(t.app, '/api/v1/admin/services', bad, admin);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('SCHEDULE_INVALID');
  });

  it('a letter that numbered one service’s bookings never passes to another (numbers stay unique)', async () => {
    await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-26' }));
    expect((await put('/api/v1/admin/services/1', serviceInput({ letter: 'Q' }), city)).status).toBe(200);
    const steal = await put('/api/v1/admin/services/2', serviceInput({ letter: 'Y', nameZh: '护照', nameEn: 'Passports' }), city);
    expect(steal.body).toMatchObject({
      code: 'SERVICE_LETTER_TAKEN',
      details: { letter: 'Y' },
    });
    expect((await post(t.app, '/api/v1/admin/services', serviceInput({ letter: 'Y' }), admin)).body.code).toBe('SERVICE_LETTER_TAKEN');
    // Service 1 may take its own letter back.
    expect((await put('/api/v1/admin/services/1', serviceInput({ letter: 'Y' }))).status).toBe(200);
  });

  it('lowering a capacity below what is booked is refused and changes nothing', async () => {
    for (let i = 1; i <= 4; i++) await post(t.app, '/api/v1/bookings', bookingBody(person(i)));
    const lower = (capacity: number) => ({
      ...DEFAULT_SCHEDULE,
      slots: DEFAULT_SCHEDULE.slots.map((s) => (s.start === '09:00' ? { ...s, capacity } : s)),
    });
    const refused = await put('/api/v1/admin/services/1', serviceInput({ schedule: lower(3) }));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'CAPACITY_BELOW_BOOKED',
      details: { date: '2026-11-25', slot: '09:00', reserved: 4 },
      message: '2026-11-25 09:00 已有 4 人预约，名额不能少于已预约人数',
    });
    expect((await get(t.app, '/api/v1/services/1/availability?days=1')).body.days[0].slots[0].capacity).toBe(10);
    const ok = await put('/api/v1/admin/services/1', serviceInput({ schedule: lower(4) }));
    expect(ok.status).toBe(200);
    expect((await get(t.app, '/api/v1/services/1/availability?days=1')).body.days[0].slots[0]).toMatchObject({ capacity: 4, remaining: 0 });
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(9)))).body.code).toBe('SLOT_FULL');
  });

  it('a slot with bookings cannot be removed', async () => {
    await post(t.app, '/api/v1/bookings', bookingBody(person(1), { slot: '15:00', date: '2026-11-26' }));
    const schedule = { ...DEFAULT_SCHEDULE, slots: DEFAULT_SCHEDULE.slots.filter((s) => s.start !== '15:00') };
    const res = await put('/api/v1/admin/services/1', serviceInput({ schedule }));
    expect(res.body).toMatchObject({ code: 'SLOT_HAS_BOOKINGS', details: { date: '2026-11-26', slot: '15:00', reserved: 1 } });
  });

  it('a deactivated service disappears for citizens and comes back', async () => {
    await post(t.app, '/api/v1/admin/services/4/deactivate', {}, admin);
    expect((await get(t.app, '/api/v1/services')).body.services.map((s: { id: number }) => s.id)).toEqual([1, 2, 3]);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { serviceId: 4 }))).body.code).toBe('SERVICE_NOT_FOUND');
    await post(t.app, '/api/v1/admin/services/4/activate', {}, admin);
    expect((await get(t.app, '/api/v1/services')).body.services).toHaveLength(4);
    expect(await auditActions()).toEqual(expect.arrayContaining(['service.deactivate', 'service.activate']));
  });

  it('staff cannot change services', async () => {
    const staff = await t.signIn('staff');
    expect((await put('/api/v1/admin/services/1', serviceInput(), staff)).status).toBe(403);
  });
});

describe('closed days and make-up working days', () => {
  it('closing a day with bookings needs confirmation, then cancels them with the reason "hall closed"', async () => {
    const p = person(1);
    await post(t.app, '/api/v1/bookings', bookingBody(p, { date: '2026-11-27' }));
    const first = await put('/api/v1/admin/calendar/2026-11-27', { kind: 'closed', note: '临时闭馆' });
    expect(first.status).toBe(409);
    expect(first.body).toMatchObject({ code: 'CONFIRMATION_REQUIRED', details: { date: '2026-11-27', bookings: 1 } });
    expect(await counts(t.app, '2026-11-27')).toMatchObject({ reserved: 1 });

    const confirmed = await put('/api/v1/admin/calendar/2026-11-27', { kind: 'closed', note: '临时闭馆', confirm: true });
    expect(confirmed.body).toMatchObject({ cancelledBookings: 1, day: { date: '2026-11-27', kind: 'closed', note: '临时闭馆' } });
    const lookup = await post(t.app, '/api/v1/bookings/lookup', p);
    expect(lookup.body.bookings[0]).toMatchObject({ status: 'cancelled', cancelReason: 'hall_closed' });
    expect(await counts(t.app, '2026-11-27')).toMatchObject({ reserved: 0, remaining: 0 });
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(2), { date: '2026-11-27' }))).body).toMatchObject({
      code: 'SLOT_NOT_BOOKABLE',
      details: { reason: 'closed' },
    });
    const report = await get(t.app, '/api/v1/reports/daily?from=2026-11-27&to=2026-11-27', admin);
    expect(report.body.rows[0]).toMatchObject({ serviceLetter: 'Y', cancelled: 1, cancelledHallClosed: 1 });
    expect(await auditActions()).toEqual(expect.arrayContaining(['calendar.closed', 'calendar.cancel_bookings']));
  });

  it('a make-up working day on a Saturday opens booking', async () => {
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-28' }))).body.code).toBe('SLOT_NOT_BOOKABLE');
    await put('/api/v1/admin/calendar/2026-11-28', { kind: 'open', note: '调休上班' });
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-28' }))).status).toBe(201);
    await t.app.inject({ method: 'DELETE', url: '/api/v1/admin/calendar/2026-11-28', headers: admin });
    expect((await get(t.app, '/api/v1/admin/calendar?from=2026-11-01&to=2026-11-30', admin)).body.days).toEqual([]);
  });

  it('importing several closed days asks once, with the total of bookings', async () => {
    await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-26' }));
    await post(t.app, '/api/v1/bookings', bookingBody(person(2), { date: '2026-11-27' }));
    const res = await post(t.app, '/api/v1/admin/calendar/import', { text: '2026-11-26\n2026-11-27\n2026-11-30' }, admin);
    expect(res.body).toMatchObject({ code: 'CONFIRMATION_REQUIRED', details: { bookings: 2, date: '2026-11-26, 2026-11-27' } });
    const ok = await post(t.app, '/api/v1/admin/calendar/import', { text: '2026-11-26\n2026-11-27\n2026-11-30', confirm: true }, admin);
    expect(ok.body.cancelledBookings).toBe(2);
  });

  it('filters the audit log by hall days', async () => {
    t.setNow('2026-11-25T07:30:00+08:00'); // 2026-11-24 23:30 UTC
    await put('/api/v1/admin/calendar/2026-12-25', { kind: 'closed' });
    expect((await get(t.app, '/api/v1/audit?from=2026-11-25&to=2026-11-25', admin)).body.entries.map((e: { target: string }) => e.target)).toEqual([
      '2026-12-25',
    ]);
    expect((await get(t.app, '/api/v1/audit?from=2026-11-24&to=2026-11-24', admin)).body.entries).toEqual([]);
  });

  it('imports a pasted list and reports a bad line without importing anything', async () => {
    const bad = await post(t.app, '/api/v1/admin/calendar/import', { text: '2026-12-31\n2026-13-01' }, admin);
    expect(bad.body).toMatchObject({ code: 'VALIDATION', details: { reason: 'line 2: 2026-13-01 (DATE)' } });
    expect((await get(t.app, '/api/v1/admin/calendar?from=2026-12-01&to=2027-01-31', admin)).body.days).toEqual([]);
    const ok = await post(t.app, '/api/v1/admin/calendar/import', { text: '2027-01-01,休,元旦\n2027/1/4,班,调休' }, admin);
    expect(ok.body.days.map((d: { date: string; kind: string }) => [d.date, d.kind])).toEqual([
      ['2027-01-01', 'closed'],
      ['2027-01-04', 'open'],
    ]);
  });
});

describe('staff accounts', () => {
  it('creates, resets and disables accounts; a disabled account cannot sign in', async () => {
    expect((await post(t.app, '/api/v1/staff', { username: 'lina', password: 'Initial-pass-7', role: 'staff' }, admin)).status).toBe(201);
    const list = (await get(t.app, '/api/v1/admin/staff', admin)).body.staff;
    const li = list.find((s: { username: string }) => s.username === 'lina');
    expect(li).toMatchObject({ role: 'staff', active: true, mustChangePassword: true });
    const reset = await post(t.app, `/api/v1/admin/staff/${li.id}/reset-password`, {}, admin);
    expect(reset.body.password).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    expect((await post(t.app, '/api/v1/auth/login', { username: 'lina', password: reset.body.password })).status).toBe(200);
    await post(t.app, `/api/v1/admin/staff/${li.id}/disable`, {}, admin);
    expect((await post(t.app, '/api/v1/auth/login', { username: 'lina', password: reset.body.password })).status).toBe(401);
    expect(await auditActions()).toEqual(expect.arrayContaining(['staff.create', 'staff.reset_password', 'staff.disable']));
  });
});

describe('today and reports', () => {
  it('today’s figures per service and by hour', async () => {
    await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    t.setNow('2026-11-25T09:20:00+08:00');
    await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    const staff = await t.signIn('staff');
    await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    const res = await get(t.app, '/api/v1/admin/today', admin);
    expect(res.body.services[0]).toMatchObject({ serviceLetter: 'Y', booked: 1, checkedIn: 1, walkIns: 1, waiting: 1 });
    expect(res.body.byHour).toEqual([
      { hour: 8, queued: 1, served: 0 },
      { hour: 9, queued: 1, served: 0 },
    ]);
  });

  it('CSV export: UTF-8 with BOM, Chinese header, one row per day and service', async () => {
    await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-26' }));
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reports/daily.csv?from=2026-11-25&to=2026-11-26', headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="vreserve-2026-11-25-2026-11-26.csv"');
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('日期,业务代码,业务,预约,已取号,过期未到,取消,闭馆取消,临近开始取消,释放给现场,现场取号,已办结,过号,平均等候(分钟),平均办理(分钟),超时等候,等候中位数(分钟),P90等候(分钟),办理中位数(分钟),P90办理(分钟),优先,优先平均等候(分钟)');
    expect(lines).toHaveLength(1 + 2 * 4);
    expect(lines).toContain('2026-11-26,Y,医社保办理,1,0,0,0,0,0,0,0,0,0,,,0,,,,,0,');
  });

  it('the CSV can be asked for in English whatever the browser says', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reports/daily.csv?from=2026-11-25&to=2026-11-25&lang=en', headers: admin });
    expect(res.body.replace(/^\uFEFF/, '').split('\r\n')[1]).toBe('2026-11-25,Y,Medical and social insurance,0,0,0,0,0,0,0,0,0,0,,,0,,,,,0,');
  });

  it('refuses a backwards or huge range', async () => {
    expect((await get(t.app, '/api/v1/reports/daily?from=2026-11-26&to=2026-11-25', admin)).body.code).toBe('VALIDATION');
    expect((await get(t.app, '/api/v1/reports/daily?from=2020-01-01&to=2026-01-01', admin)).body.code).toBe('VALIDATION');
  });
});

describe('audit log', () => {
  it('records out-of-order calls and device changes, and has no route to edit it', async () => {
    t.setNow('2026-11-25T09:20:00+08:00');
    await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    const b = (await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk)).body.ticket.number;
    await post(t.app, `/api/v1/tickets/${b}/call`, { counter: 1 }, admin);
    await post(t.app, '/api/v1/devices', { kind: 'display', name: '二楼屏' }, admin);
    const entries = (await get(t.app, '/api/v1/audit?action=ticket', admin)).body.entries;
    expect(entries).toEqual([expect.objectContaining({ actor: 'boss', action: 'ticket.call_out_of_order', target: b, details: { counter: 1 } })]);
    expect(await auditActions()).toContain('device.create');
    for (const method of ['PUT', 'DELETE', 'PATCH'] as const) {
      expect((await t.app.inject({ method, url: '/api/v1/audit', headers: admin })).statusCode).toBe(404);
    }
  });
});
