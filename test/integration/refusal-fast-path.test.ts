// The cheap refusal (a full slot answered SLOT_FULL without a write transaction) must never refuse
// a place that is free: a place freed by a cancel is bookable by the very next request, also when
// the cancel and the booking run at the same moment, and a full slot never takes one more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBooking } from '../../src/server/services/booking.service.js';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { bookingBody, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TestApp, makeTestApp, testContext } from '../support/test-app.js';

const PLACES = 10; // a slot of service 1 on a weekday
const SLOT = { serviceId: 1, slot: '14:00' };

for (const kind of wantedStores()) {
  describe(`refusal fast path: ${kind}`, () => {
    let temp: TempDatabase | null = null;
    let t: TestApp | null = null;
    let next = 5000;
    const held: { number: string; who: { idCard: string; phone: string } }[] = [];

    async function book(): Promise<{ status: number; code?: string }> {
      const who = person(next++);
      const res = await post(t!.app, '/api/v1/bookings', bookingBody(who, SLOT));
      if (res.status === 201) held.push({ number: res.body.booking.number, who });
      return { status: res.status, code: res.body.code };
    }

    async function cancelOne(): Promise<void> {
      const victim = held.shift()!;
      const res = await post(t!.app, `/api/v1/bookings/${victim.number}/cancel`, victim.who);
      expect(res.status).toBe(200);
    }

    /** The use case's context, counting the keyed hashes of ID cards and phones it makes. */
    function countingHashes() {
      const plain = testContext(t!.store.db, () => new Date('2026-11-25T08:30:00+08:00'));
      const counted = { hashes: 0, ctx: plain };
      counted.ctx = {
        ...plain,
        pii: {
          ...plain.pii,
          idCard: (v: string) => {
            counted.hashes++;
            return plain.pii.idCard(v);
          },
          phone: (v: string) => {
            counted.hashes++;
            return plain.pii.phone(v);
          },
        },
      };
      return counted;
    }

    async function bookedNow(): Promise<number> {
      const rows = await t!.store.db
        .selectFrom('booking')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('service_id', '=', SLOT.serviceId)
        .where('date', '=', '2026-11-25')
        .where('slot_start', '=', SLOT.slot)
        .where('status', '!=', 'cancelled')
        .executeTakeFirstOrThrow();
      return Number(rows.n);
    }

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

    it('fills the slot, then refuses the next booking as SLOT_FULL', async (c) => {
      if (!t) return c.skip();
      for (let i = 0; i < PLACES; i++) expect((await book()).status).toBe(201);
      expect(await book()).toEqual({ status: 409, code: 'SLOT_FULL' });
      expect(await bookedNow()).toBe(PLACES);
    });

    it('a place freed by a cancel is taken by the very next booking, 30 times in a row', async (c) => {
      if (!t) return c.skip();
      for (let round = 0; round < 30; round++) {
        await cancelOne();
        expect(await book()).toEqual({ status: 201, code: undefined });
        expect(await book()).toEqual({ status: 409, code: 'SLOT_FULL' });
      }
      expect(await bookedNow()).toBe(PLACES);
    });

    it('cancels racing bookings: every freed place is booked, never one more than the capacity', async (c) => {
      if (!t) return c.skip();
      const cancels = 4;
      const racing = await Promise.all([
        ...Array.from({ length: cancels }, () => cancelOne()),
        ...Array.from({ length: 12 }, () => book()),
      ]);
      const wonDuringRace = racing.filter((r) => r && (r as { status: number }).status === 201).length;
      expect(wonDuringRace).toBeLessThanOrEqual(cancels);
      expect(await bookedNow()).toBeLessThanOrEqual(PLACES);
      // Whatever the race left free is bookable now: a refusal only when the slot is really full.
      let free = PLACES - (await bookedNow());
      while (free > 0) {
        expect((await book()).status).toBe(201);
        free--;
      }
      expect(await book()).toEqual({ status: 409, code: 'SLOT_FULL' });
      expect(await bookedNow()).toBe(PLACES);
      expect((await checkInvariants(t.store.db)).problems).toEqual([]);
    });

    it('a full slot is refused before the ID card and phone are hashed; a retry under its Idempotency-Key still gets its booking', async (c) => {
      if (!t) return c.skip();
      const other = { serviceId: 1, slot: '15:00' };
      const first = person(next++);
      const key = { 'idempotency-key': `fast-path-${kind}` };
      const made = await post(t.app, '/api/v1/bookings', bookingBody(first, other), key);
      expect(made.status).toBe(201);
      for (let i = 1; i < PLACES; i++) expect((await post(t.app, '/api/v1/bookings', bookingBody(person(next++), other))).status).toBe(201);
      // The slot is full: the retry of the first booking is answered that booking, not SLOT_FULL.
      const retry = await post(t.app, '/api/v1/bookings', bookingBody(first, other), key);
      expect(retry.status).toBe(200);
      expect(retry.body).toMatchObject({ replayed: true, booking: { number: made.body.booking.number } });
      expect((await post(t.app, '/api/v1/bookings', bookingBody(person(next++), other), { 'idempotency-key': 'another' })).body.code).toBe('SLOT_FULL');
      // A wrong ID card is still named before the slot's state.
      const wrong = { ...person(next++), idCard: '110105194912310021' };
      expect((await post(t.app, '/api/v1/bookings', bookingBody(wrong, other))).body).toMatchObject({ code: 'INVALID_ID_CARD', details: { reason: 'CHECKSUM' } });
      // Without a key, the refusal makes no keyed hash (two HMACs a request of a flash crowd).
      const counting = countingHashes();
      await expect(createBooking(counting.ctx, bookingBody(person(next++), other), { lang: 'zh' })).rejects.toMatchObject({ code: 'SLOT_FULL' });
      expect(counting.hashes).toBe(0);
      // A free slot: both hashed, and booked.
      expect((await createBooking(counting.ctx, bookingBody(person(next++), { slot: '11:00' }), { lang: 'zh' })).booking.slotStart).toBe('11:00');
      expect(counting.hashes).toBe(2);
      expect(await bookedNow()).toBe(PLACES);
    });

    it('a slot planned with no places is refused the cheap way before anyone booked it (no slot row yet)', async (c) => {
      if (!t) return c.skip();
      const service = await t.store.db.selectFrom('service').select('schedule_json').where('id', '=', 2).executeTakeFirstOrThrow();
      const schedule = JSON.parse(service.schedule_json) as { slots: { start: string; capacity: number }[] };
      for (const s of schedule.slots) if (s.start === '10:00') s.capacity = 0;
      await t.store.db.updateTable('service').set({ schedule_json: JSON.stringify(schedule) }).where('id', '=', 2).execute();
      const counting = countingHashes();
      const closed = { serviceId: 2, slot: '10:00' };
      await expect(createBooking(counting.ctx, bookingBody(person(next++), closed), { lang: 'zh' })).rejects.toMatchObject({ code: 'SLOT_FULL' });
      expect(counting.hashes).toBe(0);
      // Nothing was written for it: no slot row, no booking.
      const rows = await t.store.db.selectFrom('slot_inventory').select('reserved').where('service_id', '=', 2).where('slot_start', '=', '10:00').execute();
      expect(rows).toEqual([]);
      // The service's other slots still take bookings.
      expect((await createBooking(counting.ctx, bookingBody(person(next++), { serviceId: 2, slot: '11:00' }), { lang: 'zh' })).booking.slotStart).toBe('11:00');
    });
  });
}
