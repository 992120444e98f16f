// 好差评 on every store: one rating per ticket when the 评价器 and the phone submit at the same
// moment; 差评 cases and their concurrent steps; the figures add up.
import { describe, expect, it } from 'vitest';
import { get, post } from '../support/http.js';
import { useStoreApp } from '../support/store-app.js';
import { wantedStores } from '../support/stores.js';

const TICKETS = 8;

for (const kind of wantedStores()) {
  describe(`ratings: ${kind}`, () => {
    const s = useStoreApp(kind, { now: '2026-11-25T09:10:00+08:00' });

    it('the evaluator and the phone rating one ticket at once: exactly one lands, for every ticket', async (c) => {
      const t = s.t;
      if (!t) return c.skip();
      const admin = await t.signIn('admin');
      const staff = await t.signIn('staff', 'liming');
      const device = await post(t.app, '/api/v1/devices', { kind: 'evaluator', name: 'pad', counterNumber: 1 }, admin);
      const pad = { authorization: `Bearer ${device.body.token}` };
      const served: { number: string; token: string }[] = [];
      for (let i = 0; i < TICKETS; i++) {
        const walk = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
        await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
        expect((await post(t.app, `/api/v1/tickets/${walk.body.ticket.number}/complete`, {}, staff)).status).toBe(200);
        served.push({ number: walk.body.ticket.number, token: walk.body.ticket.publicToken });
      }
      const answers = await Promise.all(
        served.flatMap(({ number, token }, i) => [
          post(t.app, '/api/v1/evaluator/ratings', { number, level: i % 2 ? 'satisfied' : 'very_dissatisfied', reasons: ['attitude'] }, pad),
          post(t.app, `/api/v1/t/${token}/rating`, { level: 'dissatisfied', reasons: ['efficiency'] }),
        ]),
      );
      for (let i = 0; i < TICKETS; i++) {
        const pair = [answers[2 * i], answers[2 * i + 1]].map((a) => (a?.status === 201 ? 'rated' : a?.body.code));
        expect(pair.sort(), `ticket ${i}`).toEqual(['ALREADY_RATED', 'rated']);
      }
      const ratings = await t.store.db.selectFrom('rating').selectAll().execute();
      expect(ratings).toHaveLength(TICKETS);
      expect(new Set(ratings.map((r) => Number(r.ticket_id))).size).toBe(TICKETS);
      // Every 差评 that landed opened exactly one case, and no good rating did.
      const negative = ratings.filter((r) => r.level === 'dissatisfied' || r.level === 'very_dissatisfied');
      const cases = await t.store.db.selectFrom('rating_case').selectAll().execute();
      expect(cases.map((x) => Number(x.rating_id)).sort()).toEqual(negative.map((r) => Number(r.id)).sort());
      // Who served is kept; the citizen is not.
      expect(ratings.every((r) => Number(r.counter_id) > 0 && Number(r.staff_id) > 0)).toBe(true);

      const report = (await get(t.app, '/api/v1/reports/ratings?from=2026-11-25&to=2026-11-25', admin)).body;
      expect(report.total.ratings).toBe(TICKETS);
      expect(report.total.cases).toBe(negative.length);
      expect(Object.values(report.total.byLevel as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(TICKETS);
      expect(report.byStaff).toEqual([expect.objectContaining({ key: 'liming', ratings: TICKETS })]);
    });

    it('a case moved by two people at once moves once; its steps are kept in order', async (c) => {
      const t = s.t;
      if (!t) return c.skip();
      const admin = await t.signIn('admin');
      const { cases } = (await get(t.app, '/api/v1/admin/rating-cases?from=2026-11-25&to=2026-11-25', admin)).body;
      expect(cases.length).toBeGreaterThan(0);
      const id = cases[0].id;
      const step = (body: object) => post(t.app, `/api/v1/admin/rating-cases/${id}/step`, body, admin);
      const first = await Promise.all([1, 2, 3].map((n) => step({ to: 'rectifying', note: `整改 ${n}` })));
      expect(first.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const closing = await Promise.all([
        step({ to: 'closed', note: '联系不上' }),
        step({ to: 'revisited', note: '回访', revisitDate: '2026-11-25', outcome: '满意', level: 'satisfied' }),
      ]);
      expect(closing.map((r) => r.status).sort()).toEqual([200, 409]);
      const detail = (await get(t.app, `/api/v1/admin/rating-cases/${id}`, admin)).body;
      expect(detail.notes.map((n: { to: string }) => n.to)).toEqual(['open', 'rectifying', detail.state]);
      const report = (await get(t.app, '/api/v1/reports/ratings?from=2026-11-25&to=2026-11-25', admin)).body;
      expect(report.total.rectified).toBe(1);
      expect(report.total.revisited).toBe(detail.state === 'revisited' ? 1 : 0);
    });
  });
}
