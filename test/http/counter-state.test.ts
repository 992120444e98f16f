// 暂停 / 恢复 / 关闭 at a counter: a paused or closed counter is never given a number, the display
// board shows which counters are open, every change is audited, and each ticket records who
// called, started and ended it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { get, post } from '../support/http.js';
import { type TestApp, makeTestApp } from '../support/test-app.js';

let t: TestApp;
let staff: Record<string, string>;
beforeEach(async () => {
  t = await makeTestApp({ now: '2026-11-25T09:10:00+08:00' });
  staff = await t.signIn('staff');
});
afterEach(() => t.close());

const walkIn = async (serviceId = 1) => (await post(t.app, '/api/v1/kiosk/walk-in', { serviceId }, t.kiosk)).body.ticket.number as string;
const counterCommand = (counter: number, command: string, body?: object, who = staff) =>
  post(t.app, `/api/v1/counters/${counter}/${command}`, body ?? {}, who);
const counterOne = async () => (await get(t.app, '/api/v1/counters', staff)).body.counters.find((c: { number: number }) => c.number === 1);

describe('counter state', () => {
  it('a paused counter calls nobody, by next or by number, until it resumes', async () => {
    const a = await walkIn();
    const paused = await counterCommand(1, 'pause', { reason: 'break' });
    expect(paused.status).toBe(200);
    expect(paused.body.counters.find((c: { number: number }) => c.number === 1)).toMatchObject({
      state: 'paused',
      pause: { reason: 'break', note: null, since: '2026-11-25T01:10:00.000Z' },
    });
    const refused = await counterCommand(1, 'call-next');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('COUNTER_PAUSED');
    const byNumber = await post(t.app, `/api/v1/tickets/${a}/call`, { counter: 1 }, staff);
    expect(byNumber.body.code).toBe('COUNTER_PAUSED');
    // Still waiting, for another counter or for this one after the break.
    expect((await get(t.app, '/api/v1/queue?serviceIds=1', staff)).body.queues[0].waiting.map((w: { number: string }) => w.number)).toEqual([a]);

    t.setNow('2026-11-25T09:25:00+08:00');
    expect((await counterCommand(1, 'resume')).status).toBe(200);
    expect(await counterOne()).toMatchObject({ state: 'open', pause: null });
    expect((await counterCommand(1, 'call-next')).body.ticket.number).toBe(a);
  });

  it('refuses what makes no sense, and a pause for another reason needs a note', async () => {
    expect((await counterCommand(1, 'resume')).body.code).toBe('COUNTER_STATE');
    const noNote = await counterCommand(1, 'pause', { reason: 'other' });
    expect(noNote.status).toBe(400);
    expect(noNote.body).toMatchObject({ code: 'VALIDATION', details: { field: 'note' } });
    expect((await counterCommand(1, 'pause', { reason: 'nap' })).status).toBe(400);
    expect((await counterOne()).state).toBe('open');
    expect((await counterCommand(1, 'pause', { reason: 'other', note: ' 系统故障 ' })).body.counters[0].pause.note).toBe('系统故障');
    expect((await counterCommand(1, 'pause', { reason: 'break' })).body.code).toBe('COUNTER_STATE');
    expect((await counterCommand(99, 'pause', { reason: 'break' })).body.code).toBe('COUNTER_NOT_FOUND');
    expect((await post(t.app, '/api/v1/counters/1/resume', {})).status).toBe(401);
  });

  it('a counter with an open ticket can pause but not close; a closed counter opens again', async () => {
    await walkIn();
    const called = (await counterCommand(1, 'call-next')).body.ticket.number;
    expect((await counterCommand(1, 'close')).body).toMatchObject({ code: 'COUNTER_BUSY', details: { number: called } });
    await post(t.app, `/api/v1/tickets/${called}/complete`, {}, staff);
    expect((await counterCommand(1, 'close')).status).toBe(200);
    await walkIn();
    expect((await counterCommand(1, 'call-next')).body.code).toBe('COUNTER_CLOSED');
    expect((await counterCommand(1, 'pause', { reason: 'break' })).body.code).toBe('COUNTER_STATE');
    expect((await counterCommand(1, 'resume')).body.counters[0].state).toBe('open');
    expect((await counterCommand(1, 'call-next')).status).toBe(200);
  });

  it('the display board lists the counters and which are open', async () => {
    await counterCommand(2, 'pause', { reason: 'meeting' });
    const display = await get(t.app, '/api/v1/display', t.display);
    const states = Object.fromEntries(display.body.counters.map((c: { number: number; state: string }) => [c.number, c.state]));
    expect(states[1]).toBe('open');
    expect(states[2]).toBe('paused');
  });

  it('every change is in the audit log with who did it and why', async () => {
    await counterCommand(1, 'pause', { reason: 'consulting' });
    await counterCommand(1, 'resume');
    const admin = await t.signIn('admin');
    const entries = (await get(t.app, '/api/v1/audit', admin)).body.entries.filter((e: { action: string }) => e.action.startsWith('counter.'));
    expect(entries.map((e: { action: string; actor: string; target: string }) => [e.action, e.actor, e.target])).toEqual(
      expect.arrayContaining([
        ['counter.pause', 'clerk', '1'],
        ['counter.resume', 'clerk', '1'],
      ]),
    );
  });

  it('a ticket remembers who called, started and completed it', async () => {
    const other = await t.signIn('staff', 'clerk2');
    const a = await walkIn();
    await counterCommand(1, 'call-next');
    await post(t.app, `/api/v1/tickets/${a}/start`, {}, other);
    await post(t.app, `/api/v1/tickets/${a}/complete`, {}, staff);
    const row = await t.store.db
      .selectFrom('ticket')
      .innerJoin('staff as c', 'c.id', 'ticket.called_by')
      .innerJoin('staff as s', 's.id', 'ticket.started_by')
      .innerJoin('staff as f', 'f.id', 'ticket.finished_by')
      .select(['c.username as called', 's.username as started', 'f.username as finished'])
      .where('ticket.number', '=', a)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ called: 'clerk', started: 'clerk2', finished: 'clerk' });
  });
});

describe('the staff report', () => {
  it('who called, completed and passed, with service times; each counter’s time paused by reason', async () => {
    const other = await t.signIn('staff', 'clerk2');
    const a = await walkIn();
    const b = await walkIn();
    const c = await walkIn();
    const serve = async (who: Record<string, string>, counter: number, minutes: number) => {
      const n = (await counterCommand(counter, 'call-next', {}, who)).body.ticket.number;
      await post(t.app, `/api/v1/tickets/${n}/start`, {}, who);
      t.setNow(new Date(Date.parse(nowIso) + minutes * 60_000).toISOString());
      nowIso = new Date(Date.parse(nowIso) + minutes * 60_000).toISOString();
      await post(t.app, `/api/v1/tickets/${n}/complete`, {}, who);
      return n;
    };
    let nowIso = '2026-11-25T01:10:00.000Z';
    expect(await serve(staff, 1, 4)).toBe(a);
    expect(await serve(staff, 1, 10)).toBe(b);
    await counterCommand(1, 'pause', { reason: 'break' });
    t.setNow('2026-11-25T09:44:00+08:00'); // a 20-minute break
    await counterCommand(1, 'resume');
    const passed = (await counterCommand(1, 'call-next', {}, other)).body.ticket.number;
    expect(passed).toBe(c);
    await post(t.app, `/api/v1/tickets/${c}/no-show`, {}, other);
    await counterCommand(2, 'pause', { reason: 'meeting' }, other);
    t.setNow('2026-11-25T09:50:00+08:00'); // still in the meeting

    const admin = await t.signIn('admin');
    const report = await get(t.app, '/api/v1/reports/staff?from=2026-11-25&to=2026-11-25', admin);
    expect(report.status).toBe(200);
    expect(report.body.staff).toEqual([
      { username: 'clerk', displayName: expect.any(String), called: 2, served: 2, noShow: 0, averageServiceMinutes: 7, p90ServiceMinutes: 10 },
      { username: 'clerk2', displayName: expect.any(String), called: 1, served: 0, noShow: 1, averageServiceMinutes: null, p90ServiceMinutes: null },
    ]);
    const counter = (n: number) => report.body.counters.find((x: { number: number }) => x.number === n);
    expect(counter(1)).toMatchObject({ state: 'open', served: 2, pausedMinutes: 20, pausedByReason: { break: 20, meeting: 0 } });
    expect(counter(2)).toMatchObject({ state: 'paused', served: 0, pausedMinutes: 6, pausedByReason: { meeting: 6 } });

    const csv = await t.app.inject({ url: '/api/v1/reports/staff.csv?from=2026-11-25&to=2026-11-25&lang=zh', headers: admin });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('工作人员,用户名,叫号,办结,过号,平均办理(分钟),P90办理(分钟)');
    expect(lines.some((l) => l.endsWith(',clerk,2,2,0,7,10'))).toBe(true);
    expect(lines).toContain('1,' + counter(1).name + ',2,20,20,0,0,0');
    expect((await get(t.app, '/api/v1/reports/staff?from=2026-11-25&to=2026-11-25', staff)).status).toBe(403);
    expect((await get(t.app, '/api/v1/reports/staff?from=2026-11-26&to=2026-11-25', admin)).body.code).toBe('VALIDATION');
  });
});
