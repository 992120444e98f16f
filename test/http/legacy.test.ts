// The seed mini-program's API, replayed with the client's exact requests: form-encoded bodies as
// wx.request sends them (String(undefined) === 'undefined'), unpadded dates, a trailing slash on
// selectOne, and an empty serviceId from the check-in tab.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addressMatcher,
  clientAddress,
  invalidEntries,
  parseCidr,
  parseIp,
  parseTrustProxy,
} from '../../src/server/http/legacy/client-address.js';
import { parseLegacyDateTime } from '../../src/server/http/legacy/legacy-shapes.js';
import { type LegacyOptions, legacyOptionsFromEnv } from '../../src/server/http/legacy.routes.js';
import type { App } from '../../src/server/http/types.js';
import { idCard, person, phone } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const KIOSK_NOT_ALLOWED = '此设备不在允许取号的地址名单内，请到大厅的取号机取号';

/** What wx.request puts on the wire for `data` with a form content type. */
function wxForm(data: Record<string, unknown>): string {
  return Object.entries(data)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

async function post(app: App, url: string, payload: string, remoteAddress?: string) {
  const res = await app.inject({ method: 'POST', url, headers: FORM, payload, ...(remoteAddress ? { remoteAddress } : {}) });
  return { status: res.statusCode, body: res.json() };
}

async function get(app: App, url: string) {
  const res = await app.inject({ method: 'GET', url, headers: { 'content-type': 'application/json' } });
  return { status: res.statusCode, body: res.json() };
}

function book(app: App, n: number, serviceId: number | string, reserveTakeTime: string, remoteAddress?: string) {
  const p = person(n);
  return post(app, '/order/insertOne', wxForm({ idcard: p.idCard, phone: p.phone, serviceId, reserveTakeTime }), remoteAddress);
}

function takeNumber(app: App, data: Record<string, unknown>, remoteAddress?: string) {
  return post(app, '/order/selectByOrder', wxForm(data), remoteAddress);
}

/** A valid-looking number whose check character is wrong. */
function badChecksum(n: number): string {
  const good = idCard(n);
  return good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
}

async function withApp(legacy: LegacyOptions | undefined, run: (app: App, count: (table: 'booking' | 'ticket') => Promise<number>) => Promise<void>) {
  const t = await makeTestApp({ now: '2026-11-25T09:30:00+08:00', ...(legacy ? { legacy } : {}) });
  try {
    await run(t.app, async (table) => (await t.store.db.selectFrom(table).select('id').execute()).length);
  } finally {
    await t.close();
  }
}

describe('legacy API (seed mini-program)', () => {
  let t: TestApp;
  const count = async (table: 'booking' | 'ticket' | 'slot_inventory') =>
    table === 'slot_inventory'
      ? (await t.store.db.selectFrom('slot_inventory').select('reserved').execute()).reduce((s, r) => s + r.reserved, 0)
      : (await t.store.db.selectFrom(table).select('id').execute()).length;

  beforeEach(async () => {
    t = await makeTestApp(); // Wednesday 2026-11-25 08:30 in the hall
  });
  afterEach(async () => {
    await t.close();
  });

  describe('GET /business/selectOne', () => {
    it('answers the counts of today, and they change after a booking (client sends a trailing slash)', async () => {
      expect(await get(t.app, '/business/selectOne/?serviceId=0')).toEqual({
        status: 200,
        body: { id: 0, serviceName: '医社保办理', reserveNum: 0, residualNum: 50 },
      });
      expect((await book(t.app, 1, '0', '2026-11-25 10:00:00')).body.code).toBe('111');
      expect((await get(t.app, '/business/selectOne?serviceId=0')).body).toEqual({
        id: 0,
        serviceName: '医社保办理',
        reserveNum: 1,
        residualNum: 49,
      });
      // Another service's counts are untouched; ids map by letter: 1 = H, 2 = F, 3 = S.
      expect((await get(t.app, '/business/selectOne/?serviceId=1')).body).toEqual({
        id: 1,
        serviceName: '护照通行证办理',
        reserveNum: 0,
        residualNum: 50,
      });
      expect((await get(t.app, '/business/selectOne/?serviceId=2')).body.serviceName).toBe('房产证办理');
      expect((await get(t.app, '/business/selectOne/?serviceId=3')).body.serviceName).toBe('水电煤气业务办理');
    });

    it('on a closed day answers the next open day in the window', async () => {
      expect((await book(t.app, 1, 3, '2026-11-30 14:00:00')).body.code).toBe('111'); // Monday
      t.setNow('2026-11-28T10:00:00+08:00'); // Saturday
      expect((await get(t.app, '/business/selectOne/?serviceId=3')).body).toEqual({
        id: 3,
        serviceName: '水电煤气业务办理',
        reserveNum: 1,
        residualNum: 49,
      });
    });

    it.each(['4', '-1', 'abc', '', '1.0', '99999999999'])('refuses serviceId=%j with code 100, HTTP 200', async (id) => {
      expect(await get(t.app, `/business/selectOne/?serviceId=${encodeURIComponent(id)}`)).toEqual({
        status: 200,
        body: { code: '100', msg: '没有这项业务', data: {} },
      });
    });

    it('refuses a missing serviceId', async () => {
      expect((await get(t.app, '/business/selectOne/')).body).toEqual({ code: '100', msg: '没有这项业务', data: {} });
    });
  });

  describe('POST /order/insertOne', () => {
    it('books the slot that contains the time and answers the seed shape, masked', async () => {
      const p = person(1);
      const res = await post(
        t.app,
        '/order/insertOne',
        `idcard=${p.idCard}&phone=${p.phone}&serviceId=0&reserveTakeTime=2026-11-25%2009:30:00`,
      );
      expect(res).toEqual({
        status: 200,
        body: {
          code: '111',
          msg: '预约成功',
          data: {
            id: 'Y20261125090001',
            idcard: `${p.idCard.slice(0, 6)}********${p.idCard.slice(14)}`,
            phone: '138****0001',
            serviceId: 0,
            reserveTakeTime: '2026-11-25 09:00:00',
            serialNum: 'Y20261125090001',
          },
        },
      });
      expect(JSON.stringify(res.body)).not.toContain(p.idCard);
      expect(JSON.stringify(res.body)).not.toContain(p.phone);
      expect(await count('booking')).toBe(1);
    });

    it('accepts the unpadded dates the client sends, and a time between slots books the next slot', async () => {
      const res = await book(t.app, 1, '2', '2026-12-1 13:00:00');
      expect(res.body.code).toBe('111');
      expect(res.body.data).toMatchObject({ serviceId: 2, reserveTakeTime: '2026-12-01 14:00:00', serialNum: 'F20261201140001' });
      const early = await book(t.app, 2, '2', '2026-11-26 8:05:00');
      expect(early.body.data).toMatchObject({ reserveTakeTime: '2026-11-26 09:00:00', serialNum: 'F20261126090001' });
      // '+' for a space, as some encoders write it.
      const plus = await post(t.app, '/order/insertOne', `idcard=${idCard(3)}&phone=${phone(3)}&serviceId=1&reserveTakeTime=2026-11-27+10:30:00`);
      expect(plus.body.data).toMatchObject({ serviceId: 1, reserveTakeTime: '2026-11-27 10:00:00', serialNum: 'H20261127100001' });
    });

    it('also accepts a JSON body with numeric fields', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/order/insertOne',
        payload: { idcard: idCard(1), phone: phone(1), serviceId: 3, reserveTakeTime: '2026-11-26 11:00:00' },
      });
      expect(res.json()).toMatchObject({ code: '111', data: { serviceId: 3, serialNum: 'S20261126110001' } });
    });

    it('numbers bookings in one slot from the same counter', async () => {
      expect((await book(t.app, 1, 0, '2026-11-26 09:00:00')).body.data.serialNum).toBe('Y20261126090001');
      expect((await book(t.app, 2, 0, '2026-11-26 09:45:00')).body.data.serialNum).toBe('Y20261126090002');
    });

    it('refuses a full slot with code 100 and the reason, writing nothing', async () => {
      for (let n = 1; n <= 10; n++) expect((await book(t.app, n, 0, '2026-11-26 09:00:00')).body.code).toBe('111');
      const before = { bookings: await count('booking'), reserved: await count('slot_inventory') };
      expect(await book(t.app, 11, 0, '2026-11-26 09:59:59')).toEqual({
        status: 200,
        body: { code: '100', msg: '该时段已约满，请选择其他时段', data: {} },
      });
      expect({ bookings: await count('booking'), reserved: await count('slot_inventory') }).toEqual(before);
      expect(before).toEqual({ bookings: 10, reserved: 10 });
    });

    it('refuses a duplicate booking of the same service on the same day', async () => {
      expect((await book(t.app, 1, 0, '2026-11-26 09:00:00')).body.code).toBe('111');
      expect((await book(t.app, 1, 0, '2026-11-26 14:00:00')).body).toEqual({
        code: '100',
        msg: '您当天已预约过该业务，请勿重复预约',
        data: {},
      });
      expect(await count('booking')).toBe(1);
      expect(await count('slot_inventory')).toBe(1);
    });

    const refusals: [string, Record<string, unknown>, string][] = [
      ['an invalid ID card', { idcard: badChecksum(1), phone: phone(1), serviceId: 0, reserveTakeTime: '2026-11-26 09:00:00' }, '身份证号不正确：校验位不正确，请核对号码'],
      ['a 15-digit ID card', { idcard: '110105900101002', phone: phone(1), serviceId: 0, reserveTakeTime: '2026-11-26 09:00:00' }, '身份证号不正确：15 位旧身份证号已停用，请使用 18 位号码'],
      ['the string "undefined" as ID card', { idcard: undefined, phone: phone(1), serviceId: 0, reserveTakeTime: '2026-11-26 09:00:00' }, '身份证号不正确：应为 18 位'],
      ['an empty ID card', { idcard: '', phone: phone(1), serviceId: 0, reserveTakeTime: '2026-11-26 09:00:00' }, '请求内容不正确：身份证号不能为空'],
      ['an ID card longer than the API accepts', { idcard: ` ${idCard(1)}${' '.repeat(40)}`, phone: phone(1), serviceId: 0, reserveTakeTime: '2026-11-26 09:00:00' }, '请求内容不正确：身份证号格式不正确'],
      ['an invalid phone', { idcard: idCard(1), phone: '12345678910', serviceId: 0, reserveTakeTime: '2026-11-26 09:00:00' }, '手机号不正确，请输入 11 位大陆手机号'],
      ['a past day', { ...person(1), serviceId: 0, reserveTakeTime: '2026-11-24 10:00:00' }, '该时段不可预约：时间已过'],
      ['a closed day (Saturday)', { ...person(1), serviceId: 0, reserveTakeTime: '2026-11-28 10:00:00' }, '该时段不可预约：当天不办理该业务'],
      ['a day beyond the booking window', { ...person(1), serviceId: 0, reserveTakeTime: '2026-12-20 10:00:00' }, '该时段不可预约：超出可预约日期范围'],
      ['a time after the last slot', { ...person(1), serviceId: 0, reserveTakeTime: '2026-11-26 16:30:00' }, '该时段不可预约：没有这个时段'],
      ['a date that does not exist', { ...person(1), serviceId: 0, reserveTakeTime: '2026-2-30 10:00:00' }, '请求内容不正确：预约时间应为 YYYY-MM-DD HH:mm:ss'],
      ['a time that is not a time', { ...person(1), serviceId: 0, reserveTakeTime: '2026-11-26 25:00:00' }, '请求内容不正确：预约时间应为 YYYY-MM-DD HH:mm:ss'],
      ['words', { ...person(1), serviceId: 0, reserveTakeTime: 'tomorrow morning' }, '请求内容不正确：预约时间应为 YYYY-MM-DD HH:mm:ss'],
      ['no time', { ...person(1), serviceId: 0 }, '请求内容不正确：预约时间应为 YYYY-MM-DD HH:mm:ss'],
      ['service id 4', { ...person(1), serviceId: 4, reserveTakeTime: '2026-11-26 09:00:00' }, '没有这项业务'],
      ['an empty service id', { ...person(1), serviceId: '', reserveTakeTime: '2026-11-26 09:00:00' }, '没有这项业务'],
      ['a negative service id', { ...person(1), serviceId: -1, reserveTakeTime: '2026-11-26 09:00:00' }, '没有这项业务'],
    ];
    it.each(refusals)('refuses %s with code 100, HTTP 200, writing nothing', async (_what, data, msg) => {
      const payload = wxForm(Object.fromEntries(Object.entries(data).map(([k, v]) => [k === 'idCard' ? 'idcard' : k, v])));
      expect(await post(t.app, '/order/insertOne', payload)).toEqual({ status: 200, body: { code: '100', msg, data: {} } });
      expect(await count('booking')).toBe(0);
      expect(await count('slot_inventory')).toBe(0);
      expect((await get(t.app, '/business/selectOne/?serviceId=0')).body).toMatchObject({ reserveNum: 0, residualNum: 50 });
    });

    it('refuses a slot of today that has already started', async () => {
      t.setNow('2026-11-25T09:30:00+08:00');
      expect((await book(t.app, 1, 0, '2026-11-25 9:15:00')).body).toEqual({ code: '100', msg: '该时段不可预约：时间已过', data: {} });
      expect(await count('booking')).toBe(0);
    });

    it('answers garbage bodies with code 100, never a 5xx', async () => {
      for (const payload of ['', '&&&', '=', 'serviceId[]=0&serviceId[]=1', '%E4%ZZ', 'serviceId=0&serviceId=1&idcard=x']) {
        const res = await post(t.app, '/order/insertOne', payload);
        expect(res.status, payload).toBe(200);
        expect(res.body.code, payload).toBe('100');
      }
      const noBody = await t.app.inject({ method: 'POST', url: '/order/insertOne' });
      expect([noBody.statusCode, noBody.json().code]).toEqual([200, '100']);
      expect(await count('booking')).toBe(0);
    });

    it('keeps the status of truly malformed HTTP, still in the legacy shape', async () => {
      const xml = await t.app.inject({ method: 'POST', url: '/order/insertOne', headers: { 'content-type': 'application/xml' }, payload: '<x/>' });
      expect([xml.statusCode, xml.json().code]).toEqual([415, '100']);
      const json = await t.app.inject({ method: 'POST', url: '/order/selectByOrder', headers: { 'content-type': 'application/json' }, payload: '{"takeType":' });
      expect([json.statusCode, json.json().code]).toEqual([400, '101']);
      const big = await post(t.app, '/order/insertOne', `idcard=${'1'.repeat(20_000)}`);
      expect([big.status, big.body.code]).toEqual([413, '100']);
      expect(await count('booking')).toBe(0);
    });
  });

  describe('POST /order/selectByOrder', () => {
    it('walk-in: takeType 0 with idcard "undefined", as the 现场取号 tab sends it', async () => {
      t.setNow('2026-11-25T09:30:00+08:00');
      const res = await takeNumber(t.app, { takeType: 0, idcard: undefined, serviceId: '1' });
      expect(res).toEqual({
        status: 200,
        body: {
          code: '22',
          msg: '现场取号成功',
          data: { serviceId: 1, serviceName: '护照通行证办理', serialNum: 'H20261125093001', waitingAhead: 0 },
        },
      });
      expect(await count('ticket')).toBe(1);
    });

    it.each([
      ['an empty idcard', { takeType: 1, idcard: '', serviceId: '2' }],
      ['the string undefined', { takeType: 1, idcard: 'undefined', serviceId: '2' }],
      ['no idcard field at all', { takeType: 1, serviceId: '2' }],
      ['takeType 0 even with an ID card', { takeType: 0, idcard: idCard(1), serviceId: '2' }],
    ])('walk-in by %s', async (_what, data) => {
      t.setNow('2026-11-25T09:30:00+08:00');
      const res = await takeNumber(t.app, data);
      expect(res.body).toMatchObject({ code: '22', msg: '现场取号成功', data: { serviceId: 2, serialNum: 'F20261125093001' } });
    });

    it('walk-in refusals: no service chosen, hall not open, numbers used up', async () => {
      t.setNow('2026-11-25T09:30:00+08:00');
      expect((await takeNumber(t.app, { takeType: 0, idcard: undefined, serviceId: '' })).body).toEqual({ code: '101', msg: '没有这项业务' });
      t.setNow('2026-11-25T08:30:00+08:00');
      expect((await takeNumber(t.app, { takeType: 0, idcard: undefined, serviceId: '0' })).body).toEqual({
        code: '101',
        msg: '现在不在办理时间内，09:00 开始办理',
      });
      t.setNow('2026-11-28T10:00:00+08:00'); // Saturday
      expect((await takeNumber(t.app, { takeType: 0, idcard: undefined, serviceId: '0' })).body.msg).toBe('现在不在办理时间内');
      expect(await count('ticket')).toBe(0);

      t.setNow('2026-11-25T09:30:00+08:00');
      const s = await t.store.db.selectFrom('service').select('id').where('letter', '=', 'S').executeTakeFirstOrThrow();
      await t.store.db.insertInto('walk_in_inventory').values({ service_id: s.id, date: '2026-11-25', quota: 1, issued: 0 }).execute();
      expect((await takeNumber(t.app, { takeType: 0, idcard: undefined, serviceId: '3' })).body.code).toBe('22');
      expect((await takeNumber(t.app, { takeType: 0, idcard: undefined, serviceId: '3' })).body).toEqual({
        code: '101',
        msg: '今日现场号已取完',
      });
      expect(await count('ticket')).toBe(1);
    });

    it('check-in by ID card (the 预约取号 tab sends an empty serviceId) returns the booking number; a repeat reprints it', async () => {
      const p = person(1);
      t.setNow('2026-11-25T08:00:00+08:00');
      const booked = await book(t.app, 1, 0, '2026-11-25 09:00:00');
      t.setNow('2026-11-25T08:30:00+08:00');
      const res = await takeNumber(t.app, { takeType: 1, idcard: p.idCard, serviceId: '' });
      expect(res).toEqual({
        status: 200,
        body: {
          code: '21',
          msg: '预约取号成功',
          data: {
            id: booked.body.data.serialNum,
            idcard: booked.body.data.idcard,
            serviceId: 0,
            serviceName: '医社保办理',
            serialNum: 'Y20261125090001',
            reserveTakeTime: '2026-11-25 09:00:00',
            waitingAhead: 0,
            reprint: false,
          },
        },
      });
      const again = await takeNumber(t.app, { takeType: 1, idcard: p.idCard, serviceId: '' });
      expect(again.body).toMatchObject({ code: '21', data: { serialNum: 'Y20261125090001', reprint: true } });
      expect(await count('ticket')).toBe(1);
      // The booking is kept (checked in), not deleted as the seed did.
      expect(await count('booking')).toBe(1);
    });

    it('无预约记录 for an ID card without a booking today', async () => {
      expect(await takeNumber(t.app, { takeType: 1, idcard: idCard(7), serviceId: '' })).toEqual({
        status: 200,
        body: { code: '101', msg: '无预约记录' },
      });
      expect((await book(t.app, 7, 0, '2026-11-26 09:00:00')).body.code).toBe('111'); // tomorrow is not today
      expect((await takeNumber(t.app, { takeType: 1, idcard: idCard(7), serviceId: '' })).body).toEqual({ code: '101', msg: '无预约记录' });
    });

    it('too early, expired and invalid ID card are code 101 with the reason, writing nothing', async () => {
      expect((await book(t.app, 1, 0, '2026-11-25 14:00:00')).body.code).toBe('111');
      expect((await takeNumber(t.app, { takeType: 1, idcard: idCard(1), serviceId: '' })).body).toEqual({
        code: '101',
        msg: '还未到取号时间，请于 13:00 后取号',
      });
      t.setNow('2026-11-25T15:10:00+08:00');
      expect((await takeNumber(t.app, { takeType: 1, idcard: idCard(1), serviceId: '' })).body).toEqual({
        code: '101',
        msg: '预约时段已过，请现场取号',
      });
      expect((await takeNumber(t.app, { takeType: 1, idcard: badChecksum(1), serviceId: '' })).body).toEqual({
        code: '101',
        msg: '身份证号不正确：校验位不正确，请核对号码',
      });
      expect(await count('ticket')).toBe(0);
    });

    it('answers garbage with code 101, never a 5xx', async () => {
      for (const payload of ['', 'takeType=1&idcard=%00%00', 'takeType=x&idcard=abc', 'idcard[]=1&idcard[]=2']) {
        const res = await post(t.app, '/order/selectByOrder', payload);
        expect(res.status, payload).toBe(200);
        expect(res.body.code, payload).toBe('101');
      }
    });
  });

  describe('GET /order/selectAll', () => {
    it('lists nobody\'s bookings without credentials (the seed listed everyone\'s)', async () => {
      expect((await book(t.app, 1, 0, '2026-11-26 09:00:00')).body.code).toBe('111');
      expect((await book(t.app, 2, 1, '2026-11-26 10:00:00')).body.code).toBe('111');
      const empty = { status: 200, body: { code: '31', msg: '显示所有数据', data: [] } };
      expect(await get(t.app, '/order/selectAll')).toEqual(empty);
      expect(await get(t.app, `/order/selectAll?idcard=${idCard(1)}`)).toEqual(empty);
      expect(await get(t.app, `/order/selectAll?idcard=${idCard(1)}&phone=${phone(2)}`)).toEqual(empty);
      expect(await get(t.app, `/order/selectAll?idcard=undefined&phone=undefined`)).toEqual(empty);
    });

    it('lists the bookings of the person identified by idcard and phone, masked', async () => {
      const p = person(1);
      expect((await book(t.app, 1, 0, '2026-11-26 09:00:00')).body.code).toBe('111');
      expect((await book(t.app, 1, 2, '2026-11-27 15:00:00')).body.code).toBe('111');
      expect((await book(t.app, 2, 1, '2026-11-26 10:00:00')).body.code).toBe('111');
      const res = await get(t.app, `/order/selectAll?idcard=${p.idCard}&phone=${p.phone}`);
      expect(res.status).toBe(200);
      expect(res.body.code).toBe('31');
      expect(res.body.data).toHaveLength(2);
      expect(res.body.data).toContainEqual({
        id: 'Y20261126090001',
        idcard: `${p.idCard.slice(0, 6)}********${p.idCard.slice(14)}`,
        phone: '138****0001',
        serviceId: 0,
        reserveTakeTime: '2026-11-26 09:00:00',
        serialNum: 'Y20261126090001',
        serviceName: '医社保办理',
        status: 'booked',
      });
      expect(res.body.data.map((b: { serialNum: string }) => b.serialNum).sort()).toEqual(['F20261127150001', 'Y20261126090001']);
      expect(JSON.stringify(res.body)).not.toContain(p.idCard);
    });

    it('refuses invalid credentials with code 100 and an empty list', async () => {
      expect((await get(t.app, `/order/selectAll?idcard=${badChecksum(1)}&phone=${phone(1)}`)).body).toEqual({
        code: '100',
        msg: '身份证号不正确：校验位不正确，请核对号码',
        data: [],
      });
    });
  });

  it('does not provide the seed\'s POST /business/updateOne', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/business/updateOne', headers: FORM, payload: 'id=0&num=-50' });
    expect(res.statusCode).toBe(404);
  });

  it('the JSON API still refuses form bodies', async () => {
    const p = person(1);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: FORM,
      payload: `serviceId=1&date=2026-11-26&slot=09:00&idCard=${p.idCard}&phone=${p.phone}`,
    });
    expect(res.statusCode).toBe(415);
    expect(await count('booking')).toBe(0);
  });

  it('shares capacity and numbers with the JSON API', async () => {
    const p = person(1);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      payload: { serviceId: 1, date: '2026-11-26', slot: '09:00', ...person(2) },
    });
    expect(json.json().booking.number).toBe('Y20261126090001');
    expect((await book(t.app, 1, 0, '2026-11-26 09:10:00')).body.data.serialNum).toBe('Y20261126090002');
    const list = await t.app.inject({ method: 'POST', url: '/api/v1/bookings/lookup', payload: p });
    expect(list.json().bookings.map((b: { number: string }) => b.number)).toEqual(['Y20261126090002']);
  });
});

describe('legacy API switched off and kiosk gate', () => {
  it('LEGACY_API=off: the legacy paths are 404, the JSON API still answers', async () => {
    await withApp({ enabled: false, kioskAllow: ['loopback'], requireKioskGate: false }, async (app) => {
      for (const url of ['/business/selectOne/?serviceId=0', '/order/selectAll']) {
        expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
      }
      for (const url of ['/order/insertOne', '/order/selectByOrder']) {
        const res = await app.inject({ method: 'POST', url, headers: FORM, payload: 'takeType=0&idcard=undefined&serviceId=0' });
        expect(res.statusCode, url).toBe(404);
      }
      expect((await app.inject({ method: 'GET', url: '/api/v1/services' })).statusCode).toBe(200);
    });
  });

  it('by default (kiosks need a device token) only loopback may take numbers through the old client', async () => {
    await withApp(undefined, async (app, count) => {
      const res = await takeNumber(app, { takeType: 0, idcard: undefined, serviceId: '0' }, '203.0.113.7');
      expect(res.body).toEqual({ code: '101', msg: KIOSK_NOT_ALLOWED });
      expect(await count('ticket')).toBe(0);
      expect((await takeNumber(app, { takeType: 0, idcard: undefined, serviceId: '0' }, '127.0.0.1')).body.code).toBe('22');
      expect(await count('ticket')).toBe(1);
    });
  });

  it('with the gate switched off any address may take numbers', async () => {
    const legacy: LegacyOptions = { enabled: true, kioskAllow: ['loopback'], requireKioskGate: false };
    await withApp(legacy, async (app, count) => {
      expect((await takeNumber(app, { takeType: 0, idcard: undefined, serviceId: '0' }, '203.0.113.7')).body.code).toBe('22');
      expect(await count('ticket')).toBe(1);
    });
  });

  it('with the gate, check-in and walk-in answer only allowed addresses; booking is not gated', async () => {
    const legacy: LegacyOptions = { enabled: true, kioskAllow: ['loopback', '192.168.10.0/24'], requireKioskGate: true };
    await withApp(legacy, async (app, count) => {
      const walk = { takeType: 0, idcard: undefined, serviceId: '0' };
      expect((await takeNumber(app, walk, '203.0.113.7')).body).toEqual({ code: '101', msg: KIOSK_NOT_ALLOWED });
      expect((await takeNumber(app, { takeType: 1, idcard: idCard(1), serviceId: '' }, '203.0.113.7')).body).toEqual({
        code: '101',
        msg: KIOSK_NOT_ALLOWED,
      });
      expect(await count('ticket')).toBe(0);
      expect((await takeNumber(app, walk, '127.0.0.1')).body.code).toBe('22');
      expect((await takeNumber(app, walk, '::ffff:127.0.0.1')).body.code).toBe('22');
      expect((await takeNumber(app, walk, '::1')).body.code).toBe('22');
      expect((await takeNumber(app, walk, '192.168.10.20')).body.code).toBe('22');
      expect(await count('ticket')).toBe(4);
      // A forged X-Forwarded-For is ignored when no proxy is trusted.
      const forged = await app.inject({
        method: 'POST',
        url: '/order/selectByOrder',
        headers: { ...FORM, 'x-forwarded-for': '127.0.0.1' },
        payload: wxForm(walk),
        remoteAddress: '203.0.113.7',
      });
      expect(forged.json()).toEqual({ code: '101', msg: KIOSK_NOT_ALLOWED });
      expect((await book(app, 1, 0, '2026-11-26 09:00:00', '203.0.113.7')).body.code).toBe('111');
    });
  });

  it('a request forwarded by a local proxy is not a loopback client while TRUST_PROXY is off', async () => {
    await withApp(undefined, async (app, count) => {
      const walk = wxForm({ takeType: 0, idcard: undefined, serviceId: '0' });
      for (const forwarded of [{ 'x-forwarded-for': '203.0.113.7' }, { 'x-real-ip': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }]) {
        const res = await app.inject({ method: 'POST', url: '/order/selectByOrder', headers: { ...FORM, ...forwarded }, payload: walk, remoteAddress: '127.0.0.1' });
        expect(res.json(), JSON.stringify(forwarded)).toEqual({ code: '101', msg: KIOSK_NOT_ALLOWED });
      }
      expect(await count('ticket')).toBe(0);
      // The same request straight from loopback (the kiosk PC running the server) still works.
      expect((await takeNumber(app, { takeType: 0, idcard: undefined, serviceId: '0' }, '127.0.0.1')).body.code).toBe('22');
    });
  });

  it('TRUST_PROXY=true trusts one hop: forwarded headers it cannot read and client-written entries change nothing', async () => {
    const problems: string[] = [];
    const legacy = legacyOptionsFromEnv({ TRUST_PROXY: 'true', LEGACY_KIOSK_ALLOW: '192.168.10.0/24' }, problems);
    expect(problems).toEqual([]);
    await withApp(legacy, async (app, count) => {
      const send = (headers: Record<string, string>) =>
        app.inject({ method: 'POST', url: '/order/selectByOrder', headers: { ...FORM, ...headers }, payload: wxForm({ takeType: 0, idcard: undefined, serviceId: '0' }), remoteAddress: '127.0.0.1' });
      // A client in front of the proxy writes an allowed address first; the proxy appends what it saw.
      expect((await send({ 'x-forwarded-for': '192.168.10.20, 203.0.113.7' })).json().code).toBe('101');
      // The proxy says it forwarded, but not in X-Forwarded-For: the client is unknown.
      expect((await send({ 'x-real-ip': '192.168.10.20' })).json().code).toBe('101');
      expect(await count('ticket')).toBe(0);
      expect((await send({ 'x-forwarded-for': '203.0.113.7, 192.168.10.20' })).json().code).toBe('22');
    });
  });

  it('behind a trusted proxy the client address comes from X-Forwarded-For', async () => {
    const legacy: LegacyOptions = { enabled: true, kioskAllow: ['192.168.10.0/24'], requireKioskGate: true, trustProxy: ['loopback'] };
    await withApp(legacy, async (app) => {
      const send = (xff: string) =>
        app.inject({
          method: 'POST',
          url: '/order/selectByOrder',
          headers: { ...FORM, 'x-forwarded-for': xff },
          payload: wxForm({ takeType: 0, idcard: undefined, serviceId: '0' }),
          remoteAddress: '127.0.0.1',
        });
      expect((await send('192.168.10.20')).json().code).toBe('22');
      expect((await send('203.0.113.7')).json()).toEqual({ code: '101', msg: KIOSK_NOT_ALLOWED });
      // Only the nearest untrusted hop counts: a client cannot prepend an allowed address.
      expect((await send('192.168.10.20, 203.0.113.7')).json().code).toBe('101');
    });
  });
});

describe('legacy API helpers', () => {
  it.each([
    ['2026-11-25 09:00:00', { date: '2026-11-25', time: '09:00' }],
    ['2026-11-5 13:00:00', { date: '2026-11-05', time: '13:00' }],
    ['2026-1-5 9:5:0', { date: '2026-01-05', time: '09:05' }],
    ['2026/11/05 13:00', { date: '2026-11-05', time: '13:00' }],
    ['  2026-11-25T09:00:00 ', { date: '2026-11-25', time: '09:00' }],
    ['2028-2-29 10:00:00', { date: '2028-02-29', time: '10:00' }],
    ['2026-2-29 10:00:00', null],
    ['2026-11-25 24:00:00', null],
    ['2026-11-25 09:60:00', null],
    ['2026-11-25 09:00:60', null],
    ['2026-11-25', null],
    ['undefined', null],
    ['', null],
  ])('parseLegacyDateTime(%j)', (raw, expected) => {
    expect(parseLegacyDateTime(raw)).toEqual(expected);
  });

  it('parses IPv4, IPv6 and IPv4-mapped addresses', () => {
    expect(parseIp('127.0.0.1')).toEqual({ family: 4, bytes: [127, 0, 0, 1] });
    expect(parseIp('::ffff:127.0.0.1')).toEqual({ family: 4, bytes: [127, 0, 0, 1] });
    expect(parseIp('::ffff:7f00:1')).toEqual({ family: 4, bytes: [127, 0, 0, 1] });
    expect(parseIp('::1')).toEqual({ family: 6, bytes: [...Array(15).fill(0), 1] });
    expect(parseIp('[fe80::1%eth0]')?.bytes.slice(0, 2)).toEqual([0xfe, 0x80]);
    expect(parseIp('2001:db8::8:800:200c:417a')?.bytes).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 8, 8, 0, 0x20, 0x0c, 0x41, 0x7a]);
    for (const bad of ['', 'localhost', '127.0.0.256', '010.0.0.1', '1.2.3', '::g', '1.2.3.4/8', 'unknown']) expect(parseIp(bad), bad).toBeNull();
  });

  it('parses CIDR ranges and refuses bad ones', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ family: 4, bytes: [10, 0, 0, 0], prefix: 8 });
    expect(parseCidr('10.1.2.3')).toMatchObject({ prefix: 32 });
    expect(parseCidr('::1')).toMatchObject({ family: 6, prefix: 128 });
    expect(parseCidr('::ffff:10.0.0.0/104')).toEqual({ family: 4, bytes: [10, 0, 0, 0], prefix: 8 });
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/x', '::ffff:10.0.0.0/64', 'fd00::/-1', 'x/8']) {
      expect(parseCidr(bad), bad).toBeNull();
    }
    expect(invalidEntries(['loopback', 'NONE', '10.0.0.0/8', 'fd00::/8', 'localhost', '300.1.1.1'])).toEqual(['localhost', '300.1.1.1']);
  });

  it.each([
    [['loopback'], '127.0.0.1', true],
    [['loopback'], '127.255.0.9', true],
    [['loopback'], '::1', true],
    [['loopback'], '::ffff:127.0.0.1', true],
    [['loopback'], '128.0.0.1', false],
    [['loopback'], '::2', false],
    [['loopback'], undefined, false],
    [['loopback'], 'garbage', false],
    [['none'], '127.0.0.1', false],
    [[], '127.0.0.1', false],
    [['192.168.10.0/24'], '192.168.10.255', true],
    [['192.168.10.0/24'], '192.168.11.1', false],
    [['192.168.10.0/23'], '192.168.11.1', true],
    [['192.168.10.0/24'], '::ffff:192.168.10.7', true],
    [['10.1.2.3'], '10.1.2.3', true],
    [['10.1.2.3'], '10.1.2.4', false],
    [['0.0.0.0/0'], '8.8.8.8', true],
    [['0.0.0.0/0'], '2001:db8::1', false],
    [['fd00::/8'], 'fd12:3456::1', true],
    [['fd00::/8'], 'fe00::1', false],
    [['2001:db8::/33'], '2001:db8:7fff::1', true],
    [['2001:db8::/33'], '2001:db8:8000::1', false],
    [['::/0'], '::1', true],
    [['::ffff:10.0.0.0/104'], '10.9.9.9', true],
  ] as [string[], string | undefined, boolean][])('allow list %j matches %j: %s', (list, address, expected) => {
    expect(addressMatcher(list)(address)).toBe(expected);
  });

  it('addressMatcher throws on an entry that is not an address', () => {
    expect(() => addressMatcher(['loopback', 'kiosk-1'])).toThrow(/kiosk-1/);
  });

  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['off', false],
    ['0', false],
    ['true', 1],
    ['ON', 1],
    ['2', 2],
    ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
  ] as [string | undefined, unknown][])('TRUST_PROXY=%j', (raw, value) => {
    expect(parseTrustProxy(raw)).toEqual({ ok: true, value });
  });

  it('refuses a TRUST_PROXY that means nothing', () => {
    expect(parseTrustProxy('yes please')).toEqual({ ok: false, problem: expect.stringContaining('"please"') });
    expect(parseTrustProxy('1000')).toEqual({ ok: false, problem: expect.stringContaining('at most 100') });
  });

  it.each([
    [false, '127.0.0.1', '1.1.1.1', '127.0.0.1'],
    [0, '127.0.0.1', '1.1.1.1', '127.0.0.1'],
    [1, '127.0.0.1', undefined, '127.0.0.1'],
    [1, '127.0.0.1', '1.1.1.1, 2.2.2.2', '2.2.2.2'],
    [2, '127.0.0.1', '1.1.1.1, 2.2.2.2', '1.1.1.1'],
    [5, '127.0.0.1', '1.1.1.1, 2.2.2.2', '1.1.1.1'],
    [['loopback'], '127.0.0.1', '1.1.1.1, 2.2.2.2', '2.2.2.2'],
    [['loopback', '2.2.2.2'], '127.0.0.1', '1.1.1.1, 2.2.2.2', '1.1.1.1'],
    [['loopback'], '10.0.0.1', '1.1.1.1', '10.0.0.1'],
    [['loopback'], '::ffff:127.0.0.1', '192.168.10.20', '192.168.10.20'],
    [['loopback'], '127.0.0.1', ['1.1.1.1', '2.2.2.2'], '2.2.2.2'],
    [['loopback'], '127.0.0.1', 'unknown', 'unknown'],
  ] as [false | number | string[], string, string | string[] | undefined, string][])(
    'trust %j, socket %s, X-Forwarded-For %j -> %s',
    (trust, remote, xff, expected) => {
      expect(clientAddress(remote, xff, trust)).toBe(expected);
    },
  );

  it('reads LEGACY_API, LEGACY_KIOSK_ALLOW and TRUST_PROXY with defaults', () => {
    const problems: string[] = [];
    expect(legacyOptionsFromEnv({}, problems)).toEqual({ enabled: true, kioskAllow: ['loopback'], requireKioskGate: true, trustProxy: false });
    expect(
      legacyOptionsFromEnv({ LEGACY_API: 'off', LEGACY_KIOSK_ALLOW: '192.168.10.0/24, ::1', TRUST_PROXY: '1' }, problems, { requireKioskGate: true }),
    ).toEqual({ enabled: false, kioskAllow: ['192.168.10.0/24', '::1'], requireKioskGate: true, trustProxy: 1 });
    expect(legacyOptionsFromEnv({ LEGACY_API: 'on' }, problems).enabled).toBe(true);
    expect(problems).toEqual([]);
  });

  it('reports every bad legacy setting in words', () => {
    const problems: string[] = [];
    const options = legacyOptionsFromEnv({ LEGACY_API: 'maybe', LEGACY_KIOSK_ALLOW: '10.0.0.0/8 kiosk-1 999.1.1.1', TRUST_PROXY: 'proxy' }, problems);
    expect(problems).toEqual([
      'LEGACY_API must be "on" or "off" (got "maybe")',
      expect.stringMatching(/^LEGACY_KIOSK_ALLOW must list IP addresses or CIDR ranges .* \(not an address: "kiosk-1", "999\.1\.1\.1"\)$/),
      expect.stringMatching(/^TRUST_PROXY must be .*"proxy"/),
    ]);
    expect(options.kioskAllow).toEqual(['loopback']);
  });
});
