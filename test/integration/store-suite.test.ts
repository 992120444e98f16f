// The same use cases on every real database: capacity under parallel transactions, unique
// numbers, cancel, check-in and walk-ins, then the invariant check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { bookingBody, counts, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

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
    });
    afterAll(async () => {
      await t?.close();
      await temp?.drop();
    });

    it('migrates and seeds the four services', async (c) => {
      if (!t) return c.skip();
      const rows = await t.store.db.selectFrom('service').select(['id', 'letter']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 1, letter: 'Y' },
        { id: 2, letter: 'H' },
        { id: 3, letter: 'F' },
        { id: 4, letter: 'S' },
      ]);
    });

    it('60 parallel bookings on a 10-place slot: exactly 10 succeed, numbers unique', async (c) => {
      if (!t) return c.skip();
      const app = t.app;
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) => post(app, '/api/v1/bookings', bookingBody(person(100 + i), { slot: '10:00' }))),
      );
      const ok = results.filter((r) => r.status === 201);
      expect(ok).toHaveLength(10);
      expect(results.filter((r) => r.body.code === 'SLOT_FULL')).toHaveLength(50);
      const numbers = ok.map((r) => r.body.booking.number).sort();
      expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `Y202611251000${String(i + 1).padStart(2, '0')}`));
      expect((await checkInvariants(t.store.db)).problems).toEqual([]);
    });

    it('the first bookings of an untouched slot all succeed (no false SLOT_FULL while its row is created)', async (c) => {
      if (!t) return c.skip();
      const app = t.app;
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => post(app, '/api/v1/bookings', bookingBody(person(200 + i), { serviceId: 3, slot: '11:00' }))),
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    });

    it('one person racing for four services gets at most three', async (c) => {
      if (!t) return c.skip();
      const app = t.app;
      const p = person(900);
      const results = await Promise.all(
        [1, 2, 3, 4].map((serviceId) => post(app, '/api/v1/bookings', bookingBody(p, { serviceId, date: '2026-11-26' }))),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(3);
      expect(results.filter((r) => r.body.code === 'BOOKING_LIMIT')).toHaveLength(1);
    });

    it('simultaneous requests with one Idempotency-Key: one booking, all answers replay it, none is DUPLICATE_BOOKING', async (c) => {
      if (!t) return c.skip();
      const app = t.app;
      const key = { 'idempotency-key': `race-${kind}` };
      const results = await Promise.all(
        Array.from({ length: 12 }, () => post(app, '/api/v1/bookings', bookingBody(person(902), { serviceId: 4, date: '2026-11-27' }), key)),
      );
      expect(results.map((r) => r.body.code)).toEqual(Array(12).fill(undefined));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(new Set(results.map((r) => r.body.booking.number)).size).toBe(1);
    });

    it('a known ID number with another phone neither blocks nor reveals the holder’s bookings', async (c) => {
      if (!t) return c.skip();
      const app = t.app;
      const holder = person(903);
      const other = { idCard: holder.idCard, phone: person(904).phone };
      const squat = await Promise.all([1, 2, 3].map((serviceId) => post(app, '/api/v1/bookings', bookingBody(other, { serviceId, date: '2026-11-30' }))));
      expect(squat.map((r) => r.status)).toEqual([201, 201, 201]);
      const own = await Promise.all([1, 2, 3].map((serviceId) => post(app, '/api/v1/bookings', bookingBody(holder, { serviceId, date: '2026-11-30' }))));
      expect(own.map((r) => r.status)).toEqual([201, 201, 201]);
      expect((await post(app, '/api/v1/bookings', bookingBody(holder, { serviceId: 4, date: '2026-11-30' }))).body.code).toBe('BOOKING_LIMIT');
    });

    it('a NUL character anywhere is a 400 that writes nothing, never a 500', async (c) => {
      if (!t) return c.skip();
      const app = t.app;
      const admin = await t.signIn('admin', `nul-admin-${kind}`);
      const staffBefore = await t.store.db.selectFrom('staff').select('id').execute();
      const attempts = [
        app.inject({ method: 'POST', url: '/api/v1/bookings/Y2026112509%0001/cancel', payload: person(905) }),
        app.inject({ method: 'GET', url: '/api/v1/services?date=2026-11-25%00' }),
        app.inject({ method: 'POST', url: '/api/v1/bookings', payload: { ...bookingBody(person(905)), name: 'a\u0000b' } }),
        app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'boss\u0000', password: 'x' } }),
        app.inject({
          method: 'POST',
          url: '/api/v1/staff',
          headers: admin,
          payload: { username: `nul\u0000${kind}`, displayName: 'x\u0000', password: 'Long-enough-pass-9!', role: 'staff' },
        }),
        app.inject({
          method: 'POST',
          url: '/order/insertOne',
          payload: `idcard=${person(905).idCard}%00&phone=${person(905).phone}&serviceId=0&reserveTakeTime=2026-11-25%2010:00`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      ];
      for (const res of await Promise.all(attempts)) {
        const legacy = (res.raw.req.url ?? '').startsWith('/order/');
        // The mini-program API answers a refusal with HTTP 200 and its own code, as for any bad field.
        expect(res.statusCode, `${res.raw.req.url} ${res.body}`).toBe(legacy ? 200 : 400);
        expect(res.json()).toMatchObject(legacy ? { code: '100', msg: expect.stringContaining('NUL') } : { code: 'VALIDATION' });
      }
      expect(await t.store.db.selectFrom('staff').select('id').execute()).toEqual(staffBefore);
      expect(await t.store.db.selectFrom('booking').select('id').where('id_hash', '=', '').execute()).toEqual([]);
    });

    it('call numbers: parallel walk-ins and check-ins of one service get Y001 … Y026, each once', async (c) => {
      if (!t) return c.skip();
      const app = t.app;
      const kiosk = t.kiosk;
      t.setNow('2026-11-25T10:30:00+08:00');
      try {
        const people = Array.from({ length: 6 }, (_, i) => person(950 + i));
        for (const p of people) expect((await post(app, '/api/v1/bookings', bookingBody(p, { serviceId: 1, slot: '11:00' }))).status).toBe(201);
        const results = await Promise.all([
          ...Array.from({ length: 20 }, () => post(app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, kiosk)),
          ...people.map((p) => post(app, '/api/v1/kiosk/check-in', { idCard: p.idCard }, kiosk)),
        ]);
        const calls = results.map((r) => (r.body.ticket ?? r.body.tickets?.[0])?.callNumber as string);
        expect(calls.sort()).toEqual(Array.from({ length: 26 }, (_, i) => `Y${String(i + 1).padStart(3, '0')}`));
      } finally {
        t.setNow('2026-11-25T08:30:00+08:00');
      }
    });

    it('cancel returns the place; check-in keeps the counts', async (c) => {
      if (!t) return c.skip();
      const p = person(901);
      const booked = await post(t.app, '/api/v1/bookings', bookingBody(p, { serviceId: 2 }));
      expect(booked.status).toBe(201);
      expect(await counts(t.app, '2026-11-25', 2)).toMatchObject({ reserved: 1 });
      const checkIn = await post(t.app, '/api/v1/kiosk/check-in', { idCard: p.idCard }, t.kiosk);
      expect(checkIn.body.tickets[0].number).toBe(booked.body.booking.number);
      expect(await counts(t.app, '2026-11-25', 2)).toMatchObject({ reserved: 1 });

      const q = person(902);
      const other = await post(t.app, '/api/v1/bookings', bookingBody(q, { serviceId: 2, slot: '11:00' }));
      const cancelled = await post(t.app, `/api/v1/bookings/${other.body.booking.number}/cancel`, q);
      expect(cancelled.body.booking.status).toBe('cancelled');
      expect(await counts(t.app, '2026-11-25', 2)).toMatchObject({ reserved: 1 });
      expect((await checkInvariants(t.store.db)).problems).toEqual([]);
    });

    it('closing a day while bookings pour in leaves no booking on the closed day', async (c) => {
      if (!t) return c.skip();
      const app = t.app;
      const admin = await t.signIn('admin');
      const date = '2026-12-01';
      const bookings = Array.from({ length: 40 }, (_, i) =>
        post(app, '/api/v1/bookings', bookingBody(person(3000 + i), { date, serviceId: (i % 4) + 1, slot: ['09:00', '10:00', '14:00'][i % 3] })),
      );
      const close = (async () => {
        await new Promise((r) => setTimeout(r, 5));
        const res = await app.inject({ method: 'PUT', url: `/api/v1/admin/calendar/${date}`, payload: { kind: 'closed', confirm: true }, headers: admin });
        return res.json();
      })();
      const results = await Promise.all(bookings);
      const closed = await close;
      expect(results.every((r) => r.status === 201 || r.body.code === 'SLOT_NOT_BOOKABLE')).toBe(true);
      const stillBooked = await t.store.db.selectFrom('booking').select('number').where('date', '=', date).where('status', '=', 'booked').execute();
      expect(stillBooked).toEqual([]);
      const made = results.filter((r) => r.status === 201).length;
      expect(closed.cancelledBookings).toBe(made);
      expect((await checkInvariants(t.store.db)).problems).toEqual([]);
    });

    it('parallel walk-ins: quota respected, numbers unique', async (c) => {
      if (!t) return c.skip();
      const { app, kiosk } = t;
      t.setNow('2026-11-25T10:15:00+08:00');
      const results = await Promise.all(Array.from({ length: 60 }, () => post(app, '/api/v1/kiosk/walk-in', { serviceId: 3 }, kiosk)));
      const ok = results.filter((r) => r.status === 201);
      expect(ok).toHaveLength(50);
      expect(new Set(ok.map((r) => r.body.ticket.number)).size).toBe(50);
      expect(results.filter((r) => r.body.code === 'WALK_IN_FULL')).toHaveLength(10);
      expect((await checkInvariants(t.store.db)).problems).toEqual([]);
      t.setNow('2026-11-25T08:30:00+08:00');
    });

    it('a transferred walk-in counts where it was issued; bookings per day; statuses by token', async (c) => {
      if (!t) return c.skip();
      const { app, kiosk } = t;
      const admin = await t.signIn('admin');
      const staff = await t.signIn('staff');
      t.setNow('2026-11-25T10:20:00+08:00');
      const issued = await post(app, '/api/v1/kiosk/walk-in', { serviceId: 4 }, kiosk);
      expect(issued.status).toBe(201);
      const number = issued.body.ticket.number;
      expect((await post(app, '/api/v1/counters/4/call-next', {}, staff)).body.ticket.number).toBe(number);
      expect((await post(app, `/api/v1/tickets/${number}/transfer`, { serviceId: 1 }, staff)).status).toBe(200);
      expect((await checkInvariants(t.store.db)).problems).toEqual([]);
      const report = await app.inject({ method: 'GET', url: '/api/v1/reports/daily?from=2026-11-25&to=2026-11-25', headers: admin });
      expect(report.json().rows.find((r: { serviceId: number }) => r.serviceId === 4).walkIns).toBe(1);

      const calendar = (await app.inject({ method: 'GET', url: '/api/v1/admin/calendar?from=2026-11-25&to=2026-11-27', headers: admin })).json();
      const held = await t.store.db.selectFrom('booking').select('id').where('date', '=', '2026-11-26').where('status', '!=', 'cancelled').execute();
      expect(calendar.bookings.find((d: { date: string }) => d.date === '2026-11-26')).toEqual({ date: '2026-11-26', count: held.length });

      const booked = await post(app, '/api/v1/bookings', bookingBody(person(906), { date: '2026-11-26', serviceId: 4 }));
      const { number: made, statusToken } = booked.body.booking;
      const statuses = await post(app, '/api/v1/bookings/statuses', { bookings: [{ number: made, token: statusToken }] });
      expect(statuses.body.bookings).toEqual([{ number: made, status: 'booked' }]);
      t.setNow('2026-11-25T08:30:00+08:00');
    });

    it('two halls at once: each slot holds its own capacity, numbers and call numbers never collide, limits span both', async (c) => {
      if (!t) return c.skip();
      const { app } = t;
      const city = await t.signIn('city_admin');
      expect((await post(app, '/api/v1/admin/halls', { code: 'CD', nameZh: '城东大厅' }, city)).status).toBe(201);
      const eastY = (await app.inject({ method: 'GET', url: '/api/v1/halls/CD/services' })).json().services[0].id as number;
      const eastKiosk = {
        authorization: `Bearer ${(await post(app, '/api/v1/devices?hall=CD', { kind: 'kiosk', name: 'east' }, city)).body.token}`,
      };
      // 40 people on each hall's 15:00 slot of Y (10 places each), all at once.
      const results = await Promise.all(
        Array.from({ length: 80 }, (_, i) =>
          post(
            app,
            '/api/v1/bookings',
            bookingBody(person(3000 + i), {
              serviceId: i % 2 === 0 ? 1 : eastY,
              date: '2026-11-27',
              slot: '15:00',
            }),
          ),
        ),
      );
      const ok = results.filter((r) => r.status === 201).map((r) => r.body.booking.number as string);
      expect(ok.filter((n) => n.startsWith('Y'))).toHaveLength(10);
      expect(ok.filter((n) => n.startsWith('CD-Y'))).toHaveLength(10);
      expect(new Set(ok).size).toBe(20);
      expect(results.filter((r) => r.status !== 201).map((r) => r.body.code)).toEqual(Array(60).fill('SLOT_FULL'));
      // One person racing for the same service in both halls gets one booking.
      const racer = person(3999);
      const race = await Promise.all([
        post(
          app,
          '/api/v1/bookings',
          bookingBody(racer, {
            serviceId: 1,
            date: '2026-11-27',
            slot: '14:00',
          }),
        ),
        post(
          app,
          '/api/v1/bookings',
          bookingBody(racer, {
            serviceId: eastY,
            date: '2026-11-27',
            slot: '14:00',
          }),
        ),
      ]);
      expect(race.map((r) => r.status).sort()).toEqual([201, 409]);
      // Walk-ins in both halls at once: each hall counts its own call numbers from Y001.
      t.setNow('2026-11-25T16:00:00+08:00');
      try {
        const walkIns = await Promise.all(
          Array.from({ length: 16 }, (_, i) => post(app, '/api/v1/kiosk/walk-in', { serviceId: i % 2 === 0 ? 1 : eastY }, i % 2 === 0 ? t?.kiosk : eastKiosk)),
        );
        expect(walkIns.map((r) => r.status)).toEqual(Array(16).fill(201));
        const east = walkIns.filter((_, i) => i % 2 === 1).map((r) => r.body.ticket.callNumber as string);
        expect(east.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `Y${String(i + 1).padStart(3, '0')}`));
        expect(walkIns.filter((_, i) => i % 2 === 1).every((r) => r.body.ticket.number.startsWith('CD-Y'))).toBe(true);
      } finally {
        t.setNow('2026-11-25T08:30:00+08:00');
      }
      expect((await checkInvariants(t.store.db)).problems).toEqual([]);
    });
  });
}
