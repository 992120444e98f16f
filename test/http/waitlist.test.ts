// 候补 (waiting list) over HTTP: join a full slot or day, position, leave, the offer a cancel makes,
// accepting it (link or 我的预约), expiry passing it on, and refusals that change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS, DEFAULT_REMINDERS } from '../../src/domain/delivery.js';
import { DEFAULT_TEMPLATES } from '../../src/domain/messages.js';
import { DEFAULT_SCHEDULE } from '../../src/domain/schedule.js';
import { NotificationSender } from '../../src/server/messaging/sender.js';
import type { OutgoingSms } from '../../src/server/messaging/sms-driver.js';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { createContactCipher, dataKeyFrom } from '../../src/server/services/contact-cipher.js';
import { rotateContacts } from '../../src/server/services/key-rotation.service.js';
import { entryContact } from '../../src/server/repositories/waitlist.repository.js';
import { entryContactContext, expireHolds } from '../../src/server/services/waitlist-offer.service.js';
import { bookingBody, counts, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { TEST_DATA_KEY, type TestApp, makeTestApp, testMessaging } from '../support/test-app.js';

const DATE = '2026-11-26';
let t: TestApp;
let sent: OutgoingSms[];
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', messaging: testMessaging({ reminders: { ...DEFAULT_REMINDERS } }) });
  sent = [];
});
afterEach(() => t.close());

const driver = {
  name: 'recording',
  async send(sms: OutgoingSms) {
    sent.push(sms);
    return { gatewayId: `gw-${sms.id}` };
  },
};
const deliver = () => new NotificationSender(t.ctx, { driver, templates: DEFAULT_TEMPLATES, quietHours: DEFAULT_QUIET_HOURS }).runOnce();

/** Fills service 1's 09:00 slot of DATE (capacity 10) with persons 1..10. */
async function fillSlot(): Promise<string[]> {
  const numbers: string[] = [];
  for (let i = 1; i <= 10; i++) {
    const res = await post(t.app, '/api/v1/bookings', bookingBody(person(i), { date: DATE }));
    expect(res.status).toBe(201);
    numbers.push(res.body.booking.number);
  }
  return numbers;
}
const join = (n: number, over: Record<string, unknown> = {}) => post(t.app, '/api/v1/waitlist', { serviceId: 1, date: DATE, slot: '09:00', ...person(n), ...over });
const mine = async (n: number) => (await post(t.app, '/api/v1/waitlist/lookup', person(n))).body.entries;
const cancel = (number: string, n: number) => post(t.app, `/api/v1/bookings/${number}/cancel`, person(n));
const rows = async () => ({
  entries: await t.store.db.selectFrom('waitlist_entry').selectAll().execute(),
  holds: await t.store.db.selectFrom('waitlist_hold').selectAll().execute(),
});

describe('joining', () => {
  it('a full slot: the citizen joins, sees the position and can leave', async () => {
    await fillSlot();
    const a = await join(21);
    expect(a.status).toBe(201);
    expect(a.body.entry).toMatchObject({ serviceId: 1, date: DATE, slotStart: '09:00', status: 'waiting', position: 1 });
    expect((await join(22)).body.entry.position).toBe(2);
    expect((await join(23)).body.entry.position).toBe(3);
    const left = await post(t.app, `/api/v1/waitlist/${a.body.entry.id}/leave`, person(21));
    expect(left.status).toBe(200);
    expect(left.body.entry.status).toBe('left');
    expect((await mine(22))[0].position).toBe(1);
  });

  it('refuses a slot with places free (book it instead) and writes nothing', async () => {
    const res = await join(21);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('WAITLIST_NOT_FULL');
    expect((await rows()).entries).toHaveLength(0);
  });

  it('refuses a whole day while any slot still has places', async () => {
    await fillSlot();
    const res = await join(21, { slot: undefined });
    expect(res.body.code).toBe('WAITLIST_NOT_FULL');
  });

  it('validates input: bad ID card, unknown fields, a slot that does not exist, a past day', async () => {
    await fillSlot();
    expect((await join(21, { idCard: '110105194912310021' })).body.code).toBe('INVALID_ID_CARD');
    expect((await join(21, { phone: '12345' })).body.code).toBe('INVALID_PHONE');
    expect((await join(21, { extra: 1 })).body.code).toBe('VALIDATION');
    expect((await join(21, { slot: '09:10' })).body).toMatchObject({ code: 'SLOT_NOT_BOOKABLE' });
    expect((await join(21, { date: '2026-11-24' })).body).toMatchObject({ code: 'SLOT_NOT_BOOKABLE' });
    expect((await join(21, { serviceId: 999 })).status).toBe(404);
    expect((await rows()).entries).toHaveLength(0);
  });

  it('closes less than 2 hours before the slot', async () => {
    await fillSlot();
    t.setNow('2026-11-26T07:01:00+08:00');
    const res = await join(21);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('WAITLIST_CLOSED');
  });

  it('at most 3 entries per person, one per service and day; the booking rules apply', async () => {
    await fillSlot();
    expect((await join(21)).status).toBe(201);
    expect((await join(21)).body.code).toBe('WAITLIST_DUPLICATE');
    // Fill 09:00 of three more days, then join them.
    for (const date of ['2026-11-27', '2026-11-30', '2026-12-01']) {
      for (let i = 1; i <= 10; i++) await post(t.app, '/api/v1/bookings', bookingBody(person(100 + i), { date }));
    }
    expect((await join(21, { date: '2026-11-27' })).status).toBe(201);
    expect((await join(21, { date: '2026-11-30' })).status).toBe(201);
    const fourth = await join(21, { date: '2026-12-01' });
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({ code: 'WAITLIST_LIMIT', details: { limit: 3 } });
    // Someone booked for that service that day already may not wait for another place of it.
    expect((await join(1)).body.code).toBe('DUPLICATE_BOOKING');
    expect((await rows()).entries).toHaveLength(3);
  });

  it('keeps the phone sealed only while in a line, and `keys rotate` re-seals it under the new key', async () => {
    await fillSlot();
    const a = (await join(21)).body.entry;
    const rotated = createContactCipher([dataKeyFrom(TEST_DATA_KEY), dataKeyFrom(Buffer.alloc(32, 9).toString('base64'))]);
    const report = await rotateContacts(t.store.db, rotated);
    expect(report.reencrypted).toBe(10 + 1); // ten bookings' phones and the entry's
    const sealed = await entryContact(t.store.db, a.id);
    expect(sealed?.keyId).toBe(rotated.currentKeyId);
    expect(rotated.open(sealed as NonNullable<typeof sealed>, entryContactContext(a.id))).toBe(person(21).phone);
    await post(t.app, `/api/v1/waitlist/${a.id}/leave`, person(21));
    expect(await entryContact(t.store.db, a.id)).toBeNull();
  });

  it('never stores the raw ID card or phone', async () => {
    await fillSlot();
    await join(21);
    const dump = JSON.stringify(await rows());
    expect(dump).not.toContain(person(21).idCard);
    expect(dump).not.toContain(person(21).phone);
  });
});

describe('offers', () => {
  it('a cancel holds the place for the first in line; normal booking sees it taken; the link accepts it', async () => {
    const numbers = await fillSlot();
    await join(21);
    await join(22);
    expect((await cancel(numbers[0] as string, 1)).status).toBe(200);
    // The place is held: counted as taken for everyone else.
    expect(await counts(t.app, DATE)).toMatchObject({ reserved: 10 });
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(30), { date: DATE }))).body.code).toBe('SLOT_FULL');
    const [entry] = await mine(21);
    expect(entry).toMatchObject({ status: 'offered', offer: { status: 'held', slotStart: '09:00', expiresAtLocal: '09:00' } });
    expect((await mine(22))[0]).toMatchObject({ status: 'waiting', position: 1 });

    // The message carries the link /w/<token>; the page shows the offer.
    await deliver();
    const sms = sent.find((s) => s.kind === 'waitlist.offer');
    expect(sms?.to).toBe(person(21).phone);
    expect(sms?.text).toContain(`http://hall.test/w/${entry.offer.token}`);
    const page = await get(t.app, `/api/v1/w/${entry.offer.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ date: DATE, offer: { status: 'held' } });
    expect(page.body.idCardMasked).toMatch(/^110105\*+\w{4}$/);

    const accepted = await post(t.app, `/api/v1/w/${entry.offer.token}/accept`, {});
    expect(accepted.status).toBe(201);
    expect(accepted.body.booking).toMatchObject({ number: 'Y20261126090011', status: 'booked', slotStart: '09:00' });
    expect((await mine(21))[0]).toMatchObject({ status: 'booked', bookingNumber: 'Y20261126090011' });
    // Accepted once only.
    expect((await post(t.app, `/api/v1/w/${entry.offer.token}/accept`, {})).body.code).toBe('OFFER_GONE');
    expect(await counts(t.app, DATE)).toMatchObject({ reserved: 10 });
    expect((await checkInvariants(t.store.db)).problems).toEqual([]);
  });

  it('an expired hold passes to the next in line; the first can no longer accept', async () => {
    const numbers = await fillSlot();
    await join(21);
    await join(22);
    await cancel(numbers[0] as string, 1);
    const token = (await mine(21))[0].offer.token;
    t.setNow('2026-11-25T09:00:00+08:00');
    expect(await expireHolds(t.ctx)).toBe(1);
    expect((await post(t.app, `/api/v1/w/${token}/accept`, {})).body.code).toBe('OFFER_GONE');
    expect((await mine(21))[0]).toMatchObject({ status: 'lapsed' });
    const second = (await mine(22))[0];
    expect(second).toMatchObject({ status: 'offered', offer: { status: 'held' } });
    // The first offer's message, not yet sent, is not sent any more.
    await deliver();
    expect(sent.filter((s) => s.kind === 'waitlist.offer').map((s) => s.to)).toEqual([person(22).phone]);
    // 我的预约 accepts it.
    const res = await post(t.app, `/api/v1/waitlist/${second.id}/accept`, person(22));
    expect(res.status).toBe(201);
    expect((await checkInvariants(t.store.db)).problems).toEqual([]);
  });

  it('a line ends once its day is over: entries still waiting are closed and their phones erased', async () => {
    await fillSlot();
    const a = (await join(21)).body.entry;
    t.setNow('2026-11-26T20:00:00+08:00');
    await expireHolds(t.ctx);
    expect((await mine(21))[0].status).toBe('waiting');
    t.setNow('2026-11-27T00:01:00+08:00');
    await expireHolds(t.ctx);
    expect((await mine(21))[0].status).toBe('closed');
    expect(await entryContact(t.store.db, a.id)).toBeNull();
  });

  it('a hold ending with nobody waiting goes back to normal booking', async () => {
    const numbers = await fillSlot();
    const a = (await join(21)).body.entry;
    await cancel(numbers[0] as string, 1);
    expect((await post(t.app, `/api/v1/waitlist/${a.id}/leave`, person(21))).body.entry.status).toBe('left');
    expect(await counts(t.app, DATE)).toMatchObject({ reserved: 9 });
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(30), { date: DATE }))).status).toBe(201);
    expect((await checkInvariants(t.store.db)).problems).toEqual([]);
  });

  it('no offers when the slot is less than 2 hours away: the place goes to normal booking', async () => {
    const numbers = await fillSlot();
    await join(21);
    t.setNow('2026-11-26T07:30:00+08:00');
    await cancel(numbers[0] as string, 1);
    expect((await mine(21))[0].status).toBe('waiting');
    expect(await counts(t.app, DATE)).toMatchObject({ reserved: 9 });
  });

  it('acceptance applies the booking rules: a refusal leaves the hold as it was', async () => {
    const numbers = await fillSlot();
    await join(21);
    await cancel(numbers[0] as string, 1);
    // Meanwhile person 21 booked the same service that day in another slot.
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(21), { date: DATE, slot: '10:00' }))).status).toBe(201);
    const entry = (await mine(21))[0];
    const res = await post(t.app, `/api/v1/w/${entry.offer.token}/accept`, {});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE_BOOKING');
    expect((await mine(21))[0]).toMatchObject({ status: 'offered', offer: { status: 'held' } });
    expect((await checkInvariants(t.store.db)).problems).toEqual([]);
  });

  it('someone else cannot see, leave or accept an entry by its id; an unknown token is 404', async () => {
    await fillSlot();
    const a = (await join(21)).body.entry;
    expect((await post(t.app, `/api/v1/waitlist/${a.id}/leave`, person(22))).status).toBe(404);
    expect((await post(t.app, `/api/v1/waitlist/${a.id}/accept`, person(22))).status).toBe(404);
    expect((await get(t.app, '/api/v1/w/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await mine(21))[0].status).toBe('waiting');
  });

  it('an admin raising the capacity offers the new places to the line', async () => {
    await fillSlot();
    await join(21);
    await join(22);
    const admin = await t.signIn('admin');
    const schedule = { ...DEFAULT_SCHEDULE, slots: DEFAULT_SCHEDULE.slots.map((s) => (s.start === '09:00' ? { ...s, capacity: 11 } : s)) };
    const payload = { letter: 'Y', nameZh: '医社保办理', nameEn: 'Medical and social insurance', schedule, queueOrder: 'priority' };
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/admin/services/1', headers: admin, payload });
    expect(res.statusCode).toBe(200);
    expect((await mine(21))[0].status).toBe('offered');
    expect((await mine(22))[0].status).toBe('waiting');
    expect((await checkInvariants(t.store.db)).problems).toEqual([]);
  });
});

describe('a whole day, a closed day', () => {
  /** Every slot of service 1 down to one place, each taken by persons 1..5. */
  async function fillDay(): Promise<string[]> {
    const admin = await t.signIn('admin');
    const schedule = { ...DEFAULT_SCHEDULE, slots: DEFAULT_SCHEDULE.slots.map((s) => ({ ...s, capacity: 1 })) };
    const payload = { letter: 'Y', nameZh: '医社保办理', nameEn: 'Medical and social insurance', schedule, queueOrder: 'priority' };
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/admin/services/1', headers: admin, payload })).statusCode).toBe(200);
    const numbers: string[] = [];
    for (const [i, s] of DEFAULT_SCHEDULE.slots.entries()) {
      const res = await post(t.app, '/api/v1/bookings', bookingBody(person(i + 1), { date: DATE, slot: s.start }));
      expect(res.status).toBe(201);
      numbers.push(res.body.booking.number);
    }
    return numbers;
  }

  it('a whole-day entry takes a place freed in any slot, ahead of those who came after it', async () => {
    const numbers = await fillDay();
    const day = await join(21, { slot: undefined });
    expect(day.status).toBe(201);
    expect(day.body.entry).toMatchObject({ slotStart: null, position: 1 });
    expect((await join(22, { slot: '14:00' })).body.entry.position).toBe(2);
    await cancel(numbers[3] as string, 4); // 14:00
    expect((await mine(21))[0]).toMatchObject({ status: 'offered', offer: { slotStart: '14:00', slotEnd: '15:00' } });
    expect((await mine(22))[0]).toMatchObject({ status: 'waiting', position: 1 });
    expect((await checkInvariants(t.store.db)).problems).toEqual([]);
  });

  it('a day the hall closed makes no offers, and a place held before cannot be accepted', async () => {
    const numbers = await fillSlot();
    await join(21);
    await join(22);
    await cancel(numbers[0] as string, 1);
    const token = (await mine(21))[0].offer.token;
    await t.store.db
      .insertInto('hall_calendar_override')
      .values({ hall_id: 1, date: DATE, kind: 'closed', note: '', created_at: '2026-11-25T00:00:00Z', created_by: 'test' })
      .execute();
    const res = await post(t.app, `/api/v1/w/${token}/accept`, {});
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'SLOT_NOT_BOOKABLE', details: { reason: 'closed' } });
    // Expiry gives the place back; nobody is offered it on a closed day.
    t.setNow('2026-11-25T09:00:00+08:00');
    await expireHolds(t.ctx);
    expect((await mine(22))[0].status).toBe('waiting');
    expect((await checkInvariants(t.store.db)).problems).toEqual([]);
  });
});

describe('短信验证码 (BOOKING_VERIFY=sms)', () => {
  it('joining needs a code sent to the phone (purpose book), used once', async () => {
    await t.close();
    t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', messaging: testMessaging({ verifyPhone: true }) });
    const p = person(21);
    const lastCode = () => /(\d{6})/.exec(sent.filter((m) => m.kind === 'verify.code').at(-1)?.text ?? '')?.[1];
    // One place in the slot (codes are limited per address), taken with a code.
    const admin = await t.signIn('admin');
    const schedule = { ...DEFAULT_SCHEDULE, slots: DEFAULT_SCHEDULE.slots.map((s) => (s.start === '09:00' ? { ...s, capacity: 1 } : s)) };
    const payload = { letter: 'Y', nameZh: '医社保办理', nameEn: 'Medical and social insurance', schedule, queueOrder: 'priority' };
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/admin/services/1', headers: admin, payload })).statusCode).toBe(200);
    expect((await post(t.app, '/api/v1/verification-codes', { phone: person(1).phone, purpose: 'book' })).status).toBe(202);
    await deliver();
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: DATE, smsCode: lastCode() }))).status).toBe(201);
    const refused = await join(21);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('VERIFY_CODE_REQUIRED');
    expect((await rows()).entries).toHaveLength(0);
    await post(t.app, '/api/v1/verification-codes', { phone: p.phone, purpose: 'book' });
    await deliver();
    const code = lastCode();
    const joined = await join(21, { smsCode: code });
    expect(joined.status).toBe(201);
    // Used once: leaving and joining again with it is refused.
    await post(t.app, `/api/v1/waitlist/${joined.body.entry.id}/leave`, p);
    expect((await join(21, { smsCode: code })).body.code).toBe('VERIFY_CODE_USED');
  });
});
