// The text-message outbox on every real database: a hall closing a day with 200 bookings sends 200
// messages; several senders draining at once send each message exactly once; a sender that dies
// holding messages loses none of them (another sends them when its lease runs out).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../src/domain/messages.js';
import { NotificationSender } from '../../src/server/messaging/sender.js';
import type { OutgoingSms } from '../../src/server/messaging/sms-driver.js';
import { claimNotifications, dueNotificationIds } from '../../src/server/repositories/notification.repository.js';
import { bookingBody, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type StoreKind, type TempDatabase, createTempDatabase, wantedStores } from '../support/stores.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

for (const kind of wantedStores()) {
  describe(`message outbox: ${kind}`, () => {
    let temp: TempDatabase | null = null;
    let t: TestApp | null = null;

    beforeAll(async () => {
      if (kind !== 'sqlite') {
        temp = await createTempDatabase(kind as Exclude<StoreKind, 'sqlite'>);
        if (!temp) return;
      }
      t = await makeTestApp({ now: '2026-11-25T10:00:00+08:00', databaseUrl: temp?.url });
    });
    afterAll(async () => {
      await t?.close();
      await temp?.drop();
    });

    const sends = new Map<number, number>();
    const driver = {
      name: 'counting',
      async send(sms: OutgoingSms) {
        sends.set(sms.id, (sends.get(sms.id) ?? 0) + 1);
        // A gateway that takes a moment, so that senders overlap.
        await new Promise((r) => setTimeout(r, 2));
        return { gatewayId: `gw-${sms.id}` };
      },
    };
    const senders = (n: number) =>
      Array.from({ length: n }, () => new NotificationSender((t as TestApp).ctx, { driver, templates: DEFAULT_TEMPLATES, quietHours: null, batch: 20 }));
    /** Every sender works until a round finds nothing left for it. */
    const drain = (all: NotificationSender[]) =>
      Promise.all(
        all.map(async (s) => {
          while ((await s.runOnce()) > 0);
        }),
      );

    it('a closed day with 200 bookings: 200 confirmations and 200 closing messages, each sent once by 3 senders', async (c) => {
      if (!t) return c.skip();
      const app = t.app;
      let i = 0;
      for (const serviceId of [1, 2, 3, 4]) {
        for (const slot of ['09:00', '10:00', '11:00', '14:00', '15:00']) {
          const batch = Array.from({ length: 10 }, () => person(1000 + i++));
          const made = await Promise.all(batch.map((p) => post(app, '/api/v1/bookings', bookingBody(p, { serviceId, slot, date: '2026-11-26' }))));
          expect(made.map((r) => r.status)).toEqual(Array(10).fill(201));
        }
      }
      const admin = await t.signIn('admin');
      const closing = await app.inject({
        method: 'PUT',
        url: '/api/v1/admin/calendar/2026-11-26',
        payload: { kind: 'closed', note: '停电检修', confirm: true },
        headers: admin,
      });
      expect(closing.statusCode).toBe(200);
      await drain(senders(3));
      const rows = await t.store.db.selectFrom('notification').select(['id', 'kind', 'status', 'attempts']).execute();
      const byKind = (k: string) => rows.filter((r) => r.kind === k);
      expect(byKind('booking.confirmed').map((r) => r.status)).toEqual(Array(200).fill('sent'));
      expect(byKind('booking.hall_closed').map((r) => r.status)).toEqual(Array(200).fill('sent'));
      expect(byKind('booking.reminder_day').every((r) => r.status === 'skipped')).toBe(true);
      expect(sends.size).toBe(400);
      expect([...sends.values()].every((n) => n === 1)).toBe(true);
      expect(rows.every((r) => Number(r.attempts) <= 1)).toBe(true);
    });

    it('a sender that dies holding messages: another sends them after the lease, and the log shows the second attempt', async (c) => {
      if (!t) return c.skip();
      sends.clear();
      for (let k = 0; k < 5; k++) expect((await post(t.app, '/api/v1/bookings', bookingBody(person(3000 + k), { date: '2026-11-27' }))).status).toBe(201);
      const now = t.ctx.clock();
      // The dead sender claimed them (and maybe sent them) but never recorded anything.
      const due = await dueNotificationIds(t.store.db, now.toISOString(), 50);
      expect(due).toHaveLength(5);
      const lease = new Date(now.getTime() + 60_000).toISOString();
      expect((await claimNotifications(t.store.db, due, 'dead-sender', now.toISOString(), lease)).sort()).toEqual([...due].sort());
      // While its lease lasts nobody else takes them.
      await drain(senders(2));
      expect(sends.size).toBe(0);
      t.setNow(new Date(now.getTime() + 61_000).toISOString());
      await drain(senders(2));
      expect([...sends.keys()].sort()).toEqual([...due].sort());
      expect([...sends.values()].every((n) => n === 1)).toBe(true);
      const rows = await t.store.db.selectFrom('notification').select(['status', 'attempts', 'lease_owner']).where('id', 'in', due).execute();
      expect(rows.map((r) => [r.status, Number(r.attempts), r.lease_owner])).toEqual(Array(5).fill(['sent', 2, null]));
    });
  });
}
