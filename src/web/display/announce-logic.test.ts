import { describe, expect, it } from 'vitest';
import type { DisplayCall } from '../../contracts/queue.js';
import { AnnouncementQueue, announcementText, boardCalls, callKey, clockOffsetMs, counterLabel, newCalls, spellOut } from './announce-logic.js';

const call = (number: string, callCount = 1, counterNumber = 3, state: DisplayCall['state'] = 'calling'): DisplayCall => ({
  number,
  callNumber: `${number[0]}${number.slice(-3)}`,
  state,
  serviceId: 1,
  serviceName: '医社保办理',
  counterNumber,
  counterName: `${counterNumber} 号窗口`,
  calledAt: '2026-11-25T01:30:00.000Z',
  callCount,
  priority: null,
});

describe('announcementText', () => {
  it('spells the letter and every digit, then the counter', () => {
    expect(spellOut('Y012')).toBe('Y 0 1 2');
    expect(spellOut('Y 0 12')).toBe('Y 0 1 2');
    expect(announcementText({ callNumber: 'Y012', counterNumber: 3 })).toBe('请 Y 0 1 2 号到 3 号窗口办理');
    expect(announcementText({ callNumber: 'F1030', counterNumber: 12 })).toBe('请 F 1 0 3 0 号到 12 号窗口办理');
  });
});

describe('boardCalls', () => {
  it('shows the newest live call large, never an ended one', () => {
    const transferred = call('Y20261125090004', 1, 1, 'transferred');
    const passed = call('Y20261125090003', 1, 1, 'no_show');
    const live = call('H20261125090002', 1, 2, 'serving');
    expect(boardCalls([transferred, passed, live])).toEqual({ latest: live, others: [transferred, passed] });
  });

  it('shows no large call when nothing is live (the board must not send people to an idle counter)', () => {
    const ended = [call('Y20261125090004', 1, 1, 'transferred'), call('Y20261125090003', 1, 1, 'served')];
    expect(boardCalls(ended)).toEqual({ latest: null, others: ended });
  });
});

describe('newCalls', () => {
  const a = call('Y20261125090001');
  const b = call('Y20261125090002');
  const c = call('H20261125090003', 1, 2);

  it('announces nothing on the first answer', () => {
    const step = newCalls(null, [b, a]);
    expect(step.announce).toEqual([]);
    expect([...step.seen].sort()).toEqual([callKey(a), callKey(b)].sort());
  });

  it('announces new calls oldest first', () => {
    const first = newCalls(null, [a]);
    const d = call('Y20261125090004');
    expect(newCalls(first.seen, [d, c, b, a]).announce.map((x) => x.number)).toEqual([b.number, c.number, d.number]);
  });

  it('announces a recall again, and the same answer twice only once', () => {
    let seen = newCalls(null, [b, a]).seen;
    const recalled = call(a.number, 2);
    const step = newCalls(seen, [recalled, b]);
    expect(step.announce).toEqual([recalled]);
    seen = step.seen;
    expect(newCalls(seen, [recalled, b]).announce).toEqual([]);
  });

  it('does not read out a call that ended before the board heard of it', () => {
    const first = newCalls(null, []);
    const gone = call('Y20261125090009', 1, 3, 'no_show');
    const live = call('Y20261125090010', 1, 4);
    expect(newCalls(first.seen, [live, gone]).announce).toEqual([live]);
  });

  it('after a long outage says only the newest few', () => {
    const seen = newCalls(null, []).seen;
    const many = Array.from({ length: 8 }, (_, i) => call(`Y202611250900${String(10 + i)}`)).reverse();
    const step = newCalls(seen, many, 3);
    expect(step.announce.map((x) => x.number)).toEqual(['Y20261125090015', 'Y20261125090016', 'Y20261125090017']);
  });
});

describe('AnnouncementQueue', () => {
  function deferred() {
    let resolve!: () => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }
  const settle = () => new Promise((r) => setTimeout(r, 0));

  it('never starts an item before the one playing has finished', async () => {
    const started: string[] = [];
    const plays = new Map<string, ReturnType<typeof deferred>>();
    const queue = new AnnouncementQueue<string>((item) => {
      started.push(item);
      const d = deferred();
      plays.set(item, d);
      return d.promise;
    });
    queue.push('one');
    queue.push('two');
    queue.push('three');
    expect(started).toEqual(['one']);
    expect(queue.waiting).toBe(2);
    plays.get('one')?.resolve();
    await settle();
    expect(started).toEqual(['one', 'two']);
    plays.get('two')?.reject(new Error('voice failed'));
    await settle();
    expect(started).toEqual(['one', 'two', 'three']);
    plays.get('three')?.resolve();
    await settle();
    expect(queue.busy).toBe(false);
    queue.push('four');
    expect(started.at(-1)).toBe('four');
  });
});

describe('clockOffsetMs', () => {
  it('trusts the device within a minute', () => {
    expect(clockOffsetMs({ date: '2026-11-25', now: '09:30' }, { date: '2026-11-25', time: '09:30' })).toBe(0);
    expect(clockOffsetMs({ date: '2026-11-25', now: '09:31' }, { date: '2026-11-25', time: '09:30' })).toBe(0);
  });

  it('follows the hall clock when the device is off', () => {
    expect(clockOffsetMs({ date: '2026-11-25', now: '09:30' }, { date: '2026-11-25', time: '09:20' })).toBe(10 * 60_000);
    expect(clockOffsetMs({ date: '2026-11-25', now: '09:30' }, { date: '2026-11-26', time: '09:30' })).toBe(-24 * 60 * 60_000);
  });
});

describe('counterLabel', () => {
  it('uses the number and adds a name that says more', () => {
    expect(counterLabel({ counterNumber: 3, counterName: '3 号窗口' }, 'zh')).toEqual({ main: '3 号窗口', name: null });
    expect(counterLabel({ counterNumber: 3, counterName: '3 号窗口' }, 'en')).toEqual({ main: 'Counter 3', name: null });
    expect(counterLabel({ counterNumber: 5, counterName: '综合窗口' }, 'zh')).toEqual({ main: '5 号窗口', name: '综合窗口' });
    expect(counterLabel({ counterNumber: 5, counterName: 'Counter 5' }, 'zh')).toEqual({ main: '5 号窗口', name: null });
  });
});
