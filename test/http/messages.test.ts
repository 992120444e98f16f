// Text messages from the citizen's point of view: what each change queues, what the sender sends
// (through a recording driver), when it waits, what it skips, and what the admin sees.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS } from '../../src/domain/delivery.js';
import { DEFAULT_TEMPLATES } from '../../src/domain/messages.js';
import { NotificationSender } from '../../src/server/messaging/sender.js';
import { type OutgoingSms, SmsRejected } from '../../src/server/messaging/sms-driver.js';
import { eraseExpiredContacts } from '../../src/server/services/contact-retention.service.js';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp, testMessaging } from '../support/test-app.js';

let t: TestApp;
let sent: OutgoingSms[];
let failWith: Error | null;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
  sent = [];
  failWith = null;
});
afterEach(() => t.close());

const driver = {
  name: 'recording',
  async send(sms: OutgoingSms) {
    if (failWith) throw failWith;
    // Sent side by side; kept in the order the messages were queued.
    sent.push(sms);
    sent.sort((a, b) => a.id - b.id);
    return { gatewayId: `gw-${sms.id}` };
  },
};
const sender = () => new NotificationSender(t.ctx, { driver, templates: DEFAULT_TEMPLATES, quietHours: DEFAULT_QUIET_HOURS, random: () => 0 });
const rows = () => t.store.db.selectFrom('notification').selectAll().orderBy('id').execute();
const book = (i: number, over: Record<string, unknown> = {}) => post(t.app, '/api/v1/bookings', bookingBody(person(i), { date: '2026-11-26', ...over }));

describe('a booking made', () => {
  it('queues its confirmation now and its two reminders for later, with no personal data in the outbox', async () => {
    const res = await book(1);
    expect(res.status).toBe(201);
    expect(res.body.booking.notify).toBe(true);
    const queued = await rows();
    expect(queued.map((r) => [r.kind, r.status, r.next_attempt_at])).toEqual([
      ['booking.confirmed', 'queued', '2026-11-25T00:30:00.000Z'],
      ['booking.reminder_day', 'queued', '2026-11-25T10:00:00.000Z'],
      ['booking.reminder_hour', 'queued', '2026-11-26T00:00:00.000Z'],
    ]);
    const dump = JSON.stringify(queued) + JSON.stringify(await t.store.db.selectFrom('booking').selectAll().execute());
    expect(dump).not.toContain(person(1).phone);
    expect(dump).not.toContain(person(1).idCard);
  });

  it('keeps the phone only sealed: not in the database file, and it opens only on its own booking', async () => {
    await book(1);
    await book(2, { slot: '10:00' });
    const file = readFileSync(t.store.location.replace(/^sqlite:/, ''));
    expect(file.includes(Buffer.from(person(1).phone))).toBe(false);
    const [a, b] = await t.store.db.selectFrom('booking').select(['number', 'phone_cipher', 'phone_key_id']).orderBy('id').execute();
    const contacts = t.ctx.messaging?.contacts;
    if (!contacts || !a || !b) throw new Error('setup');
    expect(contacts.open({ cipher: a.phone_cipher as string, keyId: a.phone_key_id as string }, `booking:${a.number}`)).toBe(person(1).phone);
    // Moved onto another row, the ciphertext does not open.
    expect(() => contacts.open({ cipher: a.phone_cipher as string, keyId: a.phone_key_id as string }, `booking:${b.number}`)).toThrow();
  });

  it('sends the confirmation with the number, service, slot and hall, in the language of the booking', async () => {
    const zh = await book(1);
    const en = await post(t.app, '/api/v1/bookings', bookingBody(person(2), { date: '2026-11-26' }), { 'accept-language': 'en' });
    expect(en.status).toBe(201);
    expect(await sender().runOnce()).toBe(2);
    expect(sent.map((s) => s.to)).toEqual([person(1).phone, person(2).phone]);
    expect(sent[0]?.text).toContain('Y20261126090001');
    expect(sent[0]?.text).toContain('医社保办理，2026-11-26 09:00-10:00');
    // The link opens the booking's own page.
    expect(zh.body.booking.publicToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(sent[0]?.text).toContain(`http://hall.test/t/${zh.body.booking.publicToken}`);
    expect(sent[1]?.text).toMatch(/^\[V-Reserve\] Booked: /);
    const done = await rows();
    expect(done.filter((r) => r.kind === 'booking.confirmed').map((r) => [r.status, r.attempts, r.gateway_id])).toEqual([
      ['sent', 1, `gw-${done[0]?.id}`],
      ['sent', 1, `gw-${done[3]?.id}`],
    ]);
    // Nothing else is due yet; a second round sends nothing again.
    expect(await sender().runOnce()).toBe(0);
    expect(sent).toHaveLength(2);
  });

  it('sends the day-before reminder at 18:00, and none after the booking was cancelled', async () => {
    await book(1);
    await book(2, { slot: '10:00' });
    await sender().runOnce();
    await post(t.app, '/api/v1/bookings/Y20261126100001/cancel', person(2));
    t.setNow('2026-11-25T18:00:00+08:00');
    sent = [];
    await sender().runOnce();
    // Sent side by side: in no particular order.
    expect(sent.map((s) => s.kind).sort()).toEqual(['booking.cancelled', 'booking.reminder_day']);
    expect(sent.find((s) => s.kind === 'booking.reminder_day')?.text).toContain('明天 2026-11-26 09:00-10:00');
    const skipped = (await rows()).filter((r) => r.status === 'skipped');
    expect(skipped.map((r) => [r.kind, r.error])).toEqual([
      ['booking.reminder_day', 'the booking is cancelled'],
      ['booking.reminder_hour', 'the booking is cancelled'],
    ]);
  });

  it('holds a reminder back in quiet hours, without counting an attempt, and sends it when they end', async () => {
    await book(1);
    t.setNow('2026-11-25T22:30:00+08:00');
    await sender().runOnce();
    const confirmed = (await rows()).find((r) => r.kind === 'booking.confirmed');
    expect(confirmed).toMatchObject({ status: 'queued', attempts: 0, next_attempt_at: '2026-11-26T00:00:00.000Z' });
    expect(sent).toEqual([]);
    t.setNow('2026-11-26T08:00:00+08:00');
    await sender().runOnce();
    // The evening reminder held back overnight would say "tomorrow" on the day itself: it is dropped.
    expect(sent.map((s) => s.kind)).toEqual(['booking.confirmed', 'booking.reminder_hour']);
    expect((await rows()).find((r) => r.kind === 'booking.reminder_day')).toMatchObject({ status: 'skipped', error: 'its day has come' });
  });

  it('made in the quiet hours: its confirmation waits for their end from the start, and the sender does not touch it before', async () => {
    t.setNow('2026-11-25T22:30:00+08:00');
    expect((await book(1)).status).toBe(201);
    const queued = await rows();
    expect(queued.map((r) => [r.kind, r.due_at, r.next_attempt_at])).toEqual([
      // Due when it was made (its retries count from then); taken up at 08:00 the next morning.
      ['booking.confirmed', '2026-11-25T14:30:00.000Z', '2026-11-26T00:00:00.000Z'],
      ['booking.reminder_hour', '2026-11-26T00:00:00.000Z', '2026-11-26T00:00:00.000Z'],
    ]);
    t.setNow('2026-11-26T07:59:00+08:00');
    await sender().runOnce();
    // Nothing taken up and put back: the rows are as they were written.
    expect(await rows()).toEqual(queued);
    t.setNow('2026-11-26T08:00:00+08:00');
    await sender().runOnce();
    expect(sent.map((s) => s.kind)).toEqual(['booking.confirmed', 'booking.reminder_hour']);
  });

  it('made in the quiet hours with QUIET_HOURS off: its confirmation goes at once', async () => {
    await t.close();
    t = await makeTestApp({ now: '2026-11-25T22:30:00+08:00', messaging: testMessaging({ quietHours: null }) });
    await book(1);
    expect((await rows()).find((r) => r.kind === 'booking.confirmed')?.next_attempt_at).toBe('2026-11-25T14:30:00.000Z');
  });

  it('a citizen who wants no messages: no phone kept, nothing queued', async () => {
    const res = await book(1, { notify: false });
    expect(res.body.booking.notify).toBe(false);
    expect(await rows()).toEqual([]);
    const row = await t.store.db.selectFrom('booking').select(['phone_cipher', 'notify']).executeTakeFirstOrThrow();
    expect(row).toEqual({ phone_cipher: null, notify: 0 });
  });
});

describe('我的预约 and cancelling', () => {
  it('switching messages off skips what is still queued; only the owner can switch', async () => {
    await book(1);
    const stranger = await post(t.app, '/api/v1/bookings/Y20261126090001/messages', { ...person(2), notify: false });
    expect(stranger.status).toBe(404);
    const off = await post(t.app, '/api/v1/bookings/Y20261126090001/messages', { ...person(1), notify: false });
    expect(off.status).toBe(200);
    expect(off.body.booking.notify).toBe(false);
    await sender().runOnce();
    expect(sent).toEqual([]);
    expect((await rows()).find((r) => r.kind === 'booking.confirmed')).toMatchObject({ status: 'skipped', error: 'the citizen switched messages off' });
    const lookup = await post(t.app, '/api/v1/bookings/lookup', person(1));
    expect(lookup.body.bookings[0].notify).toBe(false);
  });

  it('a booking made without messages gets its reminders still ahead when they are switched on', async () => {
    await book(1, { notify: false });
    expect(await rows()).toEqual([]);
    t.setNow('2026-11-25T19:00:00+08:00');
    const on = await post(t.app, '/api/v1/bookings/Y20261126090001/messages', { ...person(1), notify: true });
    expect(on.body.booking.notify).toBe(true);
    // The evening reminder's time has passed; the one before the slot is still ahead.
    expect((await rows()).map((r) => [r.kind, r.status])).toEqual([['booking.reminder_hour', 'queued']]);
    t.setNow('2026-11-26T08:00:00+08:00');
    await sender().runOnce();
    expect(sent.map((s) => [s.kind, s.to])).toEqual([['booking.reminder_hour', person(1).phone]]);
  });

  it('cancel and forget my number: the cipher is erased and no message about the cancel is queued', async () => {
    await book(1);
    const res = await post(t.app, '/api/v1/bookings/Y20261126090001/cancel', { ...person(1), forgetPhone: true });
    expect(res.status).toBe(200);
    expect((await t.store.db.selectFrom('booking').select('phone_cipher').executeTakeFirstOrThrow()).phone_cipher).toBeNull();
    expect((await rows()).map((r) => r.kind)).not.toContain('booking.cancelled');
    await sender().runOnce();
    expect(sent).toEqual([]);
    expect((await rows()).map((r) => [r.kind, r.status, r.error])).toEqual([
      ['booking.confirmed', 'skipped', 'no phone number is kept for this booking'],
      ['booking.reminder_day', 'skipped', 'the booking is cancelled'],
      ['booking.reminder_hour', 'skipped', 'the booking is cancelled'],
    ]);
  });

  it('refuses an unknown field and changes nothing', async () => {
    await book(1);
    const res = await post(t.app, '/api/v1/bookings/Y20261126090001/messages', { ...person(1), notify: 'no' });
    expect(res.status).toBe(400);
    expect((await t.store.db.selectFrom('booking').select('notify').executeTakeFirstOrThrow()).notify).toBe(1);
  });
});

describe('failures', () => {
  it('a gateway that is down: retried with backoff, then failed after 24 hours', async () => {
    await book(1);
    failWith = new Error('connect ECONNREFUSED 10.0.0.9:443');
    await sender().runOnce();
    let confirmed = (await rows()).find((r) => r.kind === 'booking.confirmed');
    expect(confirmed).toMatchObject({ status: 'queued', attempts: 1, error: 'connect ECONNREFUSED 10.0.0.9:443', next_attempt_at: '2026-11-25T00:30:15.000Z' });
    t.setNow('2026-11-26T08:29:50+08:00');
    await sender().runOnce();
    confirmed = (await rows()).find((r) => r.kind === 'booking.confirmed');
    expect(confirmed?.status).toBe('failed');
    expect(confirmed?.error).toMatch(/^gave up after 2 attempts in 24 hours/);
  });

  it('a number the gateway refuses: failed at once with the reason, never with the number', async () => {
    await book(1);
    failWith = new SmsRejected(`invalid mobile ${person(1).phone}`, 'isv.MOBILE_NUMBER_ILLEGAL');
    await sender().runOnce();
    const confirmed = (await rows()).find((r) => r.kind === 'booking.confirmed');
    expect(confirmed).toMatchObject({ status: 'failed', attempts: 1, error: 'isv.MOBILE_NUMBER_ILLEGAL: invalid mobile ***' });
  });

  it('the admin sees the log with masked phones and counts, and can resend a failed message (audited)', async () => {
    await book(1);
    failWith = new SmsRejected('blocked', 'isv.BLACK_KEY_CONTROL_LIMIT');
    await sender().runOnce();
    const admin = await t.signIn('admin');
    const log = await get(t.app, '/api/v1/admin/notifications', admin);
    expect(log.status).toBe(200);
    expect(log.body.counts).toEqual({ queued: 2, sending: 0, sent: 0, failed: 1, skipped: 0 });
    const failed = log.body.notifications.find((n: { status: string }) => n.status === 'failed');
    expect(failed).toMatchObject({ kind: 'booking.confirmed', number: 'Y20261126090001', phoneMasked: '138****0001'.replace('0001', person(1).phone.slice(7)) });
    expect(JSON.stringify(log.body)).not.toContain(person(1).phone);
    expect((await get(t.app, '/api/v1/admin/notifications?status=failed', admin)).body.notifications).toHaveLength(1);
    const staff = await t.signIn('staff');
    expect((await post(t.app, `/api/v1/admin/notifications/${failed.id}/resend`, {}, staff)).status).toBe(403);
    const again = await post(t.app, `/api/v1/admin/notifications/${failed.id}/resend`, {}, admin);
    expect(again.status).toBe(200);
    expect((await post(t.app, `/api/v1/admin/notifications/${failed.id}/resend`, {}, admin)).body.code).toBe('NOT_RESENDABLE');
    failWith = null;
    await sender().runOnce();
    expect(sent.map((s) => s.kind)).toEqual(['booking.confirmed']);
    // Sent once after the resend: one attempt, not flagged as a possible duplicate.
    expect((await rows()).find((r) => r.id === failed.id)).toMatchObject({ status: 'sent', attempts: 1 });
    const audit = await t.store.db.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'notification.resend').execute();
    expect(audit).toEqual([{ action: 'notification.resend', target: `notification #${failed.id}` }]);
  });
});

describe('the hall closes a day', () => {
  it('every booking cancelled by the closing gets a message with the reason and a link to book again', async () => {
    for (let i = 1; i <= 5; i++) expect((await book(i)).status).toBe(201);
    const admin = await t.signIn('admin');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/admin/calendar/2026-11-26',
      payload: { kind: 'closed', note: '系统升级', confirm: true },
      headers: admin,
    });
    expect(res.statusCode).toBe(200);
    await sender().runOnce();
    const closed = sent.filter((s) => s.kind === 'booking.hall_closed');
    expect(closed).toHaveLength(5);
    expect(closed[0]?.text).toContain('系统升级');
    expect(closed[0]?.text).toContain('http://hall.test/h/MAIN/');
    // Their reminders will not go out.
    t.setNow('2026-11-25T18:00:00+08:00');
    await sender().runOnce();
    expect(sent.filter((s) => s.kind.startsWith('booking.reminder'))).toEqual([]);
  });
});

describe('tickets', () => {
  it('请到 X 号窗口 when called, 即将到号 when few are ahead, 过号 when passed', async () => {
    t.setNow('2026-11-26T08:30:00+08:00');
    // Four booked people check in at 08:30 for 09:00 (the first three are near the front already).
    for (let i = 1; i <= 5; i++) await post(t.app, '/api/v1/bookings', bookingBody(person(i), { date: '2026-11-26' }));
    t.setNow('2026-11-26T08:31:00+08:00');
    for (let i = 1; i <= 5; i++) expect((await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(i).idCard }, t.kiosk)).status).toBe(200);
    const staff = await t.signIn('staff');
    await sender().runOnce();
    sent = [];
    const first = await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    expect(first.body.ticket.number).toBe('Y20261126090001');
    await sender().runOnce();
    // The first is called to counter 1; the fifth now has 3 ahead.
    expect(sent.map((s) => [s.kind, s.to])).toEqual([
      ['ticket.called', person(1).phone],
      ['ticket.soon', person(5).phone],
    ]);
    expect(sent[0]?.text).toBe('【微预约】请 Y001 号到 1 号窗口办理（市民服务中心）。'.replace('市民服务中心', sent[0]?.params.hall ?? ''));
    expect(sent[1]?.params.ahead).toBe('3');
    await post(t.app, '/api/v1/tickets/Y20261126090001/no-show', {}, staff);
    await sender().runOnce();
    expect(sent.at(-1)?.kind).toBe('ticket.passed');
    // The fourth had 3 ahead at check-in: it is not told again.
    const soon = (await rows()).filter((r) => r.kind === 'ticket.soon');
    expect(soon.map((r) => r.status).sort()).toEqual(['sent', 'skipped', 'skipped', 'skipped', 'skipped']);
  });
});

describe('retention', () => {
  it('erases phones of bookings more than CONTACT_RETENTION_DAYS past their day', async () => {
    await book(1);
    t.setNow('2026-12-26T10:00:00+08:00');
    expect(await eraseExpiredContacts(t.ctx, 30)).toBe(0);
    t.setNow('2026-12-27T10:00:00+08:00');
    expect(await eraseExpiredContacts(t.ctx, 30)).toBe(1);
    expect((await t.store.db.selectFrom('booking').select('phone_cipher').executeTakeFirstOrThrow()).phone_cipher).toBeNull();
  });
});
