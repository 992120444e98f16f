// 代办: a citizen books for another person. The person's ID card is the booking's; texts go to the
// agent's phone; either ID card checks it in at the kiosk; the counter sees 代办 and the relation;
// an agent holds at most 5 upcoming bookings for others; nothing of either ID card is kept in clear.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T08:30:00+08:00' });
});
afterEach(() => t.close());

const parent = person(1);
const child = person(2);
/** The child books for the parent: the parent's ID card, the child's phone and ID card. */
const forParent = (over: Record<string, unknown> = {}, who = parent) =>
  post(t.app, '/api/v1/bookings', bookingBody({ idCard: who.idCard, phone: child.phone }, { agent: { idCard: child.idCard, relation: 'child' }, ...over }));

describe('booking for someone else (代办)', () => {
  it('keeps the person’s booking with the agent named (masked) and the relation; texts go to the agent’s phone', async () => {
    const res = await forParent({ slot: '10:00' });
    expect(res.status).toBe(201);
    expect(res.body.booking).toMatchObject({ idCardMasked: expect.stringMatching(/^\d{6}\*+/), agent: { relation: 'child', idCardMasked: expect.stringMatching(/\*{8}/) } });
    expect(res.body.booking.idCardMasked).toBe(`${parent.idCard.slice(0, 6)}********${parent.idCard.slice(14)}`);
    const row = await t.store.db.selectFrom('booking').selectAll().executeTakeFirstOrThrow();
    const dump = JSON.stringify(row);
    for (const secret of [parent.idCard, child.idCard, child.phone]) expect(dump).not.toContain(secret);
    const contacts = t.ctx.messaging?.contacts;
    expect(contacts?.open({ cipher: row.phone_cipher as string, keyId: row.phone_key_id as string }, `booking:${row.number}`)).toBe(child.phone);
  });

  it('the agent finds it in 我的预约 with their own ID card and phone, and may cancel it', async () => {
    const booked = await forParent({ slot: '10:00' });
    const mine = await post(t.app, '/api/v1/bookings/lookup', child);
    expect(mine.body.bookings.map((b: { number: string }) => b.number)).toEqual([booked.body.booking.number]);
    // The person with the agent's phone sees it too; with a phone of their own, not.
    expect((await post(t.app, '/api/v1/bookings/lookup', { idCard: parent.idCard, phone: child.phone })).body.bookings).toHaveLength(1);
    expect((await post(t.app, '/api/v1/bookings/lookup', parent)).body.bookings).toHaveLength(0);
    const cancelled = await post(t.app, `/api/v1/bookings/${booked.body.booking.number}/cancel`, child);
    expect(cancelled.status).toBe(200);
  });

  it('either ID card checks it in at the kiosk, and the counter sees 代办 with the relation', async () => {
    const booked = await forParent({ slot: '09:00' });
    const byAgent = await post(t.app, '/api/v1/kiosk/check-in', { idCard: child.idCard }, t.kiosk);
    expect(byAgent.status).toBe(200);
    expect(byAgent.body.tickets).toEqual([expect.objectContaining({ number: booked.body.booking.number, agentRelation: 'child' })]);
    // The person's own card reprints the same ticket.
    const byPerson = await post(t.app, '/api/v1/kiosk/check-in', { idCard: parent.idCard }, t.kiosk);
    expect(byPerson.body).toMatchObject({ reprint: true, tickets: [expect.objectContaining({ number: booked.body.booking.number })] });
    const staff = await t.signIn('staff');
    const called = await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    expect(called.body.ticket).toMatchObject({ number: booked.body.booking.number, agentRelation: 'child' });
  });

  it('refuses an agent who is the person, and a sixth upcoming booking for others; writes nothing', async () => {
    const self = await forParent({}, child);
    expect(self.status).toBe(400);
    expect(self.body.details.field).toBe('agent.idCard');
    for (let i = 0; i < 5; i++) {
      const res = await forParent({ slot: '09:00' }, person(10 + i));
      expect(res.status, `booking ${i}`).toBe(201);
    }
    const sixth = await forParent({ slot: '09:00' }, person(20));
    expect(sixth.status).toBe(409);
    expect(sixth.body).toMatchObject({ code: 'AGENT_LIMIT', details: { limit: 5 } });
    expect(await t.store.db.selectFrom('booking').select('id').execute()).toHaveLength(5);
    // A booking for themselves is not one "for others".
    expect((await post(t.app, '/api/v1/bookings', bookingBody(child, { slot: '09:00' }))).status).toBe(201);
    const bad = await forParent({ agent: { idCard: child.idCard, relation: 'friend' } }, person(21));
    expect(bad.status).toBe(400);
  });

  it('forgetting the agent’s data leaves the person’s booking theirs, without the agent', async () => {
    const booked = await forParent({ slot: '10:00' });
    await post(t.app, `/api/v1/bookings/${booked.body.booking.number}/cancel`, child);
    const admin = await t.signIn('city_admin', 'cityboss');
    const forgot = await post(t.app, '/api/v1/admin/persons/forget', { idCard: child.idCard }, admin);
    expect(forgot.status).toBe(200);
    const row = await t.store.db.selectFrom('booking').selectAll().executeTakeFirstOrThrow();
    expect(row.agent_id_hash).toBeNull();
    expect(row.agent_id_masked).toBeNull();
    expect(row.id_masked).toBe(`${parent.idCard.slice(0, 6)}********${parent.idCard.slice(14)}`);
    expect((await get(t.app, `/api/v1/t/${booked.body.booking.publicToken}`)).status).toBe(200);
  });
});
