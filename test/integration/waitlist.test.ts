// 候补 on every store, in real server processes: two instances (1 and 2 workers) on one store take a
// flood of cancels, joins, bookings, accepts and leaves on one slot. Booked + held never passes the
// capacity, no place is offered to two people, no offer is accepted twice, nothing answers 5xx, and
// `vreserve check` finds nothing. Then, in-process on the same store: a hold whose expiry was cut
// short (the process died mid-transaction) is still expired by another process, and passes on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store, openStore } from '../../src/server/db/dialect.js';
import { checkInvariants } from '../../src/server/services/check.service.js';
import { expireHolds } from '../../src/server/services/waitlist-offer.service.js';
import { bookingBody } from '../support/http.js';
import { person } from '../support/people.js';
import { type ServerProcess, runCli, startServer } from '../support/server-process.js';
import { type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { makeTestApp } from '../support/test-app.js';

const DATE = '2026-11-26';
const CAPACITY = 10;

for (const kind of wantedStores()) describe(`候补 under load (${kind})`, () => {
  let temp: TempDatabase | null = null;
  let ready = false;
  let dir: string;
  const servers: ServerProcess[] = [];
  let env: Record<string, string>;
  let store: Store;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vreserve-waitlist-'));
    if (kind !== 'sqlite') {
      temp = await createTempDatabase(kind);
      if (!temp) return;
    }
    ready = true;
    env = {
      DATA_DIR: dir,
      DATABASE_URL: temp?.url ?? `sqlite:${join(dir, 'v.db')}`,
      SECRET: 'waitlist-test-secret-0123456789',
      DATA_KEY: Buffer.alloc(32, 5).toString('base64'),
      BOOKING_VERIFY: 'off',
      RATE_LIMIT_PER_MINUTE: '0',
      VRESERVE_CLOCK: '2026-11-25T10:00:00+08:00',
      VRESERVE_CLOCK_ANCHOR: String(Date.now()),
    };
    servers.push(await startServer({ ...env, WORKERS: '1' }), await startServer({ ...env, WORKERS: '2' }));
    store = openStore(env.DATABASE_URL as string);
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL');
    await store?.close();
    await temp?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  let calls = 0;
  const send = async (path: string, body: unknown) => {
    const server = servers[calls++ % servers.length] as ServerProcess;
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const slotRow = () =>
    store.db.selectFrom('slot_inventory').selectAll().where('service_id', '=', 1).where('date', '=', DATE).where('slot_start', '=', '09:00').executeTakeFirstOrThrow();
  const heldHolds = () => store.db.selectFrom('waitlist_hold').selectAll().where('status', '=', 'held').execute();
  const bookedCount = async () =>
    Number(
      (
        await store.db
          .selectFrom('booking')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('service_id', '=', 1)
          .where('date', '=', DATE)
          .where('slot_start', '=', '09:00')
          .where('status', '=', 'booked')
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** Booked + held of the slot, read together with its count: never above capacity, always equal to it. */
  const assertInvariant = async () => {
    const [row, holds, booked] = await Promise.all([slotRow(), heldHolds(), bookedCount()]);
    expect(Number(row.reserved)).toBeLessThanOrEqual(CAPACITY);
    expect(booked + holds.length).toBeLessThanOrEqual(CAPACITY);
    expect(new Set(holds.map((h) => h.entry_id)).size).toBe(holds.length);
    return { booked, holds };
  };

  it('200 concurrent cancels, joins, bookings, accepts and leaves never oversell nor offer a place twice', async (c) => {
    if (!ready) return c.skip();
    const numbers: string[] = [];
    for (let i = 1; i <= CAPACITY; i++) {
      const res = await send('/api/v1/bookings', bookingBody(person(i), { date: DATE }));
      expect(res.status).toBe(201);
      numbers.push(res.body.booking.number);
    }
    // A first line, so the cancels below have someone to offer to.
    for (let i = 101; i <= 110; i++) expect((await send('/api/v1/waitlist', { serviceId: 1, date: DATE, slot: '09:00', ...person(i) })).status).toBe(201);

    // Round 1: 10 cancels, 120 joins, 70 normal bookings at once.
    const round1 = [
      ...numbers.map((n, i) => () => send(`/api/v1/bookings/${n}/cancel`, person(i + 1))),
      ...Array.from({ length: 120 }, (_, i) => () => send('/api/v1/waitlist', { serviceId: 1, date: DATE, slot: '09:00', ...person(200 + i) })),
      ...Array.from({ length: 70 }, (_, i) => async () => ({ ...(await send('/api/v1/bookings', bookingBody(person(500 + i), { date: DATE }))), who: 500 + i })),
    ];
    const answers1: { status: number; body: Record<string, any>; who?: number }[] = await Promise.all(round1.sort(() => Math.random() - 0.5).map((f) => f()));
    expect(answers1.filter((a) => a.status >= 500)).toEqual([]);
    const { holds } = await assertInvariant();
    expect(holds.length).toBeGreaterThan(0);

    // Round 2: every held offer accepted twice at once, some holders leave instead, more cancels free places.
    const round2 = [
      ...holds.flatMap((h) => [() => send(`/api/v1/w/${h.token}/accept`, {}), () => send(`/api/v1/w/${h.token}/accept`, {})]),
      ...answers1
        .filter((a) => a.status === 201 && a.who !== undefined)
        .slice(0, 5)
        .map((a) => () => send(`/api/v1/bookings/${a.body.booking.number}/cancel`, person(a.who as number))),
    ];
    const answers2 = await Promise.all(round2.map((f) => f()));
    expect(answers2.filter((a) => a.status >= 500)).toEqual([]);
    const acceptedNow = answers2.filter((a) => a.status === 201 && a.body.booking?.status === 'booked' && a.body.remaining === undefined);
    // Each offer becomes one booking, however many times it is accepted at once.
    expect(acceptedNow.length).toBe(holds.length);
    expect(new Set(acceptedNow.map((a) => a.body.booking.number)).size).toBe(acceptedNow.length);
    await assertInvariant();
    const tokens = await store.db.selectFrom('waitlist_hold').select(['entry_id', 'n']).execute();
    expect(new Set(tokens.map((t) => `${t.entry_id}:${t.n}`)).size).toBe(tokens.length);

    // Round 3: five who accepted cancel, twenty still waiting leave, twenty more join, all at once.
    const bookingOf = async (n: number) => (await send('/api/v1/bookings/lookup', person(n))).body.bookings.find((b: { status: string }) => b.status === 'booked');
    const entryOf = async (n: number) => (await send('/api/v1/waitlist/lookup', person(n))).body.entries[0];
    const cancelled = (await Promise.all([101, 102, 103, 104, 105].map(async (n) => ({ n, b: await bookingOf(n) })))).filter((x) => x.b);
    expect(cancelled.length).toBe(5);
    const leaving = (await Promise.all(Array.from({ length: 20 }, async (_, i) => ({ n: 300 + i, e: await entryOf(300 + i) })))).filter((x) => x.e?.status === 'waiting');
    const round3 = [
      ...cancelled.map((x) => () => send(`/api/v1/bookings/${x.b.number}/cancel`, person(x.n))),
      ...leaving.map((x) => () => send(`/api/v1/waitlist/${x.e.id}/leave`, person(x.n))),
      ...Array.from({ length: 20 }, (_, i) => () => send('/api/v1/waitlist', { serviceId: 1, date: DATE, slot: '09:00', ...person(700 + i) })),
    ];
    const answers3 = await Promise.all(round3.sort(() => Math.random() - 0.5).map((f) => f()));
    expect(answers3.filter((a) => a.status >= 500)).toEqual([]);
    const after = await assertInvariant();
    // The five freed places are held for the line again (it is long enough), not given to two people.
    expect(after.holds.length).toBe(5);
    expect((await checkInvariants(store.db)).problems).toEqual([]);
    expect(runCli('check', env).status).toBe(0);
  }, 180_000);

  it('a hold whose expiry was cut short is expired by another process, and the place passes on', async (c) => {
    if (!ready) return c.skip();
    // In-process on the same store, with a clock that can jump: two contexts stand for two workers.
    const t = await makeTestApp({ databaseUrl: env.DATABASE_URL, now: '2026-11-25T10:00:00+08:00' });
    try {
      const waitingBefore = await store.db.selectFrom('waitlist_entry').select('id').where('status', '=', 'waiting').execute();
      const held = await heldHolds();
      // The cancels of the first test's second round were offered to the line.
      expect(held.length).toBeGreaterThan(0);
      // A worker dies in the middle of expiring: its transaction never commits; nothing changes.
      t.setNow('2026-11-25T11:00:00+08:00');
      const dying = { ...t.ctx, db: t.store.db };
      await expect(
        t.store.db.transaction().execute(async (trx) => {
          await trx.updateTable('waitlist_hold').set({ status: 'expired' }).where('id', '=', held[0]?.id as number).execute();
          throw new Error('killed');
        }),
      ).rejects.toThrow('killed');
      expect((await heldHolds()).map((h) => h.id)).toContain(held[0]?.id);
      // Another worker's housekeeping, by time alone, ends every due hold and passes each place on.
      expect(await expireHolds(dying)).toBe(held.length);
      const after = await heldHolds();
      const passedOn = Math.min(held.length, waitingBefore.length);
      expect(after.length).toBe(passedOn);
      expect(after.every((h) => !held.some((o) => o.entry_id === h.entry_id))).toBe(true);
      await assertInvariant();
      expect((await checkInvariants(store.db)).problems).toEqual([]);
    } finally {
      await t.close();
    }
  }, 60_000);
});
