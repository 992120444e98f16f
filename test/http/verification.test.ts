// 短信验证码 (BOOKING_VERIFY=sms): booking and cancelling need a code sent to the phone first.
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS } from '../../src/domain/delivery.js';
import { DEFAULT_TEMPLATES } from '../../src/domain/messages.js';
import { NotificationSender } from '../../src/server/messaging/sender.js';
import type { OutgoingSms } from '../../src/server/messaging/sms-driver.js';
import { bookingBody, counts, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp, testMessaging } from '../support/test-app.js';

let t: TestApp;
let sent: OutgoingSms[];
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', messaging: testMessaging({ verifyPhone: true, retentionDays: 14 }) });
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
const p = person(1);
const ask = (purpose = 'book', phone = p.phone) => post(t.app, '/api/v1/verification-codes', { phone, purpose });
/** Asks for a code and reads it from the message the phone got. */
async function codeFor(purpose = 'book'): Promise<string> {
  expect((await ask(purpose)).status).toBe(202);
  await deliver();
  const text = sent.at(-1)?.text ?? '';
  return /(\d{6})/.exec(text)?.[1] ?? '';
}
const book = (smsCode?: string) => post(t.app, '/api/v1/bookings', bookingBody(p, smsCode === undefined ? {} : { smsCode }));

describe('短信验证码', () => {
  it('the hall list tells the booking app that codes are asked', async () => {
    const res = await get(t.app, '/api/v1/halls');
    expect(res.status).toBe(200);
    expect(res.body.verifyPhone).toBe(true);
    expect(res.body.contactRetentionDays).toBe(14);
    const en = await t.app.inject({ method: 'GET', url: '/api/v1/halls', headers: { 'accept-language': 'en', 'accept-encoding': 'gzip' } });
    expect(JSON.parse(gunzipSync(en.rawPayload).toString('utf8')).verifyPhone).toBe(true);
  });

  it('a booking without a code is refused and writes nothing', async () => {
    const res = await book();
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VERIFY_CODE_REQUIRED');
    expect(await counts(t.app)).toMatchObject({ reserved: 0 });
  });

  it('the code reaches the phone; it is kept only as a hash once sent; it books once', async () => {
    const code = await codeFor();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: 'verify.code', to: p.phone });
    expect(sent[0]?.text).toContain('5 分钟内有效');
    const stored = JSON.stringify([
      await t.store.db.selectFrom('phone_verification').selectAll().execute(),
      await t.store.db.selectFrom('notification').selectAll().execute(),
    ]);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(p.phone);
    expect((await t.store.db.selectFrom('phone_verification').select('secret_cipher').executeTakeFirstOrThrow()).secret_cipher).toBeNull();
    const ok = await book(code);
    expect(ok.status).toBe(201);
    const again = await post(t.app, '/api/v1/bookings', bookingBody(p, { slot: '10:00', serviceId: 2, smsCode: code }));
    expect(again.body.code).toBe('VERIFY_CODE_USED');
  });

  it('a wrong code counts as a try; after 5 the right one is refused too', async () => {
    const code = await codeFor();
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await book(wrong)).body.code).toBe('VERIFY_CODE_WRONG');
    expect((await book(code)).body.code).toBe('VERIFY_CODE_TRIES');
    expect(await counts(t.app)).toMatchObject({ reserved: 0 });
  });

  it('expires after 5 minutes', async () => {
    const code = await codeFor();
    t.setNow('2026-11-25T08:35:00+08:00');
    expect((await book(code)).body.code).toBe('VERIFY_CODE_EXPIRED');
  });

  it('at most 5 codes an hour per phone, and per address', async () => {
    for (let i = 0; i < 5; i++) expect((await ask()).status).toBe(202);
    const sixth = await ask();
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('VERIFY_TOO_MANY');
    // Another phone from the same address is refused as well.
    expect((await ask('book', person(2).phone)).body.code).toBe('VERIFY_TOO_MANY');
    t.setNow('2026-11-25T09:31:00+08:00');
    expect((await ask()).status).toBe(202);
  });

  it('cancelling needs its own code: a booking code does not cancel', async () => {
    const booked = await book(await codeFor());
    const number = booked.body.booking.number;
    const bookCode = await codeFor('book');
    expect((await post(t.app, `/api/v1/bookings/${number}/cancel`, { ...p, smsCode: bookCode })).body.code).toBe('VERIFY_CODE_REQUIRED');
    const cancelCode = await codeFor('cancel');
    const cancelled = await post(t.app, `/api/v1/bookings/${number}/cancel`, { ...p, smsCode: cancelCode });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking.status).toBe('cancelled');
  });

  it('a bad phone is refused before anything is sent', async () => {
    const res = await ask('book', '12345');
    expect(res.status).toBe(400);
    expect(await t.store.db.selectFrom('phone_verification').selectAll().execute()).toEqual([]);
  });
});

describe('without BOOKING_VERIFY', () => {
  it('asking for a code says codes are not used; booking needs none', async () => {
    const plain = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
    try {
      const res = await post(plain.app, '/api/v1/verification-codes', { phone: p.phone, purpose: 'book' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('VERIFY_OFF');
      expect((await post(plain.app, '/api/v1/bookings', bookingBody(p))).status).toBe(201);
    } finally {
      await plain.close();
    }
  });
});
