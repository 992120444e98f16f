import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, counts, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
});
afterEach(() => t.close());

describe('POST /api/v1/bookings', () => {
  it('books a place and returns the 办事编号 with masked personal data', async () => {
    const res = await post(t.app, '/api/v1/bookings', bookingBody({ idCard: ' 11010519491231002x ', phone: '+86 138-1234-8000' }));
    expect(res.status).toBe(201);
    expect(res.body.booking).toMatchObject({
      number: 'Y20261125090001',
      serviceId: 1,
      serviceLetter: 'Y',
      serviceName: '医社保办理',
      date: '2026-11-25',
      slotStart: '09:00',
      slotEnd: '10:00',
      status: 'booked',
      idCardMasked: '110105********002X',
      phoneMasked: '138****8000',
      checkInOpensAt: '08:00',
    });
    expect(res.body.remaining).toBe(49);
    expect(await counts(t.app)).toMatchObject({ reserved: 1, remaining: 49 });
  });

  it('numbers bookings in a slot in order', async () => {
    const numbers = [];
    for (let i = 1; i <= 3; i++) numbers.push((await post(t.app, '/api/v1/bookings', bookingBody(person(i)))).body.booking.number);
    expect(numbers).toEqual(['Y20261125090001', 'Y20261125090002', 'Y20261125090003']);
  });

  it('never stores the raw ID card or phone number', async () => {
    const p = person(7);
    await post(t.app, '/api/v1/bookings', bookingBody(p, { name: '张三' }));
    const tables = ['booking', 'person'] as const;
    for (const table of tables) {
      const rows = await t.store.db.selectFrom(table).selectAll().execute();
      const dump = JSON.stringify(rows);
      expect(dump).not.toContain(p.idCard);
      expect(dump).not.toContain(p.phone);
    }
  });

  it('refuses a full slot with SLOT_FULL and writes nothing', async () => {
    for (let i = 1; i <= 10; i++) expect((await post(t.app, '/api/v1/bookings', bookingBody(person(i)))).status).toBe(201);
    const before = await counts(t.app);
    const res = await post(t.app, '/api/v1/bookings', bookingBody(person(11)));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SLOT_FULL');
    expect(await counts(t.app)).toEqual(before);
    const slots = (await get(t.app, '/api/v1/services/1/availability?days=1')).body.days[0].slots;
    expect(slots[0]).toMatchObject({ start: '09:00', capacity: 10, reserved: 10, remaining: 0, bookable: false, reason: 'full' });
  });

  it.each([
    [{ idCard: '110105194912310021' }, 400, 'INVALID_ID_CARD', 'CHECKSUM'],
    [{ idCard: '110105491231002' }, 400, 'INVALID_ID_CARD', 'LEGACY_15'],
    [{ idCard: '11010520991231002X' }, 400, 'INVALID_ID_CARD', 'BIRTH_FUTURE'],
    [{ phone: '12812348000' }, 400, 'INVALID_PHONE', 'FORMAT'],
    [{ serviceId: 99 }, 404, 'SERVICE_NOT_FOUND', undefined],
    [{ slot: '12:00' }, 422, 'SLOT_NOT_BOOKABLE', 'no_such_slot'],
    [{ date: '2026-11-28' }, 422, 'SLOT_NOT_BOOKABLE', 'closed'],
    [{ date: '2026-11-24' }, 422, 'SLOT_NOT_BOOKABLE', 'past'],
    [{ date: '2026-12-03' }, 422, 'SLOT_NOT_BOOKABLE', 'outside_window'],
    [{ date: '2026-02-30' }, 400, 'VALIDATION', undefined],
    [{ serviceId: '1' }, 400, 'VALIDATION', undefined],
    [{ extra: 1 }, 400, 'VALIDATION', undefined],
    [{ slot: '9:00' }, 400, 'VALIDATION', undefined],
  ])('%o -> %i %s', async (over, status, code, reason) => {
    const res = await post(t.app, '/api/v1/bookings', { ...bookingBody({ idCard: '11010519491231002X', phone: '13812348000' }), ...over });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(typeof res.body.message).toBe('string');
    if (reason) expect(res.body.details.reason).toBe(reason);
    expect(await t.store.db.selectFrom('booking').select('id').execute()).toEqual([]);
  });

  it('a slot that has started can no longer be booked', async () => {
    t.setNow('2026-11-25T09:00:00+08:00');
    const res = await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    expect(res.body).toMatchObject({ code: 'SLOT_NOT_BOOKABLE', details: { reason: 'past' } });
  });

  it('one active booking per person, service and day', async () => {
    const p = person(1);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(p))).status).toBe(201);
    const again = await post(t.app, '/api/v1/bookings', bookingBody(p, { slot: '10:00' }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE_BOOKING');
    expect((await post(t.app, '/api/v1/bookings', bookingBody(p, { serviceId: 2 }))).status).toBe(201);
  });

  it('at most three upcoming bookings per person', async () => {
    const p = person(1);
    for (const serviceId of [1, 2, 3]) expect((await post(t.app, '/api/v1/bookings', bookingBody(p, { serviceId }))).status).toBe(201);
    const fourth = await post(t.app, '/api/v1/bookings', bookingBody(p, { serviceId: 4 }));
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({ code: 'BOOKING_LIMIT', message: '您已有 3 个未办理的预约，请办理或取消后再预约' });
  });

  it('an Idempotency-Key retry returns the same booking, never a second one', async () => {
    const headers = { 'idempotency-key': 'abc-123' };
    const first = await post(t.app, '/api/v1/bookings', bookingBody(person(1)), headers);
    const retry = await post(t.app, '/api/v1/bookings', bookingBody(person(1)), headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body.replayed).toBe(true);
    expect(retry.body.booking.number).toBe(first.body.booking.number);
    expect(await counts(t.app)).toMatchObject({ reserved: 1 });
    const misuse = await post(t.app, '/api/v1/bookings', bookingBody(person(1), { slot: '10:00' }), headers);
    expect(misuse.body.code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('concurrent retries with one Idempotency-Key make one booking', async () => {
    const headers = { 'idempotency-key': 'same-key' };
    const results = await Promise.all(Array.from({ length: 8 }, () => post(t.app, '/api/v1/bookings', bookingBody(person(1)), headers)));
    expect(new Set(results.map((r) => r.body.booking.number)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(await counts(t.app)).toMatchObject({ reserved: 1 });
  });

  it('answers in English when Accept-Language prefers it', async () => {
    const res = await post(t.app, '/api/v1/bookings', bookingBody(person(1), { phone: '123' }), {
      'accept-language': 'en-US,en;q=0.9,zh;q=0.5',
    });
    expect(res.body.message).toBe('Phone number is not valid: enter an 11-digit mainland mobile number');
  });
});

describe('POST /api/v1/bookings/lookup', () => {
  it('lists the pair’s bookings newest first, and nothing for a wrong pair', async () => {
    const p = person(1);
    await post(t.app, '/api/v1/bookings', bookingBody(p));
    await post(t.app, '/api/v1/bookings', bookingBody(p, { serviceId: 2, date: '2026-11-26' }));
    const res = await post(t.app, '/api/v1/bookings/lookup', p);
    expect(res.status).toBe(200);
    expect(res.body.bookings.map((b: { number: string }) => b.number)).toEqual(['H20261126090001', 'Y20261125090001']);
    expect((await post(t.app, '/api/v1/bookings/lookup', { ...p, phone: '13900000000' })).body.bookings).toEqual([]);
    expect((await post(t.app, '/api/v1/bookings/lookup', person(2))).body.bookings).toEqual([]);
  });

  it('shows a booking never checked in as missed once its slot has ended', async () => {
    const p = person(1);
    await post(t.app, '/api/v1/bookings', bookingBody(p));
    t.setNow('2026-11-25T10:00:00+08:00');
    expect((await post(t.app, '/api/v1/bookings/lookup', p)).body.bookings[0].status).toBe('missed');
  });
});

describe('POST /api/v1/bookings/:number/cancel', () => {
  it('cancels a booked place before it starts and gives the place back', async () => {
    const p = person(1);
    const { body } = await post(t.app, '/api/v1/bookings', bookingBody(p));
    const res = await post(t.app, `/api/v1/bookings/${body.booking.number}/cancel`, p);
    expect(res.status).toBe(200);
    expect(res.body.booking.status).toBe('cancelled');
    expect(res.body.remaining).toBe(50);
    expect(await counts(t.app)).toMatchObject({ reserved: 0, remaining: 50 });
    const again = await post(t.app, `/api/v1/bookings/${body.booking.number}/cancel`, p);
    expect(again.body.code).toBe('NOT_CANCELLABLE');
    expect(await counts(t.app)).toMatchObject({ reserved: 0 });
    // The person may book again after cancelling.
    expect((await post(t.app, '/api/v1/bookings', bookingBody(p))).body.booking.number).toBe('Y20261125090002');
  });

  it('does not reveal or touch someone else’s booking', async () => {
    const { body } = await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    const res = await post(t.app, `/api/v1/bookings/${body.booking.number}/cancel`, person(2));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(await counts(t.app)).toMatchObject({ reserved: 1 });
  });

  it('refuses once the slot has started', async () => {
    const p = person(1);
    const { body } = await post(t.app, '/api/v1/bookings', bookingBody(p));
    t.setNow('2026-11-25T09:05:00+08:00');
    const res = await post(t.app, `/api/v1/bookings/${body.booking.number}/cancel`, p);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ALREADY_STARTED');
    expect(await counts(t.app)).toMatchObject({ reserved: 1 });
  });
});
