// 改约 on every real database: a move races another move of the same booking, a cancel of it, and
// bookings for the last place. The citizen always ends with exactly one of old and new (or none,
// when the cancel won), no slot is ever oversold, and `vreserve check` finds nothing wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { bookingBody, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

type Res = Awaited<ReturnType<typeof post>>;

for (const kind of wantedStores()) {
  describe(`改约 on ${kind}`, () => {
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

    const book = async (n: number, over: Record<string, unknown>) => {
      const res = await post((t as TestApp).app, '/api/v1/bookings', bookingBody(person(n), over));
      expect(res.status).toBe(201);
      return res.body.booking.number as string;
    };
    const move = (n: number, number: string, to: Record<string, unknown>) =>
      post((t as TestApp).app, `/api/v1/bookings/${number}/reschedule`, { ...person(n), ...to });
    /** The person's bookings that hold a place. */
    const heldBy = async (n: number) => {
      const mine = (await post((t as TestApp).app, '/api/v1/bookings/lookup', person(n))).body.bookings as { number: string; status: string }[];
      return mine.filter((b) => b.status === 'booked').map((b) => b.number);
    };
    const reserved = async (serviceId: number, date: string, slotStart: string) => {
      const row = await (t as TestApp).store.db
        .selectFrom('slot_inventory')
        .select('reserved')
        .where('service_id', '=', serviceId)
        .where('date', '=', date)
        .where('slot_start', '=', slotStart)
        .executeTakeFirst();
      return Number(row?.reserved ?? 0);
    };
    const problems = async () => (await checkInvariants((t as TestApp).store.db)).problems;

    it('two moves of the same booking at once: exactly one wins, the person holds one place', async (c) => {
      if (!t) return c.skip();
      const people = Array.from({ length: 8 }, (_, i) => 300 + i);
      const numbers = await Promise.all(people.map((n) => book(n, { date: '2026-11-26', slot: '09:00' })));
      const races = await Promise.all(
        people.map((n, i) =>
          Promise.all([
            move(n, numbers[i] as string, { date: '2026-11-27', slot: '10:00' }),
            move(n, numbers[i] as string, { date: '2026-11-27', slot: '14:00' }),
          ]),
        ),
      );
      for (const [i, pair] of races.entries()) {
        const won = pair.filter((r: Res) => r.status === 200);
        expect(won, `person ${people[i]}: ${pair.map((r) => r.body.code ?? r.status)}`).toHaveLength(1);
        expect(pair.find((r: Res) => r.status !== 200)?.body.code).toBe('NOT_RESCHEDULABLE');
        expect(await heldBy(people[i] as number)).toEqual([won[0]?.body.booking.number]);
      }
      expect(await reserved(1, '2026-11-26', '09:00')).toBe(0);
      expect((await reserved(1, '2026-11-27', '10:00')) + (await reserved(1, '2026-11-27', '14:00'))).toBe(8);
      expect(await problems()).toEqual([]);
    });

    it('a move and a cancel at once: one of them wins, never both and never neither', async (c) => {
      if (!t) return c.skip();
      const people = Array.from({ length: 8 }, (_, i) => 400 + i);
      const numbers = await Promise.all(people.map((n) => book(n, { date: '2026-11-30', slot: '09:00' })));
      const races = await Promise.all(
        people.map((n, i) =>
          Promise.all([
            move(n, numbers[i] as string, { date: '2026-11-30', slot: '10:00' }),
            post((t as TestApp).app, `/api/v1/bookings/${numbers[i]}/cancel`, person(n)),
          ]),
        ),
      );
      for (const [i, [moved, cancelled]] of races.entries()) {
        const n = people[i] as number;
        const outcome = [moved?.status === 200 ? 'moved' : moved?.body.code, cancelled?.status === 200 ? 'cancelled' : cancelled?.body.code];
        if (outcome[0] === 'moved') {
          expect(outcome).toEqual(['moved', 'NOT_CANCELLABLE']);
          expect(await heldBy(n)).toEqual([moved?.body.booking.number]);
        } else {
          expect(outcome).toEqual(['NOT_RESCHEDULABLE', 'cancelled']);
          expect(await heldBy(n)).toEqual([]);
        }
      }
      const movedCount = races.filter(([m]) => m?.status === 200).length;
      expect(await reserved(1, '2026-11-30', '09:00')).toBe(0);
      expect(await reserved(1, '2026-11-30', '10:00')).toBe(movedCount);
      expect(await problems()).toEqual([]);
    });

    it('moves into the last places race new bookings: the slot is never oversold', async (c) => {
      if (!t) return c.skip();
      // 14:00 on 12-01 (10 places) has 7 booked; 6 people move in from 09:00 while 6 others book it.
      await Promise.all(Array.from({ length: 7 }, (_, i) => book(500 + i, { date: '2026-12-01', slot: '14:00' })));
      const movers = Array.from({ length: 6 }, (_, i) => 520 + i);
      const numbers = await Promise.all(movers.map((n) => book(n, { date: '2026-12-01', slot: '09:00' })));
      const results = await Promise.all([
        ...movers.map((n, i) => move(n, numbers[i] as string, { date: '2026-12-01', slot: '14:00' })),
        ...Array.from({ length: 6 }, (_, i) => post((t as TestApp).app, '/api/v1/bookings', bookingBody(person(540 + i), { date: '2026-12-01', slot: '14:00' }))),
      ]);
      const won = results.filter((r) => r.status === 200 || r.status === 201);
      expect(won).toHaveLength(3);
      expect(results.filter((r) => r.body.code === 'SLOT_FULL')).toHaveLength(9);
      expect(await reserved(1, '2026-12-01', '14:00')).toBe(10);
      // Every mover that lost still holds the old place; every one that won holds only the new one.
      const movedIn = results.slice(0, 6).filter((r) => r.status === 200).length;
      expect(await reserved(1, '2026-12-01', '09:00')).toBe(6 - movedIn);
      for (const [i, n] of movers.entries()) {
        const r = results[i] as Res;
        expect(await heldBy(n)).toEqual([r.status === 200 ? r.body.booking.number : numbers[i]]);
      }
      expect(await problems()).toEqual([]);
    });

    it('a move and a check-in at the kiosk at once: the booking is either checked in or moved, never both', async (c) => {
      if (!t) return c.skip();
      // Today 09:00 (check-in is open from 08:00; the clock says 08:30).
      const people = Array.from({ length: 6 }, (_, i) => 700 + i);
      const numbers = await Promise.all(people.map((n) => book(n, { date: '2026-11-25', slot: '09:00', serviceId: 2 })));
      const races = await Promise.all(
        people.map((n, i) =>
          Promise.all([
            move(n, numbers[i] as string, { date: '2026-11-26', slot: '09:00' }),
            post((t as TestApp).app, '/api/v1/kiosk/check-in', { idCard: person(n).idCard }, (t as TestApp).kiosk),
          ]),
        ),
      );
      for (const [i, [moved, checkIn]] of races.entries()) {
        const n = people[i] as number;
        const tickets = await (t as TestApp).store.db.selectFrom('ticket').select('number').where('number', '=', numbers[i] as string).execute();
        if (moved?.status === 200) {
          // The kiosk issued no ticket for the moved booking (a kiosk that read it just before the
          // move answers with no ticket, else NO_BOOKING).
          expect(tickets, `person ${n}: ${checkIn?.body.code ?? checkIn?.status}`).toEqual([]);
          if (checkIn?.status === 200) expect(checkIn.body.tickets).toEqual([]);
          expect(await heldBy(n)).toEqual([moved.body.booking.number]);
        } else {
          expect(moved?.body.code, `person ${n}`).toBe('NOT_RESCHEDULABLE');
          expect(checkIn?.status).toBe(200);
          expect(tickets).toHaveLength(1);
          expect(await heldBy(n)).toEqual([]);
        }
      }
      const movedCount = races.filter(([m]) => m?.status === 200).length;
      expect(await reserved(2, '2026-11-25', '09:00')).toBe(6 - movedCount);
      expect(await reserved(2, '2026-11-26', '09:00')).toBe(movedCount);
      expect(await problems()).toEqual([]);
    });

    it('two people swapping slots at once both move (locks taken in one order, no stuck transaction)', async (c) => {
      if (!t) return c.skip();
      const a = await book(600, { date: '2026-12-02', slot: '09:00' });
      const b = await book(601, { date: '2026-12-02', slot: '10:00' });
      const [ab, ba] = await Promise.all([move(600, a, { date: '2026-12-02', slot: '10:00' }), move(601, b, { date: '2026-12-02', slot: '09:00' })]);
      expect([ab.status, ba.status]).toEqual([200, 200]);
      expect(await reserved(1, '2026-12-02', '09:00')).toBe(1);
      expect(await reserved(1, '2026-12-02', '10:00')).toBe(1);
      expect(await problems()).toEqual([]);
    });
  });
}
