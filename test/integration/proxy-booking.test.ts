// 代办 on every store: one agent booking for many people at the same moment holds at most 5
// upcoming bookings for others (the agent's row serialises them), and either ID card checks in.
import { describe, expect, it } from 'vitest';
import { bookingBody, post } from '../support/http.js';
import { person } from '../support/people.js';
import { useStoreApp } from '../support/store-app.js';
import { wantedStores } from '../support/stores.js';

const AGENT = person(700);

for (const kind of wantedStores()) {
  describe(`代办: ${kind}`, () => {
    const s = useStoreApp(kind, { now: '2026-11-25T08:30:00+08:00' });

    it('eight bookings at once by one agent for eight people: exactly five land', async (c) => {
      const t = s.t;
      if (!t) return c.skip();
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          post(t.app, '/api/v1/bookings', bookingBody({ idCard: person(710 + i).idCard, phone: AGENT.phone }, { slot: '09:00', agent: { idCard: AGENT.idCard, relation: 'other' } })),
        ),
      );
      const codes = answers.map((a) => (a.status === 201 ? 'booked' : a.body.code));
      expect(codes.filter((c) => c === 'booked')).toHaveLength(5);
      expect(codes.filter((c) => c === 'AGENT_LIMIT')).toHaveLength(3);
      const rows = await t.store.db.selectFrom('booking').select(['agent_relation', 'agent_id_hash']).where('agent_id_hash', 'is not', null).execute();
      expect(rows).toHaveLength(5);

      // The agent's card checks all five in at once (booked for 09:00, check-in open from 08:30).
      const checkIn = await post(t.app, '/api/v1/kiosk/check-in', { idCard: AGENT.idCard }, t.kiosk);
      expect(checkIn.status).toBe(200);
      expect(checkIn.body.tickets).toHaveLength(5);
      expect(checkIn.body.tickets.every((x: { agentRelation?: string }) => x.agentRelation === 'other')).toBe(true);
    });
  });
}
