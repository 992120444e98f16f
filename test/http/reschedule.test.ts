// 改约: POST /api/v1/bookings/:number/reschedule moves a booking to another slot in one step.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS } from '../../src/domain/delivery.js';
import { DEFAULT_TEMPLATES } from '../../src/domain/messages.js';
import { NotificationSender } from '../../src/server/messaging/sender.js';
import type { OutgoingSms } from '../../src/server/messaging/sms-driver.js';
import { createBooking } from '../../src/server/services/booking.service.js';
import { bookingBody, counts, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp, testMessaging } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
});
afterEach(() => t.close());

const p = person(1);
const book = async (who = p, over: Record<string, unknown> = {}) => {
  const res = await post(t.app, '/api/v1/bookings', bookingBody(who, over));
  expect(res.status).toBe(201);
  return res.body.booking as { number: string; publicToken: string };
};
const move = (number: string, body: Record<string, unknown>, who = p) =>
  post(t.app, `/api/v1/bookings/${number}/reschedule`, { ...who, ...body });

/** Places taken in service 1's slot, as the availability shows them. */
async function reservedIn(date: string, slot: string, serviceId = 1): Promise<number> {
  const { body } = await get(t.app, `/api/v1/services/${serviceId}/availability?from=${date}&days=1`);
  return body.days[0].slots.find((s: { start: string }) => s.start === slot).reserved;
}

/** Everything a refusal must leave as it was. */
async function snapshot() {
  const bookings = await t.store.db.selectFrom('booking').select(['number', 'status', 'cancel_reason', 'rescheduled_to']).orderBy('id').execute();
  const slots = await t.store.db.selectFrom('slot_inventory').select(['service_id', 'date', 'slot_start', 'reserved']).orderBy('slot_start').execute();
  return { bookings, slots };
}

describe('POST /api/v1/bookings/:number/reschedule', () => {
  it('moves the booking: a new number in the new slot, the old one ends 已改约 and its place is free again', async () => {
    const old = await book();
    const res = await move(old.number, { date: '2026-11-26', slot: '10:00' });
    expect(res.status).toBe(200);
    expect(res.body.booking).toMatchObject({
      number: 'Y20261126100001',
      date: '2026-11-26',
      slotStart: '10:00',
      status: 'booked',
      rescheduledFrom: old.number,
      reschedulesLeft: 1,
    });
    expect(res.body.booking.publicToken).not.toBe(old.publicToken);
    expect(res.body.previous).toMatchObject({ number: old.number, status: 'cancelled', cancelReason: 'rescheduled', rescheduledTo: 'Y20261126100001' });
    expect(await reservedIn('2026-11-25', '09:00')).toBe(0);
    expect(await reservedIn('2026-11-26', '10:00')).toBe(1);
    // 我的预约 shows both: the new one booked, the old one moved to it.
    const mine = (await post(t.app, '/api/v1/bookings/lookup', p)).body.bookings;
    expect(mine.map((b: { number: string; status: string; rescheduledTo?: string }) => [b.number, b.status, b.rescheduledTo])).toEqual([
      ['Y20261126100001', 'booked', undefined],
      [old.number, 'cancelled', 'Y20261126100001'],
    ]);
  });

  it('may move to another slot of the same day; the day’s count is unchanged', async () => {
    const old = await book();
    const res = await move(old.number, { date: '2026-11-25', slot: '10:00' });
    expect(res.status).toBe(200);
    expect(res.body.remaining).toBe((await counts(t.app)).remaining);
    expect(await counts(t.app)).toMatchObject({ reserved: 1 });
  });

  it('the old page /t/<token> says where the booking went', async () => {
    const old = await book();
    const moved = (await move(old.number, { date: '2026-11-26', slot: '10:00' })).body.booking;
    const page = await get(t.app, `/api/v1/t/${old.publicToken}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      state: 'cancelled',
      cancelReason: 'rescheduled',
      rescheduledTo: { number: moved.number, path: `/t/${moved.publicToken}` },
    });
    expect(JSON.stringify(page.body)).not.toContain(p.phone);
  });

  it('a device that remembers the old number learns where it went', async () => {
    const old = (await post(t.app, '/api/v1/bookings', bookingBody(p))).body.booking;
    await move(old.number, { date: '2026-11-26', slot: '10:00' });
    const res = await post(t.app, '/api/v1/bookings/statuses', { bookings: [{ number: old.number, token: old.statusToken }] });
    expect(res.body.bookings).toEqual([{ number: old.number, status: 'cancelled', cancelReason: 'rescheduled', rescheduledTo: 'Y20261126100001' }]);
  });

  it('the same move asked again (a lost answer) answers the move made, and moves nothing more', async () => {
    const old = await book();
    const first = await move(old.number, { date: '2026-11-26', slot: '10:00' });
    const before = await snapshot();
    const again = await move(old.number, { date: '2026-11-26', slot: '10:00' });
    expect(again.status).toBe(200);
    expect(again.body.booking.number).toBe(first.body.booking.number);
    expect(again.body.previous).toMatchObject({ number: old.number, rescheduledTo: first.body.booking.number });
    expect(await snapshot()).toEqual(before);
    // Another slot is a new request: the old booking cannot move any more.
    expect((await move(old.number, { date: '2026-11-26', slot: '11:00' })).body.code).toBe('NOT_RESCHEDULABLE');
  });

  it('at most twice per booking: the booking made by the second move cannot move again', async () => {
    const first = await book();
    const second = (await move(first.number, { date: '2026-11-26', slot: '10:00' })).body.booking;
    const third = (await move(second.number, { date: '2026-11-27', slot: '10:00' })).body.booking;
    expect(third).toMatchObject({ rescheduledFrom: second.number, reschedulesLeft: 0 });
    const before = await snapshot();
    const res = await move(third.number, { date: '2026-11-27', slot: '14:00' });
    expect(res).toMatchObject({ status: 409, body: { code: 'RESCHEDULE_LIMIT', details: { limit: 2 } } });
    expect(res.body.message).toContain('2');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses once the old slot has started, and keeps the booking', async () => {
    const old = await book();
    t.setNow('2026-11-25T09:00:00+08:00');
    const before = await snapshot();
    const res = await move(old.number, { date: '2026-11-26', slot: '10:00' });
    expect(res).toMatchObject({ status: 409, body: { code: 'RESCHEDULE_TOO_LATE' } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a booking that is cancelled or already moved', async () => {
    const old = await book();
    await post(t.app, `/api/v1/bookings/${old.number}/cancel`, p);
    expect((await move(old.number, { date: '2026-11-26', slot: '10:00' })).body.code).toBe('NOT_RESCHEDULABLE');
    const other = await book(p, { date: '2026-11-27' });
    expect((await move(other.number, { date: '2026-11-30', slot: '10:00' })).status).toBe(200);
    const before = await snapshot();
    const again = await move(other.number, { date: '2026-12-01', slot: '10:00' });
    expect(again).toMatchObject({ status: 409, body: { code: 'NOT_RESCHEDULABLE' } });
    expect(await snapshot()).toEqual(before);
  });

  it('someone else’s booking looks like none, and nothing changes', async () => {
    const old = await book();
    const before = await snapshot();
    const res = await move(old.number, { date: '2026-11-26', slot: '10:00' }, person(2));
    expect(res).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['the same slot', { date: '2026-11-25', slot: '09:00' }, 422, 'RESCHEDULE_SAME_SLOT'],
    ['a past slot', { date: '2026-11-24', slot: '10:00' }, 422, 'SLOT_NOT_BOOKABLE'],
    ['a closed day (Sunday)', { date: '2026-11-29', slot: '10:00' }, 422, 'SLOT_NOT_BOOKABLE'],
    ['a slot that does not exist', { date: '2026-11-26', slot: '10:30' }, 422, 'SLOT_NOT_BOOKABLE'],
    ['beyond the booking window', { date: '2027-03-01', slot: '10:00' }, 422, 'SLOT_NOT_BOOKABLE'],
    ['an impossible date', { date: '2026-02-30', slot: '10:00' }, 400, 'VALIDATION'],
    ['a malformed time', { date: '2026-11-26', slot: '9am' }, 400, 'VALIDATION'],
    ['an unknown hall', { date: '2026-11-26', slot: '10:00', hallCode: 'NOPE' }, 404, 'HALL_NOT_FOUND'],
    ['an unknown field', { date: '2026-11-26', slot: '10:00', serviceId: 2 }, 400, 'VALIDATION'],
  ])('refuses %s with a clear code and changes nothing', async (_, body, status, code) => {
    const old = await book();
    const before = await snapshot();
    const res = await move(old.number, body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a full slot with SLOT_FULL, keeping the old booking', async () => {
    const old = await book();
    for (let i = 2; i <= 11; i++) await book(person(i), { slot: '10:00' });
    const before = await snapshot();
    const res = await move(old.number, { date: '2026-11-25', slot: '10:00' });
    expect(res).toMatchObject({ status: 409, body: { code: 'SLOT_FULL' } });
    expect(await snapshot()).toEqual(before);
  });

  it('the per-person rules apply to the new slot, without the booking being moved', async () => {
    const y = await book();
    await book(p, { date: '2026-11-26' });
    // Y on the 26th is booked already: moving the 25th's Y there would make two.
    const dup = await move(y.number, { date: '2026-11-26', slot: '10:00' });
    expect(dup).toMatchObject({ status: 409, body: { code: 'DUPLICATE_BOOKING' } });
    // With three upcoming bookings, a move is still allowed: it does not add one.
    await book(p, { serviceId: 2 });
    expect((await move(y.number, { date: '2026-11-27', slot: '10:00' })).status).toBe(200);
  });

  it('the body carries the ID card and phone: never the URL', async () => {
    const old = await book();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/bookings/${old.number}/reschedule?idCard=${p.idCard}&phone=${p.phone}`, payload: { date: '2026-11-26', slot: '10:00' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
  });
});

describe('moving to another hall', () => {
  it('moves to the same service in another hall; its number carries that hall', async () => {
    const city = await t.signIn('city_admin');
    const east = await post(
      t.app,
      '/api/v1/admin/halls',
      { code: 'CD', nameZh: '城东政务服务中心', nameEn: 'East Service Centre', districtZh: '城东区', districtEn: 'East District', addressZh: '东大街 1 号' },
      city,
    );
    expect(east.status).toBe(201);
    const old = await book();
    const res = await move(old.number, { date: '2026-11-25', slot: '09:00', hallCode: 'CD' });
    expect(res.status).toBe(200);
    expect(res.body.booking).toMatchObject({ number: 'CD-Y20261125090001', hallCode: 'CD', serviceLetter: 'Y' });
    expect(await reservedIn('2026-11-25', '09:00')).toBe(0);
    expect(await reservedIn('2026-11-25', '09:00', res.body.booking.serviceId)).toBe(1);
  });
});

describe('messages of a move', () => {
  it('the new booking gets its confirmation and reminders; the old one’s reminders are dropped', async () => {
    const old = await book(p, { date: '2026-11-26' });
    const moved = (await move(old.number, { date: '2026-11-27', slot: '10:00' })).body.booking;
    const rows = await t.store.db
      .selectFrom('notification')
      .innerJoin('booking', 'booking.id', 'notification.booking_id')
      .select(['booking.number', 'notification.kind', 'notification.status'])
      .orderBy('notification.id')
      .execute();
    const of = (number: string) => rows.filter((r) => r.number === number).map((r) => [r.kind, r.status]);
    expect(of(moved.number)).toEqual([
      ['booking.confirmed', 'queued'],
      ['booking.reminder_day', 'queued'],
      ['booking.reminder_hour', 'queued'],
    ]);
    expect(of(old.number)).toEqual([
      ['booking.confirmed', expect.any(String)],
      ['booking.reminder_day', 'skipped'],
      ['booking.reminder_hour', 'skipped'],
    ]);
  });
});

describe('短信验证码 for a move (BOOKING_VERIFY=sms)', () => {
  it('asks for a code with the purpose reschedule; a booking code does not do', async () => {
    const sms = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', messaging: testMessaging({ verifyPhone: true }) });
    const sent: OutgoingSms[] = [];
    const driver = {
      name: 'recording',
      async send(m: OutgoingSms) {
        sent.push(m);
        return { gatewayId: `gw-${m.id}` };
      },
    };
    const codeFor = async (purpose: string) => {
      expect((await post(sms.app, '/api/v1/verification-codes', { phone: p.phone, purpose })).status).toBe(202);
      await new NotificationSender(sms.ctx, { driver, templates: DEFAULT_TEMPLATES, quietHours: DEFAULT_QUIET_HOURS }).runOnce();
      return /(\d{6})/.exec(sent.at(-1)?.text ?? '')?.[1] ?? '';
    };
    try {
      // The booking itself is made without a code (a context with codes off), straight through the use case.
      const made = await createBooking({ ...sms.ctx, messaging: testMessaging() }, bookingBody(p), { lang: 'zh' });
      const url = `/api/v1/bookings/${made.booking.number}/reschedule`;
      const body = { ...p, date: '2026-11-26', slot: '10:00' };
      const statuses = async () => (await sms.store.db.selectFrom('booking').select('status').orderBy('id').execute()).map((r) => r.status);
      expect((await post(sms.app, url, body)).body.code).toBe('VERIFY_CODE_REQUIRED');
      expect((await post(sms.app, url, { ...body, smsCode: await codeFor('book') })).body.code).toBe('VERIFY_CODE_REQUIRED');
      const code = await codeFor('reschedule');
      expect((await post(sms.app, url, { ...body, smsCode: '000000' })).body.code).toBe('VERIFY_CODE_WRONG');
      expect(await statuses()).toEqual(['booked']);
      expect((await post(sms.app, url, { ...body, smsCode: code })).status).toBe(200);
      expect(await statuses()).toEqual(['cancelled', 'booked']);
    } finally {
      await sms.close();
    }
  });
});
