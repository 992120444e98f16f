// 好差评 over HTTP: the counter's 评价器 and the ticket page rate a served ticket once, within 7
// days; a 差评 needs a reason and opens a case due in 15 working days by the hall calendar; the case
// moves open → rectifying → revisited → closed with notes, audited; the figures and CSV count it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS } from '../../src/domain/delivery.js';
import { DEFAULT_TEMPLATES } from '../../src/domain/messages.js';
import { NotificationSender } from '../../src/server/messaging/sender.js';
import type { OutgoingSms } from '../../src/server/messaging/sms-driver.js';
import { bookingBody, get, post } from '../support/http.js';
import { person } from '../support/people.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
let staff: Record<string, string>;
let admin: Record<string, string>;
let pad: Record<string, string>;

beforeEach(async () => {
  // Wednesday 25 November 2026, 09:10 in the hall.
  t = await makeTestApp({ now: '2026-11-25T09:10:00+08:00' });
  staff = await t.signIn('staff', 'wang');
  admin = await t.signIn('admin');
  const made = await post(t.app, '/api/v1/devices', { kind: 'evaluator', name: '1 号窗口评价器', counterNumber: 1 }, admin);
  expect(made.status).toBe(201);
  expect(made.body.pairPath).toMatch(/^\/evaluator#pair=/);
  pad = { authorization: `Bearer ${made.body.token}` };
});
afterEach(() => t.close());

/** A walk-in served at a counter: its number and its page's token. */
async function served(counter = 1): Promise<{ number: string; token: string }> {
  // Counter N serves service N in the test hall.
  const walk = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: counter }, t.kiosk);
  const number = walk.body.ticket.number as string;
  expect((await post(t.app, `/api/v1/counters/${counter}/call-next`, {}, staff)).body.ticket.number).toBe(number);
  expect((await post(t.app, `/api/v1/tickets/${number}/complete`, {}, staff)).status).toBe(200);
  return { number, token: walk.body.ticket.publicToken as string };
}

const ratingCount = async () => (await t.store.db.selectFrom('rating').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;

describe('the 评价器 at a counter', () => {
  it('shows the ticket its counter just completed, rates it once, and goes idle after 60 s', async () => {
    expect((await get(t.app, '/api/v1/evaluator/current', pad)).body).toMatchObject({ counterNumber: 1, ticket: null });
    const { number } = await served();
    const current = await get(t.app, '/api/v1/evaluator/current', pad);
    expect(current.body.ticket).toMatchObject({ number, rating: { state: 'open', until: '2026-12-02' } });
    expect(current.body.ticket.staffName).not.toBe('');

    const rated = await post(t.app, '/api/v1/evaluator/ratings', { number, level: 'very_satisfied' }, pad);
    expect(rated.status).toBe(201);
    expect(rated.body).toEqual({ level: 'very_satisfied', followUp: false });
    // Rated: the pad is idle again, and a second rating is refused without writing.
    expect((await get(t.app, '/api/v1/evaluator/current', pad)).body.ticket).toBeNull();
    const again = await post(t.app, '/api/v1/evaluator/ratings', { number, level: 'very_dissatisfied', reasons: ['attitude'] }, pad);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_RATED');
    expect(await ratingCount()).toBe(1);

    const next = await served();
    t.setNow('2026-11-25T09:11:05+08:00');
    expect((await get(t.app, '/api/v1/evaluator/current', pad)).body.ticket).toBeNull();
    // The citizen may still rate it from their phone; the pad only forgets it.
    expect(next.number).not.toBe(number);
  });

  it('rates only its own counter’s tickets; other devices and staff cannot use it', async () => {
    const { number } = await served(2);
    const other = await post(t.app, '/api/v1/evaluator/ratings', { number, level: 'satisfied' }, pad);
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('TICKET_NOT_FOUND');
    expect((await get(t.app, '/api/v1/evaluator/current', t.kiosk)).status).toBe(403);
    expect((await get(t.app, '/api/v1/evaluator/current', staff)).status).toBe(403);
    expect((await get(t.app, '/api/v1/evaluator/current')).status).toBe(401);
    expect(await ratingCount()).toBe(0);
  });

  it('hears its counter complete a ticket and the rating come in, live', async () => {
    const { number } = await served();
    await post(t.app, '/api/v1/evaluator/ratings', { number, level: 'very_dissatisfied', reasons: ['attitude'] }, pad);
    const polled = await get(t.app, '/api/v1/events/poll?after=0', pad);
    expect(polled.status).toBe(200);
    const events = polled.body.events as { type: string; number?: string; counterNumber?: number; data?: { level?: string } }[];
    expect(events.find((e) => e.type === 'ticket.completed')).toMatchObject({ number, counterNumber: 1 });
    expect(events.find((e) => e.type === 'rating.created')).toMatchObject({ number, data: { level: 'very_dissatisfied' } });
  });

  it('an evaluator needs an existing counter', async () => {
    const none = await post(t.app, '/api/v1/devices', { kind: 'evaluator', name: 'x' }, admin);
    expect(none.body).toMatchObject({ code: 'VALIDATION', details: { field: 'counterNumber' } });
    const wrong = await post(t.app, '/api/v1/devices', { kind: 'evaluator', name: 'x', counterNumber: 99 }, admin);
    expect(wrong.body.code).toBe('COUNTER_NOT_FOUND');
    const devices = await get(t.app, '/api/v1/devices', admin);
    expect(devices.body.devices.filter((d: { kind: string }) => d.kind === 'evaluator').map((d: { counterNumber: number }) => d.counterNumber)).toEqual([1]);
  });
});

describe('the ticket page', () => {
  it('offers the rating after 办结 only, once, until 7 days after the ticket’s day', async () => {
    const walk = await post(t.app, '/api/v1/kiosk/walk-in', { serviceId: 1 }, t.kiosk);
    const token = walk.body.ticket.publicToken as string;
    const early = await post(t.app, `/api/v1/t/${token}/rating`, { level: 'satisfied' });
    expect(early.body.code).toBe('RATING_NOT_FINISHED');
    expect((await get(t.app, `/api/v1/t/${token}`)).body.rating).toBeUndefined();
    await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    await post(t.app, `/api/v1/tickets/${walk.body.ticket.number}/complete`, {}, staff);
    expect((await get(t.app, `/api/v1/t/${token}`)).body.rating).toEqual({ state: 'open', level: null, until: '2026-12-02' });

    t.setNow('2026-12-03T08:00:00+08:00');
    expect((await get(t.app, `/api/v1/t/${token}`)).body.rating.state).toBe('closed');
    expect((await post(t.app, `/api/v1/t/${token}/rating`, { level: 'satisfied' })).body.code).toBe('RATING_WINDOW_OVER');
    t.setNow('2026-12-02T20:00:00+08:00');
    const ok = await post(t.app, `/api/v1/t/${token}/rating`, { level: 'basic', comment: '还行' });
    expect(ok.status).toBe(201);
    expect((await get(t.app, `/api/v1/t/${token}`)).body.rating).toEqual({ state: 'rated', level: 'basic', until: '2026-12-02' });
    expect((await post(t.app, `/api/v1/t/${token}/rating`, { level: 'satisfied' })).body.code).toBe('ALREADY_RATED');
  });

  it('refuses bad ratings with a clear error and writes nothing', async () => {
    const { token } = await served();
    const cases = [
      [{ level: 'very_dissatisfied' }, 'reasons'],
      [{ level: 'dissatisfied', reasons: [] }, 'reasons'],
      [{ level: 'satisfied', comment: '好'.repeat(201) }, 'comment'],
    ] as const;
    for (const [body, field] of cases) {
      const res = await post(t.app, `/api/v1/t/${token}/rating`, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION', details: { field } });
    }
    for (const body of [{ level: 'great' }, { level: 'satisfied', reasons: ['speed'] }, { level: 'satisfied', extra: 1 }, {}]) {
      expect((await post(t.app, `/api/v1/t/${token}/rating`, body)).status).toBe(400);
    }
    expect((await post(t.app, '/api/v1/t/nonsense/rating', { level: 'satisfied' })).status).toBe(404);
    expect(await ratingCount()).toBe(0);
  });

  it('keeps no ID card or phone number typed into the comment', async () => {
    const { token } = await served();
    await post(t.app, `/api/v1/t/${token}/rating`, { level: 'satisfied', comment: '电话 13812345678，身份证 11010519491231002X' });
    const row = await t.store.db.selectFrom('rating').select('comment').executeTakeFirstOrThrow();
    expect(row.comment).toBe('电话 138****5678，身份证 110105********002X');
  });
});

describe('差评 follow-up', () => {
  it('opens a case due in 15 working days by the hall calendar, which moves forward with notes, audited', async () => {
    // 调休: the hall works Saturday 28 November; Monday 30 November to Wednesday 2 December are closed.
    for (const [date, kind] of [['2026-11-28', 'open'], ['2026-11-30', 'closed'], ['2026-12-01', 'closed'], ['2026-12-02', 'closed']] as const) {
      const res = await t.app.inject({ method: 'PUT', url: `/api/v1/admin/calendar/${date}`, payload: { kind, note: '测试', confirm: true }, headers: admin });
      expect(res.statusCode).toBe(200);
    }
    const { number, token } = await served();
    const bad = await post(t.app, `/api/v1/t/${token}/rating`, { level: 'very_dissatisfied', reasons: ['attitude', 'efficiency'], comment: '等了很久' });
    expect(bad.body).toEqual({ level: 'very_dissatisfied', followUp: true });

    const list = await get(t.app, '/api/v1/admin/rating-cases?from=2026-11-01&to=2026-11-30', admin);
    expect(list.body).toMatchObject({ open: 1, overdue: 0 });
    const c = list.body.cases[0];
    // From Wed 25 Nov: 26, 27, 28 (调休), then 3 Dec onwards: 3, 4, 7–11, 14–18 → 15th is Fri 18 Dec... counted:
    // 26 Nov 1, 27 2, 28 3, 3 Dec 4, 4 Dec 5, 7–11 Dec 6–10, 14–18 Dec 11–15.
    expect(c).toMatchObject({ number, state: 'open', dueDate: '2026-12-18', level: 'very_dissatisfied', reasons: ['efficiency', 'attitude'], comment: '等了很久', counterNumber: 1 });
    expect(c.staffName).not.toBe('');

    const step = (body: object) => post(t.app, `/api/v1/admin/rating-cases/${c.id}/step`, body, admin);
    expect((await step({ to: 'closed', note: '跳过' })).body.code).toBe('CASE_STATE');
    expect((await step({ to: 'rectifying', note: '  ' })).body).toMatchObject({ code: 'VALIDATION', details: { field: 'note' } });
    expect((await step({ to: 'rectifying', note: '窗口人员服务规范培训' })).body.state).toBe('rectifying');
    t.setNow('2026-11-27T10:00:00+08:00');
    admin = await t.signIn('admin');
    expect((await step({ to: 'revisited', note: '已整改', revisitDate: '2026-11-28', outcome: '电话回访', level: 'satisfied' })).body.details).toMatchObject({ field: 'revisitDate' });
    const revisited = await step({ to: 'revisited', note: '已整改', revisitDate: '2026-11-27', outcome: '电话回访，群众表示认可', level: 'satisfied' });
    expect(revisited.body).toMatchObject({ state: 'revisited', revisit: { date: '2026-11-27', level: 'satisfied' } });
    const closed = await step({ to: 'closed', note: '结案' });
    expect(closed.body.state).toBe('closed');
    expect(closed.body.notes.map((n: { to: string }) => n.to)).toEqual(['open', 'rectifying', 'revisited', 'closed']);
    expect(closed.body.notes[1]).toMatchObject({ from: 'open', note: '窗口人员服务规范培训' });

    const audit = await get(t.app, '/api/v1/audit?from=2026-11-25&to=2026-11-27', admin);
    const actions = audit.body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['case.open', 'case.rectifying', 'case.revisited', 'case.closed']));
  });

  it('an overdue case stands out, and two people moving it at once: one wins', async () => {
    const { token } = await served();
    await post(t.app, `/api/v1/t/${token}/rating`, { level: 'dissatisfied', reasons: ['skill'] });
    t.setNow('2026-12-17T09:00:00+08:00');
    admin = await t.signIn('admin');
    const list = await get(t.app, '/api/v1/admin/rating-cases?from=2026-11-01&to=2026-12-17', admin);
    expect(list.body.cases[0]).toMatchObject({ dueDate: '2026-12-16', overdue: true });
    expect(list.body.overdue).toBe(1);
    const id = list.body.cases[0].id;
    const both = await Promise.all([
      post(t.app, `/api/v1/admin/rating-cases/${id}/step`, { to: 'rectifying', note: 'A' }, admin),
      post(t.app, `/api/v1/admin/rating-cases/${id}/step`, { to: 'rectifying', note: 'B' }, admin),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const notes = (await get(t.app, `/api/v1/admin/rating-cases/${id}`, admin)).body.notes;
    expect(notes).toHaveLength(2);
  });

  it('staff who are not admins cannot see or move cases', async () => {
    expect((await get(t.app, '/api/v1/admin/rating-cases?from=2026-11-01&to=2026-11-30', staff)).status).toBe(403);
    expect((await get(t.app, '/api/v1/reports/ratings?from=2026-11-01&to=2026-11-30', staff)).status).toBe(403);
  });
});

describe('satisfaction figures', () => {
  it('counts levels, the satisfaction rate, 整改率 and 回访率 by service, counter and staff, on screen and in CSV', async () => {
    const levels = [
      ['very_satisfied', []],
      ['satisfied', []],
      ['basic', []],
      ['dissatisfied', ['efficiency']],
    ] as const;
    for (const [level, reasons] of levels) {
      const { token } = await served();
      expect((await post(t.app, `/api/v1/t/${token}/rating`, { level, reasons })).status).toBe(201);
    }
    const { token } = await served(2);
    await post(t.app, `/api/v1/t/${token}/rating`, { level: 'very_dissatisfied', reasons: ['attitude'] });
    const cases = (await get(t.app, '/api/v1/admin/rating-cases?from=2026-11-25&to=2026-11-25', admin)).body.cases;
    const first = cases.find((c: { counterNumber: number }) => c.counterNumber === 1);
    await post(t.app, `/api/v1/admin/rating-cases/${first.id}/step`, { to: 'rectifying', note: '整改' }, admin);
    await post(t.app, `/api/v1/admin/rating-cases/${first.id}/step`, { to: 'closed', note: '无法联系到办事人' }, admin);

    const r = (await get(t.app, '/api/v1/reports/ratings?from=2026-11-25&to=2026-11-25', admin)).body;
    expect(r.total).toMatchObject({ ratings: 5, satisfactionRate: 0.6, cases: 2, rectified: 1, revisited: 0, rectificationRate: 0.5, revisitRate: 0 });
    expect(r.total.byLevel).toEqual({ very_satisfied: 1, satisfied: 1, basic: 1, dissatisfied: 1, very_dissatisfied: 1 });
    expect(r.byCounter.map((f: { key: string; ratings: number }) => [f.key, f.ratings])).toEqual([['1', 4], ['2', 1]]);
    expect(r.byCounter[0].satisfactionRate).toBe(0.75);
    expect(r.byStaff).toHaveLength(1);
    expect(r.byStaff[0]).toMatchObject({ key: 'wang', ratings: 5 });
    expect(r.byDay.map((f: { key: string }) => f.key)).toEqual(['2026-11-25']);

    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/reports/ratings.csv?from=2026-11-25&to=2026-11-25', headers: admin });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('满意率%');
    expect(lines[1]).toMatch(/^大厅,MAIN,.*,5,1,1,1,1,1,60,2,1,0,0,50,0$/);
    expect(lines.some((l) => l.startsWith('窗口,2,'))).toBe(true);

    const list = (await get(t.app, '/api/v1/admin/ratings?from=2026-11-25&to=2026-11-25', admin)).body.ratings;
    expect(list).toHaveLength(5);
    expect(list.filter((x: { caseId: number | null }) => x.caseId !== null)).toHaveLength(2);
  });
});

describe('the invitation text', () => {
  const sent: OutgoingSms[] = [];
  const driver = {
    name: 'recording',
    async send(sms: OutgoingSms) {
      sent.push(sms);
      return { gatewayId: `gw-${sms.id}` };
    },
  };
  const sender = () => new NotificationSender(t.ctx, { driver, templates: DEFAULT_TEMPLATES, quietHours: DEFAULT_QUIET_HOURS, random: () => 0 });

  /** A booking for 10:00 today, checked in, called and served at counter 1. */
  async function bookedAndServed(i: number): Promise<string> {
    const booked = await post(t.app, '/api/v1/bookings', bookingBody(person(i), { date: '2026-11-25', slot: '10:00' }));
    expect(booked.status).toBe(201);
    t.setNow('2026-11-25T09:50:00+08:00');
    const ticket = await post(t.app, '/api/v1/kiosk/check-in', { idCard: person(i).idCard }, t.kiosk);
    expect(ticket.status).toBe(200);
    staff = await t.signIn('staff', 'wang');
    await post(t.app, '/api/v1/counters/1/call-next', {}, staff);
    expect((await post(t.app, `/api/v1/tickets/${ticket.body.tickets[0].number}/complete`, {}, staff)).status).toBe(200);
    return booked.body.booking.publicToken as string;
  }

  it('invites a booked citizen 3 days after 办结 with the ticket page link, unless they rated by then', async () => {
    sent.length = 0;
    const token = await bookedAndServed(1);
    const invite = await t.store.db.selectFrom('notification').selectAll().where('kind', '=', 'rating.invite').executeTakeFirstOrThrow();
    expect(invite.next_attempt_at).toBe('2026-11-28T01:50:00.000Z');
    expect(JSON.stringify(invite)).not.toContain(person(1).phone);

    t.setNow('2026-11-28T09:51:00+08:00');
    await sender().runOnce();
    const text = sent.find((s) => s.kind === 'rating.invite');
    expect(text?.to).toBe(person(1).phone);
    expect(text?.text).toContain(`/t/${token}?via=message`);
    expect(text?.text).toContain('2026-12-02');
  });

  it('skips the invitation of a ticket rated in the meantime', async () => {
    sent.length = 0;
    const token = await bookedAndServed(2);
    expect((await post(t.app, `/api/v1/t/${token}/rating`, { level: 'satisfied' })).status).toBe(201);
    t.setNow('2026-11-28T09:51:00+08:00');
    await sender().runOnce();
    expect(sent.filter((s) => s.kind === 'rating.invite')).toEqual([]);
    const invite = await t.store.db.selectFrom('notification').selectAll().where('kind', '=', 'rating.invite').executeTakeFirstOrThrow();
    expect(invite).toMatchObject({ status: 'skipped', error: 'the ticket was rated already' });
  });
});
