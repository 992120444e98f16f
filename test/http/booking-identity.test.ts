// Knowing someone's ID card number must neither reveal nor block their bookings: the per-person
// rules count the bookings of one (ID card, phone) pair, and no refusal depends on bookings made
// with the same ID and another phone. An Idempotency-Key is bound to the whole request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, counts, post } from '../support/http.js';
import { idCard, person, phone } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
});
afterEach(() => t.close());

const victim = { idCard: idCard(42), phone: phone(42) };
const stranger = { idCard: victim.idCard, phone: phone(666) };
const bookingRows = () => t.store.db.selectFrom('booking').selectAll().execute();

describe('probing with a known ID number', () => {
  it('answers the same whether or not the ID holder booked that day', async () => {
    const untouched = await post(t.app, '/api/v1/bookings', bookingBody({ idCard: idCard(43), phone: phone(666) }, { serviceId: 2 }));
    expect((await post(t.app, '/api/v1/bookings', bookingBody(victim))).status).toBe(201);
    const probe = await post(t.app, '/api/v1/bookings', bookingBody(stranger, { slot: '10:00' }));
    // Not DUPLICATE_BOOKING: the answer does not say that the victim has a booking on that day.
    expect(probe.status).toBe(untouched.status);
    expect(probe.body.code).toBeUndefined();
  });

  it('the legacy mini-program booking does not leak it either', async () => {
    expect((await post(t.app, '/api/v1/bookings', bookingBody(victim))).status).toBe(201);
    const res = await t.app.inject({
      method: 'POST',
      url: '/order/insertOne',
      payload: new URLSearchParams({ idcard: stranger.idCard, phone: stranger.phone, serviceId: '0', reserveTakeTime: '2026-11-25 10:00' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.json()).toMatchObject({ code: '111' });
  });
});

describe('squatting with a known ID number', () => {
  it('bookings made with the victim’s ID and another phone do not use up the victim’s limits', async () => {
    for (const serviceId of [1, 2, 3]) expect((await post(t.app, '/api/v1/bookings', bookingBody(stranger, { serviceId }))).status).toBe(201);
    // The victim can still book, the same service and day included.
    for (const serviceId of [1, 2, 3]) expect((await post(t.app, '/api/v1/bookings', bookingBody(victim, { serviceId, slot: '10:00' }))).status).toBe(201);
    // 我的预约 shows the victim only their own bookings.
    const mine = await post(t.app, '/api/v1/bookings/lookup', victim);
    expect(mine.body.bookings.map((b: { slotStart: string }) => b.slotStart)).toEqual(['10:00', '10:00', '10:00']);
  });

  it('the same pair is still held to one booking per service and day, and three upcoming', async () => {
    expect((await post(t.app, '/api/v1/bookings', bookingBody(victim))).status).toBe(201);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(victim, { slot: '10:00' }))).body.code).toBe('DUPLICATE_BOOKING');
    for (const serviceId of [2, 3]) expect((await post(t.app, '/api/v1/bookings', bookingBody(victim, { serviceId }))).status).toBe(201);
    const fourth = await post(t.app, '/api/v1/bookings', bookingBody(victim, { serviceId: 4 }));
    expect(fourth.body.code).toBe('BOOKING_LIMIT');
    expect(await bookingRows()).toHaveLength(3);
  });
});

describe('Idempotency-Key', () => {
  const key = { 'idempotency-key': 'retry-7f3a' };

  it.each([
    ['another phone', { phone: phone(777) }],
    ['another name', { name: '李四' }],
    ['another slot', { slot: '10:00' }],
    ['another service', { serviceId: 2 }],
  ])('a reused key with %s is refused and writes nothing', async (_what, change) => {
    const first = await post(t.app, '/api/v1/bookings', bookingBody(victim, { name: '张三' }), key);
    expect(first.status).toBe(201);
    const misuse = await post(t.app, '/api/v1/bookings', bookingBody(victim, { name: '张三', ...change }), key);
    expect(misuse.status).toBe(422);
    expect(misuse.body.code).toBe('IDEMPOTENCY_MISMATCH');
    // Nothing of the first booking is given away.
    expect(misuse.body.booking).toBeUndefined();
    expect(await bookingRows()).toHaveLength(1);
  });

  it('the same request again is replayed', async () => {
    const first = await post(t.app, '/api/v1/bookings', bookingBody(victim, { name: '张三' }), key);
    const again = await post(t.app, '/api/v1/bookings', bookingBody(victim, { name: ' 张三 ' }), key);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ replayed: true, booking: { number: first.body.booking.number } });
  });

  it('simultaneous requests with one key: one booking, every answer is that booking, never DUPLICATE_BOOKING', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => post(t.app, '/api/v1/bookings', bookingBody(victim), key)));
    expect(results.map((r) => r.body.code)).toEqual(Array(6).fill(undefined));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.booking.number)).size).toBe(1);
    expect(await counts(t.app)).toMatchObject({ reserved: 1 });
  });
});

describe('the citizen’s name', () => {
  it('is accepted but not stored anywhere', async () => {
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(5), { name: '王小明' }))).status).toBe(201);
    const dump = JSON.stringify([await bookingRows(), await t.store.db.selectFrom('person').selectAll().execute()]);
    expect(dump).not.toContain('王小明');
  });
});

describe('cheap refusals on a full slot', () => {
  it('a full slot is refused without writing anything; a place freed a moment ago is bookable at once', async () => {
    const booked = [];
    for (let i = 0; i < 10; i++) {
      const res = await post(t.app, '/api/v1/bookings', bookingBody(person(700 + i), { slot: '10:00' }));
      expect(res.status).toBe(201);
      booked.push(res.body.booking.number);
    }
    const latecomer = person(799);
    const refused = await post(t.app, '/api/v1/bookings', bookingBody(latecomer, { slot: '10:00' }));
    expect(refused.body.code).toBe('SLOT_FULL');
    // No write transaction ran for it: not even the person's row was created or locked.
    expect(await t.store.db.selectFrom('person').select('id').execute()).toHaveLength(10);

    await post(t.app, `/api/v1/bookings/${booked[3]}/cancel`, person(703));
    expect((await post(t.app, '/api/v1/bookings', bookingBody(latecomer, { slot: '10:00' }))).status).toBe(201);
  });
});
