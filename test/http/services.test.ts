import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
  await post(t.app, '/api/v1/bookings', bookingBody(person(1)));
  await post(t.app, '/api/v1/bookings', bookingBody(person(2), { slot: '10:00' }));
});
afterAll(() => t.close());

describe('GET /api/v1/services', () => {
  it('lists the four seed services with today’s counts', async () => {
    const { status, body } = await get(t.app, '/api/v1/services');
    expect(status).toBe(200);
    expect(body.date).toBe('2026-11-25');
    expect(body.services.map((s: { id: number; letter: string; name: string }) => [s.id, s.letter, s.name])).toEqual([
      [1, 'Y', '医社保办理'],
      [2, 'H', '护照通行证办理'],
      [3, 'F', '房产证办理'],
      [4, 'S', '水电煤气业务办理'],
    ]);
    expect(body.services[0]).toMatchObject({
      open: true,
      capacity: 50,
      reserved: 2,
      remaining: 48,
      walkIn: { quota: 50, issued: 0, remaining: 50 },
    });
    expect(body.services[1]).toMatchObject({ reserved: 0, remaining: 50 });
  });

  it('names services in English on request', async () => {
    const { body } = await get(t.app, '/api/v1/services', { 'accept-language': 'en' });
    expect(body.services[3].name).toBe('Water, power and gas');
  });

  it('a closed day has nothing to book', async () => {
    const { body } = await get(t.app, '/api/v1/services?date=2026-11-28');
    expect(body.services[0]).toMatchObject({ open: false, capacity: 0, remaining: 0 });
  });

  it.each(['2026-13-01', 'tomorrow', '2026-11-25&x=1'])('refuses date=%s', async (date) => {
    const { status, body } = await get(t.app, `/api/v1/services?date=${date}`);
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION');
  });
});

describe('GET /api/v1/services/:id/availability', () => {
  it('gives the booking window day by day with per-slot counts', async () => {
    const { status, body } = await get(t.app, '/api/v1/services/1/availability');
    expect(status).toBe(200);
    expect(body.window).toEqual({ from: '2026-11-25', to: '2026-12-02' });
    expect(body.days.map((d: { date: string; open: boolean }) => [d.date, d.open])).toEqual([
      ['2026-11-25', true],
      ['2026-11-26', true],
      ['2026-11-27', true],
      ['2026-11-28', false],
      ['2026-11-29', false],
      ['2026-11-30', true],
      ['2026-12-01', true],
      ['2026-12-02', true],
    ]);
    const today = body.days[0];
    expect(today).toMatchObject({ capacity: 50, reserved: 2, remaining: 48 });
    expect(today.slots[0]).toEqual({ start: '09:00', end: '10:00', capacity: 10, reserved: 1, remaining: 9, bookable: true });
    expect(body.days[3].slots[0]).toMatchObject({ bookable: false, reason: 'closed' });
  });

  it('marks started slots as past', async () => {
    t.setNow('2026-11-25T10:30:00+08:00');
    const { body } = await get(t.app, '/api/v1/services/1/availability?days=1');
    expect(body.days[0].slots.map((s: { start: string; bookable: boolean }) => [s.start, s.bookable])).toEqual([
      ['09:00', false],
      ['10:00', false],
      ['11:00', true],
      ['14:00', true],
      ['15:00', true],
    ]);
    t.setNow('2026-11-25T08:30:00+08:00');
  });

  it('beyond the window is not bookable', async () => {
    const { body } = await get(t.app, '/api/v1/services/1/availability?from=2026-12-03&days=1');
    expect(body.days[0]).toMatchObject({ inWindow: false });
    expect(body.days[0].slots[0]).toMatchObject({ bookable: false, reason: 'outside_window' });
  });

  it.each([
    ['/api/v1/services/99/availability', 404, 'SERVICE_NOT_FOUND'],
    ['/api/v1/services/abc/availability', 400, 'VALIDATION'],
    ['/api/v1/services/1/availability?days=0', 400, 'VALIDATION'],
    ['/api/v1/services/1/availability?days=32', 400, 'VALIDATION'],
    ['/api/v1/services/1/availability?from=2026-02-30', 400, 'VALIDATION'],
  ])('%s -> %i %s', async (url, status, code) => {
    const res = await get(t.app, url);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });
});

describe('the service list is micro-cached but never stale after a write here', () => {
  it('a cached answer is the computed one, with the same headers', async () => {
    const c = await makeTestApp({ now: '2026-11-25T09:30:00+08:00', readCacheMs: 60_000 });
    try {
      const first = await c.app.inject({ url: '/api/v1/services?date=2026-11-26' });
      const again = await c.app.inject({ url: '/api/v1/services?date=2026-11-26' });
      const other = await c.app.inject({ url: '/api/v1/services?date=2026-11-27', headers: { 'accept-language': 'en' } });
      expect([first.statusCode, again.statusCode, other.statusCode]).toEqual([200, 200, 200]);
      expect(again.body).toBe(first.body);
      const { date: _a, ...firstHeaders } = first.headers;
      const { date: _b, ...againHeaders } = again.headers;
      expect(againHeaders).toEqual(firstHeaders);
      expect(firstHeaders).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' });
      // Another date and language is another answer.
      expect(JSON.parse(other.body).date).toBe('2026-11-27');
      expect(other.body).not.toBe(first.body);
    } finally {
      await c.close();
    }
  });

  it('a booking or a walk-in shows in the next read', async () => {
    const c = await makeTestApp({ now: '2026-11-25T09:30:00+08:00', readCacheMs: 60_000 });
    try {
      const before = (await get(c.app, '/api/v1/services')).body.services[0];
      expect(before).toMatchObject({ reserved: 0, walkIn: { issued: 0 } });
      await post(c.app, '/api/v1/bookings', bookingBody(person(1), { slot: '10:00' }));
      await post(c.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, c.kiosk);
      const after = (await get(c.app, '/api/v1/services')).body.services[0];
      // 余号数量 at 09:30: the 09:00 slot has started, so 40 places were left before the booking.
      expect(after).toMatchObject({ reserved: 1, remaining: 39, walkIn: { issued: 1 } });
    } finally {
      await c.close();
    }
  });
});
