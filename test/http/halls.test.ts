import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routeTable } from '../../src/server/app.js';
import { isHallScoped } from '../../src/server/http/hall-scope.js';
import { legacyOptionsFromEnv } from '../../src/server/http/legacy.routes.js';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
let city: Record<string, string>;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
  city = await t.signIn('city_admin');
});
afterEach(() => t.close());

const EAST = {
  code: 'CD',
  nameZh: '城东政务服务中心',
  nameEn: 'East Service Centre',
  districtZh: '城东区',
  districtEn: 'East District',
  addressZh: '东大街 1 号',
};

async function openEast(over: object = {}) {
  const res = await post(t.app, '/api/v1/admin/halls', { ...EAST, ...over }, city);
  expect(res.status).toBe(201);
  return res.body;
}

/** The service of a letter in a hall, as citizens see it. */
async function serviceIn(hall: string, letter: string): Promise<number> {
  const { body } = await get(t.app, `/api/v1/halls/${hall}/services`);
  return body.services.find((s: { letter: string }) => s.letter === letter).id;
}

async function deviceOf(hall: string, kind: 'kiosk' | 'display' = 'kiosk') {
  const res = await post(t.app, `/api/v1/devices?hall=${hall}`, { kind, name: `${hall} ${kind}` }, city);
  expect(res.status).toBe(201);
  return { authorization: `Bearer ${res.body.token}` };
}

describe('one hall', () => {
  it('the hall list has the first hall with today’s places, and numbers keep the seed’s format', async () => {
    const { body } = await get(t.app, '/api/v1/halls');
    // Codes are off by default (the `log` SMS driver): the booking form shows no code field.
    expect(body.verifyPhone).toBe(false);
    // The form's small print says how long a phone kept for messages stays (CONTACT_RETENTION_DAYS).
    expect(body.contactRetentionDays).toBe(30);
    expect(body.halls).toEqual([
      expect.objectContaining({
        code: 'MAIN',
        today: '2026-11-25',
        booked: 0,
        services: ['Y', 'H', 'F', 'S'],
      }),
    ]);
    // 8 slots of the day have not started at 08:30: 50 places in each of the 4 services.
    expect(body.halls[0].remaining).toBe(200);
    const booked = await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    expect(booked.body.booking).toMatchObject({
      number: 'Y20261125090001',
      hallCode: 'MAIN',
    });
    expect((await get(t.app, '/api/v1/halls')).body.halls[0]).toMatchObject({
      booked: 1,
      remaining: 199,
    });
  });
});

describe('the hall list', () => {
  it('is sent compressed to clients that accept gzip, the same list', async () => {
    await openEast();
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/halls' });
    const zipped = await t.app.inject({ method: 'GET', url: '/api/v1/halls', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(plain.json().halls.map((h: { code: string }) => h.code)).toEqual(['MAIN', 'CD']);
  });
});

describe('many halls', () => {
  it('a new hall is bookable at once; its numbers carry its code, so both halls can issue order 01', async () => {
    const east = await openEast();
    expect(east).toMatchObject({
      code: 'CD',
      numberPrefix: 'CD-',
      active: true,
    });
    const eastY = await serviceIn('CD', 'Y');
    expect(eastY).not.toBe(1);
    const here = await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    const there = await post(t.app, '/api/v1/bookings', bookingBody(person(2), { serviceId: eastY }));
    expect(here.body.booking.number).toBe('Y20261125090001');
    expect(there.body.booking).toMatchObject({
      number: 'CD-Y20261125090001',
      hallCode: 'CD',
      hallName: '城东政务服务中心',
    });
    // Look-up and cancel find exactly the one booking by its number.
    expect((await post(t.app, '/api/v1/bookings/CD-Y20261125090001/cancel', person(2))).status).toBe(200);
    expect((await post(t.app, '/api/v1/bookings/lookup', person(1))).body.bookings.map((b: { status: string }) => b.status)).toEqual(['booked']);
    const halls = (await get(t.app, '/api/v1/halls')).body.halls;
    expect(halls.map((h: { code: string; booked: number }) => [h.code, h.booked])).toEqual([
      ['MAIN', 1],
      ['CD', 0],
    ]);
  });

  it('per-person limits count across the city: one per service and day, three upcoming', async () => {
    await openEast();
    const eastY = await serviceIn('CD', 'Y');
    const eastH = await serviceIn('CD', 'H');
    const p = person(7);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(p))).status).toBe(201);
    const again = await post(t.app, '/api/v1/bookings', bookingBody(p, { serviceId: eastY, slot: '10:00' }));
    expect(again).toMatchObject({
      status: 409,
      body: { code: 'DUPLICATE_BOOKING' },
    });
    expect((await post(t.app, '/api/v1/bookings', bookingBody(p, { serviceId: eastH }))).status).toBe(201);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(p, { serviceId: 3 }))).status).toBe(201);
    const fourth = await post(t.app, '/api/v1/bookings', bookingBody(p, { serviceId: await serviceIn('CD', 'S') }));
    expect(fourth).toMatchObject({
      status: 409,
      body: { code: 'BOOKING_LIMIT' },
    });
    // 我的预约 shows both halls' bookings.
    const mine = (await post(t.app, '/api/v1/bookings/lookup', p)).body.bookings;
    expect(new Set(mine.map((b: { hallCode: string }) => b.hallCode))).toEqual(new Set(['MAIN', 'CD']));
  });

  it('each hall’s kiosk issues its own short call numbers and sends people booked elsewhere to their hall', async () => {
    await openEast({ addressZh: '东大街 1 号' });
    const eastKiosk = await deviceOf('CD');
    const eastY = await serviceIn('CD', 'Y');
    await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    await post(t.app, '/api/v1/bookings', bookingBody(person(2), { serviceId: eastY }));
    const wrongHall = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(2).idCard }, t.kiosk);
    expect(wrongHall).toMatchObject({
      status: 404,
      body: {
        code: 'BOOKING_OTHER_HALL',
        details: { hallCode: 'CD', hall: '城东政务服务中心' },
      },
    });
    expect(wrongHall.body.message).toBe('您今天的预约在城东政务服务中心，请到该大厅取号');
    const main = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    const east = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(2).idCard }, eastKiosk);
    expect(main.body.tickets[0]).toMatchObject({
      number: 'Y20261125090001',
      callNumber: 'Y001',
    });
    expect(east.body.tickets[0]).toMatchObject({
      number: 'CD-Y20261125090001',
      callNumber: 'Y001',
    });
    // A kiosk issues walk-ins only for its own hall's services.
    expect((await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, eastKiosk)).body.code).toBe('SERVICE_NOT_FOUND');
    t.setNow('2026-11-25T09:05:00+08:00');
    const walkIn = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: eastY }, eastKiosk);
    expect(walkIn.body.ticket).toMatchObject({
      number: 'CD-Y20261125090501',
      callNumber: 'Y002',
    });
  });

  it('a kiosk of the second hall lists that hall’s services and clock; citizens without a hall in the path get the first', async () => {
    await openEast();
    const eastKiosk = await deviceOf('CD');
    const eastY = await serviceIn('CD', 'Y');
    const listed = await get(t.app, '/api/v1/services', eastKiosk);
    expect(listed.status).toBe(200);
    expect(listed.body.services.find((s: { letter: string }) => s.letter === 'Y').id).toBe(eastY);
    expect((await get(t.app, '/api/v1/hall', eastKiosk)).body.code).toBe('CD');
    // The first hall's kiosk and a citizen: the first hall, as before.
    const main = await get(t.app, '/api/v1/services', t.kiosk);
    expect(main.body.services.find((s: { letter: string }) => s.letter === 'Y').id).toBe(1);
    expect((await get(t.app, '/api/v1/services')).body.services.find((s: { letter: string }) => s.letter === 'Y').id).toBe(1);
    expect((await get(t.app, '/api/v1/hall')).body.code).not.toBe('CD');
  });

  it('一键换厅: a hall that is full hears of the halls with a place sooner', async () => {
    await openEast();
    // The first hall's Y is full today and tomorrow (capacity set to 0 on those days by closing them for this hall).
    const admin = await t.signIn('admin');
    for (const date of ['2026-11-25', '2026-11-26']) {
      expect(
        (
          await t.app.inject({
            method: 'PUT',
            url: `/api/v1/admin/calendar/${date}`,
            payload: { kind: 'closed', note: '设备检修' },
            headers: admin,
          })
        ).statusCode,
      ).toBe(200);
    }
    const { body } = await get(t.app, '/api/v1/halls/MAIN/suggestions?letter=Y');
    expect(body.here).toEqual({ date: '2026-11-27', slot: '09:00' });
    expect(body.elsewhere).toEqual([
      expect.objectContaining({
        hall: expect.objectContaining({ code: 'CD' }),
        date: '2026-11-25',
        slot: '09:00',
        remaining: 10,
      }),
    ]);
    // The east hall is not closed: the hall's own closure did not reach it, and it has nothing sooner to suggest.
    expect((await get(t.app, '/api/v1/halls/CD/suggestions?letter=Y')).body).toMatchObject({
      here: { date: '2026-11-25', slot: '09:00' },
      elsewhere: [],
    });
  });

  it('a closed hall is not shown to citizens; an unknown hall is HALL_NOT_FOUND', async () => {
    await openEast();
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/v1/admin/halls/CD',
          payload: { ...EAST, active: false },
          headers: city,
        })
      ).statusCode,
    ).toBe(200);
    expect((await get(t.app, '/api/v1/halls')).body.halls.map((h: { code: string }) => h.code)).toEqual(['MAIN']);
    expect((await get(t.app, '/api/v1/halls/CD/services')).body.code).toBe('HALL_NOT_FOUND');
    expect((await get(t.app, '/api/v1/halls/XX')).status).toBe(404);
  });

  it('refuses a hall code twice, a bad code, and hall creation by a hall admin', async () => {
    await openEast();
    expect((await post(t.app, '/api/v1/admin/halls', EAST, city)).body.code).toBe('HALL_CODE_TAKEN');
    expect((await post(t.app, '/api/v1/admin/halls', { ...EAST, code: 'c-d' }, city)).status).toBe(400);
    const admin = await t.signIn('admin');
    expect((await post(t.app, '/api/v1/admin/halls', { ...EAST, code: 'XD' }, admin)).status).toBe(403);
    expect((await get(t.app, '/api/v1/halls')).body.halls).toHaveLength(2);
  });
});

describe('hall isolation', () => {
  it('a hall admin of one hall gets 403/404 on every hall-scoped route of another', async () => {
    await openEast();
    const eastAdmin = await t.signIn('admin', 'east-boss', 'CD');
    const routes = routeTable(t.app).filter((r) => isHallScoped(r.url) && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(25);
    for (const r of routes) {
      const url = r.url
        .replace(':id', '1')
        .replace(':number', r.url.startsWith('/api/v1/counters') ? '1' : 'Y20261125090001')
        .replace(':date', '2026-11-26')
        .replace(':code', 'MAIN');
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: `${url}?hall=MAIN`,
        headers: eastAdmin,
        payload: r.method === 'GET' ? undefined : {},
      });
      // City-level routes (halls, the catalogue, the overview) refuse a hall admin outright.
      const refusal = [res.statusCode, res.json().code];
      expect(
        [
          [404, 'HALL_NOT_FOUND'],
          [403, 'FORBIDDEN'],
        ],
        `${r.method} ${r.url}`,
      ).toContainEqual(refusal);
    }
  });

  it('another hall’s services, staff, devices, counters and tickets are not found by id either', async () => {
    await openEast();
    const eastAdmin = await t.signIn('admin', 'east-boss', 'CD');
    await t.signIn('staff', 'main-clerk');
    await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(1).idCard }, t.kiosk);
    const inject = async (method: 'PUT' | 'POST', url: string, payload: object = {}) =>
      (await t.app.inject({ method, url, payload, headers: eastAdmin })).json();
    expect((await inject('POST', '/api/v1/admin/services/1/deactivate')).code).toBe('SERVICE_NOT_FOUND');
    const mainStaff = (await get(t.app, '/api/v1/admin/staff', city)).body.staff.find((s: { username: string }) => s.username === 'main-clerk');
    expect((await inject('POST', `/api/v1/admin/staff/${mainStaff.id}/disable`)).code).toBe('NOT_FOUND');
    expect((await inject('POST', '/api/v1/devices/1/revoke')).code).toBe('NOT_FOUND');
    expect((await inject('POST', '/api/v1/tickets/Y20261125090001/recall')).code).toBe('TICKET_NOT_FOUND');
    expect((await inject('POST', '/api/v1/counters/1/call-next')).code).toBe('QUEUE_EMPTY');
    // The east admin's lists hold only their hall.
    expect((await get(t.app, '/api/v1/admin/staff', eastAdmin)).body.staff.map((s: { username: string }) => s.username)).toEqual(['east-boss']);
    expect((await get(t.app, '/api/v1/devices', eastAdmin)).body.devices).toEqual([]);
    expect((await get(t.app, '/api/v1/admin/services', eastAdmin)).body.services.every((s: { id: number }) => s.id > 4)).toBe(true);
    // Nothing of the first hall changed.
    expect((await get(t.app, '/api/v1/services')).body.services).toHaveLength(4);
  });

  it('a display hears only its own hall’s events', async () => {
    await openEast();
    const eastDisplay = await deviceOf('CD', 'display');
    const eastY = await serviceIn('CD', 'Y');
    await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    await post(t.app, '/api/v1/bookings', bookingBody(person(2), { serviceId: eastY }));
    const mainEvents = (await get(t.app, '/api/v1/events/poll?after=0', t.display)).body.events;
    const eastEvents = (await get(t.app, '/api/v1/events/poll?after=0', eastDisplay)).body.events;
    expect(mainEvents.map((e: { number: string }) => e.number)).toEqual(['Y20261125090001']);
    expect(eastEvents.map((e: { number: string }) => e.number)).toEqual(['CD-Y20261125090001']);
    const publicEast = (await get(t.app, '/api/v1/events/public/poll?after=0&hall=CD')).body.events;
    expect(publicEast.map((e: { serviceId: number }) => e.serviceId)).toEqual([eastY]);
  });
});

describe('city admin', () => {
  it('the city overview has every hall’s today and the sum', async () => {
    await openEast();
    const eastY = await serviceIn('CD', 'Y');
    const eastKiosk = await deviceOf('CD');
    await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    await post(t.app, '/api/v1/bookings', bookingBody(person(2), { serviceId: eastY }));
    await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(2).idCard }, eastKiosk);
    t.setNow('2026-11-25T08:50:00+08:00');
    const { body } = await get(t.app, '/api/v1/admin/city', city);
    expect(body.halls).toEqual([
      expect.objectContaining({
        code: 'MAIN',
        booked: 1,
        checkedIn: 0,
        waiting: 0,
      }),
      expect.objectContaining({
        code: 'CD',
        booked: 1,
        checkedIn: 1,
        waiting: 1,
        longestWaitMinutes: 20,
      }),
    ]);
    expect(body.total).toMatchObject({
      booked: 2,
      checkedIn: 1,
      waiting: 1,
      longestWaitMinutes: 20,
    });
    expect((await get(t.app, '/api/v1/admin/city', await t.signIn('admin'))).status).toBe(403);
  });

  it('reports per hall and summed over the city, with CSV naming the hall', async () => {
    await openEast();
    const eastY = await serviceIn('CD', 'Y');
    await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    await post(t.app, '/api/v1/bookings', bookingBody(person(2), { serviceId: eastY }));
    const each = (await get(t.app, '/api/v1/reports/daily?from=2026-11-25&to=2026-11-25&hall=*', city)).body.rows;
    expect(
      each.filter((r: { serviceLetter: string }) => r.serviceLetter === 'Y').map((r: { hallCode: string; booked: number }) => [r.hallCode, r.booked]),
    ).toEqual([
      ['MAIN', 1],
      ['CD', 1],
    ]);
    const summed = (await get(t.app, '/api/v1/reports/daily?from=2026-11-25&to=2026-11-25&hall=*&sum=true', city)).body.rows;
    expect(summed).toHaveLength(4);
    expect(summed[0]).toMatchObject({
      hallCode: '*',
      serviceLetter: 'Y',
      booked: 2,
    });
    const east = (await get(t.app, '/api/v1/reports/daily?from=2026-11-25&to=2026-11-25&hall=CD', city)).body.rows;
    expect(east.map((r: { hallCode: string }) => r.hallCode)).toEqual(['CD', 'CD', 'CD', 'CD']);
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/daily.csv?from=2026-11-25&to=2026-11-25&hall=*',
      headers: city,
    });
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFF日期,大厅代码,大厅,业务代码,业务,预约,已取号,过期未到,取消,闭馆取消,临近开始取消,释放给现场,现场取号,已办结,过号,平均等候(分钟),平均办理(分钟),超时等候,等候中位数(分钟),P90等候(分钟),办理中位数(分钟),P90办理(分钟),优先,优先平均等候(分钟)',
    );
    // A hall admin cannot ask for the city.
    expect((await get(t.app, '/api/v1/reports/daily?from=2026-11-25&to=2026-11-25&hall=*', await t.signIn('admin'))).status).toBe(404);
  });

  it('the audit log: a hall admin reads their hall’s entries, a city admin every hall or one', async () => {
    await openEast();
    const eastAdmin = await t.signIn('admin', 'east-boss', 'CD');
    await post(t.app, '/api/v1/devices', { kind: 'kiosk', name: '东厅取号机' }, eastAdmin);
    await post(t.app, '/api/v1/devices', { kind: 'kiosk', name: '主厅取号机' }, await t.signIn('admin'));
    const targets = async (headers: Record<string, string>, query = '') =>
      (await get(t.app, `/api/v1/audit${query}`, headers)).body.entries.map((e: { action: string }) => e.action);
    // Their hall's own history: its creation, then their kiosk; nothing of the first hall.
    expect(await targets(eastAdmin)).toEqual(['device.create', 'hall.create']);
    expect(await targets(city, '?hall=CD')).toEqual(['device.create', 'hall.create']);
    expect(await targets(city)).toEqual(['device.create', 'device.create', 'hall.create']);
    expect((await get(t.app, '/api/v1/audit?hall=MAIN', eastAdmin)).body.code).toBe('HALL_NOT_FOUND');
  });

  it('renaming a catalogue service renames it in every hall', async () => {
    await openEast();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/catalog/Y',
      payload: {
        nameZh: '医保社保',
        nameEn: 'Medical insurance',
        bringZh: '身份证',
      },
      headers: city,
    });
    expect(res.statusCode).toBe(200);
    for (const hall of ['MAIN', 'CD']) {
      const y = (await get(t.app, `/api/v1/halls/${hall}/services`)).body.services.find((s: { letter: string }) => s.letter === 'Y');
      expect(y.name).toBe('医保社保');
    }
  });
});

describe('the legacy mini-program API', () => {
  it('books in LEGACY_HALL (default the first hall)', async () => {
    await openEast();
    const problems: string[] = [];
    const legacy = { ...legacyOptionsFromEnv({ LEGACY_HALL: 'CD' }, problems), requireKioskGate: false };
    expect(problems).toEqual([]);
    expect(legacyOptionsFromEnv({ LEGACY_HALL: 'c d' }, problems).hall).toBeUndefined();
    expect(problems).toEqual(['LEGACY_HALL must be a hall code such as MAIN or CD (got "c d")']);
    const east = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', legacy });
    try {
      // The same store layout: a second app's own store gets the hall too.
      await post(east.app, '/api/v1/admin/halls', { ...EAST }, await east.signIn('city_admin'));
      const p = person(4);
      const form = `idcard=${p.idCard}&phone=${p.phone}&serviceId=0&reserveTakeTime=${encodeURIComponent('2026-11-26 09:00:00')}`;
      const res = await east.app.inject({ method: 'POST', url: '/order/insertOne', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form });
      expect(res.json().data.serialNum).toBe('CD-Y20261126090001');
      const main = await t.app.inject({ method: 'POST', url: '/order/insertOne', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form });
      expect(main.json().data.serialNum).toBe('Y20261126090001');
    } finally {
      await east.close();
    }
  });
});
