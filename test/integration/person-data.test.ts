// A person's data on every store: what is kept is shown, erasing it (on request, and past
// RECORD_RETENTION_DAYS by housekeeping) leaves the reports' counts as they were; and the CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDayCloser } from '../../src/server/runtime.js';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { eraseExpiredRecords, recordsPastRetention } from '../../src/server/services/record-retention.service.js';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { runCli } from '../support/server-process.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

const a = person(11);
const b = person(12);

async function reportOf(t: TestApp, admin: Record<string, string>) {
  const res = await get(t.app, '/api/v1/reports/daily?from=2026-11-25&to=2026-11-26', admin);
  expect(res.status).toBe(200);
  expect(res.body.rows.reduce((n: number, r: { booked: number }) => n + r.booked, 0)).toBe(4);
  return res.body.rows;
}

for (const kind of wantedStores()) {
  describe(`store: ${kind}`, () => {
    let temp: TempDatabase | null = null;
    let t: TestApp | null = null;

    beforeAll(async () => {
      if (kind !== 'sqlite') {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return;
      }
      t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', databaseUrl: temp?.url });
      const app = t.app;
      for (const body of [bookingBody(a), bookingBody(a, { date: '2026-11-26', serviceId: 2 }), bookingBody(b), bookingBody(b, { serviceId: 2 })]) {
        expect((await post(app, '/api/v1/bookings', body)).status).toBe(201);
      }
      expect((await post(app, '/api/v1/kiosk/check-in', { idCard: a.idCard }, t.kiosk)).status).toBe(200);
      t.setNow('2026-11-25T09:20:00+08:00');
      expect((await post(app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk)).status).toBe(201);
    });
    afterAll(async () => {
      await t?.close();
      await temp?.drop();
    });

    it('shows a person’s bookings and ticket; erasing waits until they are over; reports keep their counts', async (c) => {
      if (!t) return c.skip();
      let admin = await t.signIn('admin');
      const shown = await post(t.app, '/api/v1/admin/persons/lookup', a, admin);
      expect(shown.status).toBe(200);
      expect(shown.body.bookings.map((x: { number: string; tickets: unknown[] }) => [x.number, x.tickets.length])).toEqual([
        ['Y20261125090001', 1],
        ['H20261126090001', 0],
      ]);
      expect((await post(t.app, '/api/v1/admin/persons/forget', a, admin)).body.code).toBe('PERSON_HAS_ACTIVE_BOOKINGS');

      t.setNow('2026-11-27T10:00:00+08:00');
      admin = await t.signIn('admin');
      const before = await reportOf(t, admin);
      const forgot = await post(t.app, '/api/v1/admin/persons/forget', { ...a }, admin);
      expect(forgot.status).toBe(200);
      expect(forgot.body).toEqual({ bookings: 2, verificationCodes: 0, person: true });
      expect(await reportOf(t, admin)).toEqual(before);
      expect((await post(t.app, '/api/v1/admin/persons/lookup', a, admin)).body).toMatchObject({ bookings: [], personKept: false });
      expect((await post(t.app, '/api/v1/bookings/lookup', b)).body.bookings).toHaveLength(2);
      expect((await checkInvariants(t.store.db)).problems).toEqual([]);
    });

    it('RECORD_RETENTION_DAYS: housekeeping erases older records, reports keep their counts', async (c) => {
      if (!t) return c.skip();
      // 30 days after 2026-11-26, 2026-11-25 is past retention; 2026-11-26 not yet.
      t.setNow('2026-12-26T10:00:00+08:00');
      const admin = await t.signIn('admin');
      const before = await reportOf(t, admin);
      expect(await recordsPastRetention(t.ctx, 30)).toBe(2);
      expect(await eraseExpiredRecords(t.ctx, 30, 3)).toBe(2);
      expect(await recordsPastRetention(t.ctx, 30)).toBe(0);
      expect(await eraseExpiredRecords(t.ctx, 30)).toBe(0);
      expect(await reportOf(t, admin)).toEqual(before);
      const rows = await t.store.db.selectFrom('booking').select(['date', 'id_hash', 'phone_cipher', 'public_token']).orderBy('id').execute();
      expect(rows.map((r) => [r.date, r.id_hash === 'erased', r.phone_cipher === null, r.public_token === null])).toEqual([
        ['2026-11-25', true, true, true],
        ['2026-11-26', true, true, true],
        ['2026-11-25', true, true, true],
        ['2026-11-25', true, true, true],
      ]);
      const tickets = await t.store.db.selectFrom('ticket').select('public_token').execute();
      expect(tickets.map((x) => x.public_token)).toEqual([null, null]);
      // B's person row went with their last booking; nothing is found by their numbers.
      const persons = await t.store.db.selectFrom('person').select('id_hash').execute();
      expect(persons.every((p) => p.id_hash.startsWith('erased:'))).toBe(true);
      expect((await post(t.app, '/api/v1/bookings/lookup', b)).body.bookings).toEqual([]);
      expect((await checkInvariants(t.store.db)).problems).toEqual([]);
    });
  });
}

describe('the housekeeping round', () => {
  it('erases records past RECORD_RETENTION_DAYS as it erases phones past CONTACT_RETENTION_DAYS', async () => {
    const t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
    try {
      expect((await post(t.app, '/api/v1/bookings', bookingBody(a))).status).toBe(201);
      expect((await post(t.app, '/api/v1/bookings', bookingBody(b, { date: '2026-11-26' }))).status).toBe(201);
      t.setNow('2026-12-26T09:00:00+08:00');
      expect(await recordsPastRetention(t.ctx, 30)).toBe(1);
      const errors: unknown[] = [];
      const stop = startDayCloser(t.ctx, (e) => errors.push(e), 400, 30);
      try {
        await vi.waitFor(async () => expect(await recordsPastRetention(t.ctx, 30)).toBe(0), { timeout: 10_000, interval: 50 });
      } finally {
        stop();
      }
      expect(errors).toEqual([]);
      const rows = await t.store.db.selectFrom('booking').select(['date', 'id_hash']).orderBy('id').execute();
      expect(rows.map((r) => [r.date, r.id_hash === 'erased'])).toEqual([
        ['2026-11-25', true],
        ['2026-11-26', false],
      ]);
    } finally {
      await t.close();
    }
  });
});

describe('vreserve person show | forget, and check', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vreserve-person-'));
    env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'vreserve.db')}`, SECRET: 'test-secret-0123456789abcdef', LANG: 'en' };
    const t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00', databaseUrl: env.DATABASE_URL });
    expect((await post(t.app, '/api/v1/bookings', bookingBody(a))).status).toBe(201);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(b))).status).toBe(201);
    await t.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows a person masked, never in clear', () => {
    const run = runCli(['person', 'show', '--id-card', a.idCard, '--phone', a.phone], { ...env, VRESERVE_CLOCK: '2026-11-25T08:40:00+08:00' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Y20261125090001');
    expect(run.stdout).toContain(`110105********${a.idCard.slice(-4)}`);
    expect(run.stdout).not.toContain(a.idCard);
    expect(run.stdout).not.toContain(a.phone);
  });

  it('forget asks first, refuses a booking ahead, erases once it is over; check reports records past retention', () => {
    const later = { ...env, VRESERVE_CLOCK: '2026-11-26T10:00:00+08:00' };
    const ahead = runCli(['person', 'forget', '--id-card', a.idCard, '--yes'], { ...env, VRESERVE_CLOCK: '2026-11-25T08:40:00+08:00' });
    expect(ahead.status).toBe(1);
    expect(ahead.stderr).toContain('cancel them first');
    // Numbers typed when asked (kept out of the shell history); "no" erases nothing.
    const declined = runCli(['person', 'forget'], later, { input: `${a.idCard}\n${a.phone}\nno\n` });
    expect(declined.stdout).toContain('nothing erased');
    expect(declined.status).toBe(1);
    const done = runCli(['person', 'forget'], later, { input: `${a.idCard}\n\nyes\n` });
    expect(done.stderr).toBe('');
    expect(done.stdout).toContain('erased: 1 booking(s)');
    expect(done.status).toBe(0);
    const check = runCli('check', { ...env, RECORD_RETENTION_DAYS: '30', VRESERVE_CLOCK: '2026-12-28T10:00:00+08:00' });
    expect(check.stdout).toContain('1 booking(s) still keep personal fields more than 30 days (RECORD_RETENTION_DAYS)');
    expect(runCli('check', { ...env, RECORD_RETENTION_DAYS: 'off', VRESERVE_CLOCK: '2026-12-28T10:00:00+08:00' }).stdout).not.toContain(
      'RECORD_RETENTION_DAYS',
    );
    expect(runCli('check', { ...env, RECORD_RETENTION_DAYS: '7' }).stderr).toContain('RECORD_RETENTION_DAYS must be 0 (or off) or at least 30 days');
  });
});
