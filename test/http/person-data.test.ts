// A person's data on request: the admin API (who may call it, what it shows, what erasing changes
// and what it keeps) and 我的预约's own erasure of past bookings' phone numbers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS } from '../../src/domain/delivery.js';
import { DEFAULT_TEMPLATES } from '../../src/domain/messages.js';
import { NotificationSender } from '../../src/server/messaging/sender.js';
import type { OutgoingSms } from '../../src/server/messaging/sms-driver.js';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/server/db/dialect.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { createLogger } from '../../src/server/http/logging.js';
import { TEST_SECRET, type TestApp, makeTestApp, testMessaging } from '../support/test-app.js';

let t: TestApp;
afterEach(() => t.close());

const a = person(1);
const b = person(2);
const auditCount = async () => (await t.store.db.selectFrom('audit_log').select('id').execute()).length;
const bookingRows = () => t.store.db.selectFrom('booking').selectAll().orderBy('id').execute();
/** The daily report's rows over the test's days (never empty: a report that failed cannot pass for one that held). */
async function report(headers: Record<string, string>): Promise<{ booked: number }[]> {
  const res = await get(t.app, '/api/v1/reports/daily?from=2026-11-25&to=2026-11-27', headers);
  expect(res.status).toBe(200);
  expect(res.body.rows.reduce((n: number, r: { booked: number }) => n + r.booked, 0)).toBeGreaterThan(0);
  return res.body.rows;
}

describe('admin: a person’s data', () => {
  let admin: Record<string, string>;
  beforeEach(async () => {
    t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
    admin = await t.signIn('admin');
    expect((await post(t.app, '/api/v1/bookings', bookingBody(a))).status).toBe(201);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(a, { date: '2026-11-26', serviceId: 2 }))).status).toBe(201);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(b))).status).toBe(201);
    expect((await post(t.app, '/api/v1/kiosk/check-in', { idCard: a.idCard }, t.kiosk)).status).toBe(200);
  });

  it('needs an admin: anonymous 401, staff 403, and nothing is looked up', async () => {
    for (const url of ['/api/v1/admin/persons/lookup', '/api/v1/admin/persons/forget']) {
      expect((await post(t.app, url, a)).status).toBe(401);
      expect((await post(t.app, url, a, await t.signIn('staff'))).status).toBe(403);
    }
    expect(await auditCount()).toBe(0);
  });

  it('refuses bad input with a 4xx and writes nothing', async () => {
    const before = await bookingRows();
    const bad = await post(t.app, '/api/v1/admin/persons/forget', { idCard: '110105199001010000' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_ID_CARD');
    expect((await post(t.app, '/api/v1/admin/persons/forget', { ...a, phone: '123' }, admin)).body.code).toBe('INVALID_PHONE');
    expect((await post(t.app, '/api/v1/admin/persons/lookup', { ...a, name: 'x' }, admin)).body.code).toBe('VALIDATION');
    expect((await post(t.app, '/api/v1/admin/persons/lookup', {}, admin)).status).toBe(400);
    expect(await bookingRows()).toEqual(before);
    expect(await auditCount()).toBe(0);
  });

  it('shows what is kept, masked, with the ticket; audited without the numbers', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/admin/persons/lookup', payload: a, headers: admin });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(a.idCard);
    expect(res.body).not.toContain(a.phone);
    const body = res.json();
    expect(body).toMatchObject({ idCardMasked: `110105********${a.idCard.slice(-4)}`, personKept: true, verificationCodes: [] });
    expect(body.phoneMasked).toMatch(/^138\*{4}\d{4}$/);
    expect(body.bookings.map((x: { serviceLetter: string; date: string; status: string; active: boolean }) => [x.serviceLetter, x.date, x.status, x.active])).toEqual([
      ['Y', '2026-11-25', 'checked_in', true],
      ['H', '2026-11-26', 'booked', true],
    ]);
    expect(body.bookings[0].tickets).toHaveLength(1);
    expect(body.bookings[0].phoneKept).toBe(true);
    expect(body.bookings[0].messages.length).toBeGreaterThan(0);
    const audit = await get(t.app, '/api/v1/audit', admin);
    expect(audit.status).toBe(200);
    const entry = audit.body.entries.find((e: { action: string }) => e.action === 'person.show');
    expect(entry).toMatchObject({ actor: 'boss', target: 'person', details: { bookings: 2 } });
    expect(JSON.stringify(audit.body)).not.toContain(a.idCard.slice(0, 14));
  });

  it('refuses to erase while a booking is ahead (409), changing nothing', async () => {
    const before = await bookingRows();
    const res = await post(t.app, '/api/v1/admin/persons/forget', a, admin);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('PERSON_HAS_ACTIVE_BOOKINGS');
    expect(res.body.details.bookings).toBe(2);
    expect(res.body.message).toContain('请先取消');
    expect(await bookingRows()).toEqual(before);
  });

  it('erases once the bookings are over: the reports count the same, the other person is untouched', async () => {
    t.setNow('2026-11-27T10:00:00+08:00');
    admin = await t.signIn('admin');
    const before = await report(admin);
    const other = (await bookingRows()).find((r) => r.number.endsWith('02') && r.service_id === 1);
    const res = await post(t.app, '/api/v1/admin/persons/forget', a, admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ bookings: 2, verificationCodes: 0, person: true });
    expect(await report(admin)).toEqual(before);
    const rows = await bookingRows();
    const erased = rows.filter((r) => r.id_hash === 'erased');
    expect(erased).toHaveLength(2);
    for (const r of erased) {
      expect(r).toMatchObject({ phone_hash: 'erased', phone_cipher: null, phone_key_id: null, public_token: null, idempotency_hash: null, age_on_day: null });
      expect(r.id_masked).toMatch(/^\*+$/);
      expect(r.phone_masked).toMatch(/^\*+$/);
    }
    expect(rows.find((r) => r.id === other?.id)).toEqual(other);
    expect((await t.store.db.selectFrom('ticket').select('public_token').where('booking_id', 'is not', null).execute()).map((x) => x.public_token)).toEqual([null]);
    // Nothing is found any more, by the citizen or the admin.
    expect((await post(t.app, '/api/v1/bookings/lookup', a)).body.bookings).toEqual([]);
    const after = await post(t.app, '/api/v1/admin/persons/lookup', a, admin);
    expect(after.body).toMatchObject({ bookings: [], personKept: false });
    expect((await post(t.app, '/api/v1/bookings/lookup', b)).body.bookings).toHaveLength(1);
    const entry = (await get(t.app, '/api/v1/audit', admin)).body.entries.find((e: { action: string }) => e.action === 'person.forget');
    expect(entry.details).toMatchObject({ bookings: 2, person: true });
    expect(JSON.stringify(entry)).not.toContain(a.phone);
    // They may book again as anyone else.
    expect((await post(t.app, '/api/v1/bookings', bookingBody(a, { date: '2026-11-30' }))).status).toBe(201);
  });

  it('a hall admin reaches only their hall; a city admin every hall', async () => {
    const city = await t.signIn('city_admin');
    const opened = await post(t.app, '/api/v1/admin/halls', { code: 'CD', nameZh: '城东政务服务中心', nameEn: 'East', districtZh: '城东区', districtEn: 'East', addressZh: '东大街 1 号' }, city);
    expect(opened.status).toBe(201);
    const services = (await get(t.app, '/api/v1/halls/CD/services')).body.services as { id: number; letter: string }[];
    const eastF = services.find((x) => x.letter === 'F')?.id;
    expect((await post(t.app, '/api/v1/bookings', bookingBody(a, { serviceId: eastF, date: '2026-11-26' }))).status).toBe(201);
    t.setNow('2026-11-27T10:00:00+08:00');
    admin = await t.signIn('admin');
    const eastAdmin = await t.signIn('admin', 'east-boss', 'CD');
    const everywhere = await post(t.app, '/api/v1/admin/persons/lookup', a, await t.signIn('city_admin'));
    expect(everywhere.body.bookings.map((x: { hallCode: string }) => x.hallCode)).toEqual(['MAIN', 'MAIN', 'CD']);
    const east = await post(t.app, '/api/v1/admin/persons/lookup', a, eastAdmin);
    expect(east.body.bookings.map((x: { number: string }) => x.number)).toEqual(['CD-F20261126090001']);
    expect((await post(t.app, '/api/v1/admin/persons/lookup?hall=MAIN', a, eastAdmin)).body.code).toBe('HALL_NOT_FOUND');
    // The east hall's admin erases the east hall's booking only; the person row stays for the others.
    expect((await post(t.app, '/api/v1/admin/persons/forget', a, eastAdmin)).body).toEqual({ bookings: 1, verificationCodes: 0, person: false });
    expect((await post(t.app, '/api/v1/admin/persons/lookup', a, admin)).body.bookings).toHaveLength(2);
    expect((await post(t.app, '/api/v1/admin/persons/forget', a, admin)).body).toEqual({ bookings: 2, verificationCodes: 0, person: true });
  });
});

describe('我的预约: erasing the phone of past bookings', () => {
  it('erases past bookings’ phones, keeps those ahead; the reports count the same', async () => {
    t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
    expect((await post(t.app, '/api/v1/bookings', bookingBody(a))).status).toBe(201);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(a, { date: '2026-11-27' }))).status).toBe(201);
    t.setNow('2026-11-26T10:00:00+08:00');
    const admin = await t.signIn('admin');
    const before = await report(admin);
    const bad = await post(t.app, '/api/v1/bookings/forget-contacts', { idCard: a.idCard, phone: '12' });
    expect(bad.body.code).toBe('INVALID_PHONE');
    const res = await post(t.app, '/api/v1/bookings/forget-contacts', a);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ erased: 1, kept: 1 });
    expect(await report(admin)).toEqual(before);
    const rows = await bookingRows();
    expect(rows.map((r) => [r.date, r.phone_cipher === null, r.phone_hash === 'erased'])).toEqual([
      ['2026-11-25', true, true],
      ['2026-11-27', false, false],
    ]);
    expect(rows[0]?.id_hash).not.toBe('erased');
    const left = await post(t.app, '/api/v1/bookings/lookup', a);
    expect(left.body.bookings.map((x: { date: string }) => x.date)).toEqual(['2026-11-27']);
    // Again: nothing more to erase.
    expect((await post(t.app, '/api/v1/bookings/forget-contacts', a)).body).toEqual({ erased: 0, kept: 1 });
  });

  it('with BOOKING_VERIFY=sms it needs a code sent to the phone, like a cancel', async () => {
    t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', messaging: testMessaging({ verifyPhone: true }) });
    const sent: OutgoingSms[] = [];
    const driver = {
      name: 'recording',
      async send(sms: OutgoingSms) {
        sent.push(sms);
        return { gatewayId: `gw-${sms.id}` };
      },
    };
    const deliver = () => new NotificationSender(t.ctx, { driver, templates: DEFAULT_TEMPLATES, quietHours: DEFAULT_QUIET_HOURS }).runOnce();
    const codeFor = async (purpose: string) => {
      expect((await post(t.app, '/api/v1/verification-codes', { phone: a.phone, purpose })).status).toBe(202);
      await deliver();
      return /(\d{6})/.exec(sent.filter((m) => m.kind === 'verify.code').at(-1)?.text ?? '')?.[1] ?? '';
    };
    expect((await post(t.app, '/api/v1/bookings', bookingBody(a, { smsCode: await codeFor('book') }))).status).toBe(201);
    t.setNow('2026-11-26T10:00:00+08:00');
    const none = await post(t.app, '/api/v1/bookings/forget-contacts', a);
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('VERIFY_CODE_REQUIRED');
    const wrong = await post(t.app, '/api/v1/bookings/forget-contacts', { ...a, smsCode: '000000' });
    expect(wrong.body.code).toMatch(/VERIFY_CODE_(REQUIRED|WRONG)/);
    expect((await bookingRows())[0]?.phone_cipher).not.toBeNull();
    const code = await codeFor('cancel');
    const ok = await post(t.app, '/api/v1/bookings/forget-contacts', { ...a, smsCode: code });
    expect(ok.body).toEqual({ erased: 1, kept: 0 });
    expect((await post(t.app, '/api/v1/bookings/forget-contacts', { ...a, smsCode: code })).body.code).toBe('VERIFY_CODE_USED');
  });
});

describe('the logs', () => {
  it('never hold the ID card or phone of a person look-up or erasure, even at trace level', async () => {
    t = await makeTestApp();
    const dir = mkdtempSync(join(tmpdir(), 'vreserve-person-log-'));
    const store = openStore(`sqlite:${join(dir, 'test.db')}`);
    await migrateToLatest(store.db);
    const written: string[] = [];
    const logger = createLogger('trace', { write: (line: string) => void written.push(line) });
    const app = await buildApp({ store, clock: () => new Date('2026-11-26T10:00:00+08:00'), hallTz: 'Asia/Shanghai', secret: TEST_SECRET, logger, webRoot: join(dir, 'no-web') });
    try {
      await app.ready();
      const answers = [
        await app.inject({ method: 'POST', url: '/api/v1/bookings/forget-contacts', payload: a }),
        await app.inject({ method: 'POST', url: '/api/v1/bookings/forget-contacts', payload: { ...a, extra: 1 } }),
        await app.inject({ method: 'POST', url: '/api/v1/admin/persons/lookup', payload: a }),
        await app.inject({ method: 'POST', url: '/api/v1/admin/persons/forget', payload: a }),
      ];
      expect(answers.map((r) => r.statusCode)).toEqual([200, 400, 401, 401]);
      const log = written.join('');
      expect(log).toContain('forget-contacts');
      expect(log).not.toContain(a.idCard);
      expect(log).not.toContain(a.phone);
    } finally {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
