// A booking reads its service, the catalogue's "what to bring" and the hall's 爽约 rule as kept
// for at most a second per process (services/fresh-reads.ts). An admin's change must hold at once
// in the process that made it, even right after bookings kept the old row, and within a second in
// another worker on the same store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bookingBody, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

const apps: TestApp[] = [];
let dir: string | null = null;
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

async function app(opts: Parameters<typeof makeTestApp>[0] = {}) {
  const t = await makeTestApp(opts);
  apps.push(t);
  return t;
}

const put = async (t: TestApp, url: string, payload: object, headers: Record<string, string>) => {
  const res = await t.app.inject({ method: 'PUT', url, payload, headers });
  expect(res.statusCode).toBe(200);
};

describe('what a booking reads of the settings, in the process that changed them', () => {
  it('a service deactivated right after bookings of it is refused at once, and bookable again once activated', async () => {
    const t = await app();
    const admin = await t.signIn('admin');
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { serviceId: 4 }))).status).toBe(201);
    await post(t.app, '/api/v1/admin/services/4/deactivate', {}, admin);
    const refused = await post(t.app, '/api/v1/bookings', bookingBody(person(2), { serviceId: 4 }));
    expect(refused.body.code).toBe('SERVICE_NOT_FOUND');
    await post(t.app, '/api/v1/admin/services/4/activate', {}, admin);
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(3), { serviceId: 4 }))).status).toBe(201);
  });

  it('the catalogue’s new "what to bring" is in the very next booking’s confirmation', async () => {
    const t = await app();
    const city = await t.signIn('city_admin');
    const bringOf = async (number: string) => {
      const rows = await t.store.db.selectFrom('notification').innerJoin('booking', 'booking.id', 'notification.booking_id').select(['params']).where('booking.number', '=', number).where('kind', '=', 'booking.confirmed').execute();
      expect(rows).toHaveLength(1);
      return (JSON.parse(String(rows[0]?.params)) as { bring: string }).bring;
    };
    const first = await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
    expect(await bringOf(first.body.booking.number)).not.toBe('身份证、社保卡、户口簿');
    await put(t, '/api/v1/admin/catalog/Y', { nameZh: '医社保办理', nameEn: 'Medical and social insurance', bringZh: '身份证、社保卡、户口簿' }, city);
    const next = await post(t.app, '/api/v1/bookings', bookingBody(person(2)));
    expect(await bringOf(next.body.booking.number)).toBe('身份证、社保卡、户口簿');
  });

  it('a stricter 爽约 rule refuses the next booking at once', async () => {
    // Monday 2026-11-23, before the hall opens.
    const t = await app({ now: '2026-11-23T08:30:00+08:00' });
    const admin = await t.signIn('admin');
    const rule = { limit: 5, windowDays: 90, blockDays: 30, lateCancel: false, lateCancelMinutes: 60 };
    await put(t, '/api/v1/admin/no-show/rule', rule, admin);
    for (const serviceId of [1, 2]) expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-23', serviceId }))).status).toBe(201);
    // Both missed; under a limit of 5 the person still books.
    t.setNow('2026-11-23T10:30:00+08:00');
    expect((await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-24' }))).status).toBe(201);
    await put(t, '/api/v1/admin/no-show/rule', { ...rule, limit: 2 }, admin);
    const refused = await post(t.app, '/api/v1/bookings', bookingBody(person(1), { date: '2026-11-25' }));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('BOOKING_BLOCKED');
  });
});

describe('in another worker on the same store', () => {
  it('sees a deactivated service within about a second', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vreserve-fresh-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const a = await app({ databaseUrl: url });
    const b = await app({ databaseUrl: url });
    const admin = await a.signIn('admin');
    // Worker B has the service kept from a booking.
    expect((await post(b.app, '/api/v1/bookings', bookingBody(person(1), { serviceId: 4 }))).status).toBe(201);
    await post(a.app, '/api/v1/admin/services/4/deactivate', {}, admin);
    const changedAt = performance.now();
    expect((await post(a.app, '/api/v1/bookings', bookingBody(person(2), { serviceId: 4 }))).body.code).toBe('SERVICE_NOT_FOUND');
    let n = 3;
    let code = '';
    while (performance.now() - changedAt < 5000) {
      code = (await post(b.app, '/api/v1/bookings', bookingBody(person(n++), { serviceId: 4 }))).body.code ?? '';
      if (code === 'SERVICE_NOT_FOUND') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(code).toBe('SERVICE_NOT_FOUND');
    // Kept for a second: refused from then on (the loop's last request took a moment too).
    expect(performance.now() - changedAt).toBeLessThan(1500);
  });
});
