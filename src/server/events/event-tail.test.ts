import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../contracts/events.js';
import { EventTail } from './event-tail.js';

const ev = (id: number): LiveEvent => ({
  id,
  type: 'ticket.walk_in',
  hallId: 1,
  serviceId: 1,
  date: '2026-11-25',
  at: 'x',
});

function store() {
  const committed: LiveEvent[] = [];
  return {
    commit: (...ids: number[]) => committed.push(...ids.map(ev)),
    fetchAfter: async (after: number) => committed.filter((e) => e.id > after).sort((a, b) => a.id - b.id),
  };
}

describe('EventTail', () => {
  it('hands out each committed event once, in order', async () => {
    const s = store();
    const tail = new EventTail(s.fetchAfter, 0);
    s.commit(1, 2);
    expect((await tail.next(0)).map((e) => e.id)).toEqual([1, 2]);
    expect(await tail.next(1)).toEqual([]);
    s.commit(3);
    expect((await tail.next(2)).map((e) => e.id)).toEqual([3]);
  });

  it('delivers an event whose id committed after a larger one (no loss)', async () => {
    const s = store();
    const tail = new EventTail(s.fetchAfter, 0);
    s.commit(1, 3);
    expect((await tail.next(0)).map((e) => e.id)).toEqual([1, 3]);
    s.commit(2); // the transaction holding id 2 committed late
    expect((await tail.next(100)).map((e) => e.id)).toEqual([2]);
    expect(await tail.next(200)).toEqual([]);
  });

  it('gives up on a gap that never fills (a rolled-back insert)', async () => {
    const s = store();
    const tail = new EventTail(s.fetchAfter, 0);
    s.commit(1, 3);
    await tail.next(0);
    await tail.next(6_000);
    s.commit(2);
    expect(await tail.next(6_100)).toEqual([]);
  });

  it('starts after a given id', async () => {
    const s = store();
    s.commit(1, 2, 3);
    const tail = new EventTail(s.fetchAfter, 2);
    expect((await tail.next(0)).map((e) => e.id)).toEqual([3]);
  });
});
