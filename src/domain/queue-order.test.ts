import { describe, expect, it } from 'vitest';
import { type QueueEntry, countAhead, orderForServices, orderQueue, requeueAnchor } from './queue-order.js';

const now = { date: '2026-11-25', time: '10:15', minutes: 615 };
const e = (number: string, kind: QueueEntry['kind'], slotStart: string | null, queuedAt: string): QueueEntry => ({
  number,
  kind,
  slotStart,
  queuedAt,
});

const entries = [
  e('W1', 'walk_in', null, '2026-11-25T01:00:00Z'),
  e('B11', 'booking', '11:00', '2026-11-25T01:05:00Z'),
  e('B10b', 'booking', '10:00', '2026-11-25T02:10:00Z'),
  e('B09', 'booking', '09:00', '2026-11-25T01:50:00Z'),
  e('W2', 'walk_in', null, '2026-11-25T00:59:00Z'),
  e('B10a', 'booking', '10:00', '2026-11-25T01:40:00Z'),
];

describe('who is called next', () => {
  it('priority: started bookings by slot then check-in, then walk-ins in order, then early check-ins', () => {
    expect(orderQueue(entries, now, 'priority').map((x) => x.number)).toEqual(['B09', 'B10a', 'B10b', 'W2', 'W1', 'B11']);
  });
  it('arrival: strictly first come, first served', () => {
    expect(orderQueue(entries, now, 'arrival').map((x) => x.number)).toEqual(['W2', 'W1', 'B11', 'B10a', 'B09', 'B10b']);
  });
  it('breaks ties on the number so every store gives the same order', () => {
    const tie = [e('Y2', 'walk_in', null, '2026-11-25T01:00:00Z'), e('Y1', 'walk_in', null, '2026-11-25T01:00:00Z')];
    expect(orderQueue(tie, now, 'priority').map((x) => x.number)).toEqual(['Y1', 'Y2']);
  });
  it('counts who is ahead', () => {
    expect(countAhead(entries, 'B09', now, 'priority')).toBe(0);
    expect(countAhead(entries, 'W1', now, 'priority')).toBe(4);
    expect(countAhead(entries, 'nope', now, 'priority')).toBe(-1);
  });
});

describe('a counter serving several services', () => {
  it.each([
    [['arrival', 'arrival'], 'arrival'],
    [['arrival', 'priority'], 'priority'],
    [[], 'priority'],
  ] as const)('%j -> %s', (orders, order) => expect(orderForServices(orders)).toBe(order));
});

describe('a passed ticket that comes back (过号 → requeue)', () => {
  const w = (n: number) => e(`W${n}`, 'walk_in', null, `2026-11-25T01:0${n}:00Z`);
  const back = (number: string, after: string | null, at = '2026-11-25T02:00:00Z'): QueueEntry => ({
    ...e(number, 'walk_in', null, '2026-11-25T00:30:00Z'),
    requeue: { at, after },
  });
  const order = (xs: QueueEntry[]) => orderQueue(xs, now, 'priority').map((x) => x.number);

  it('the anchor is the REQUEUE_BEHIND-th waiting ticket, or the last, or none', () => {
    const waiting = [w(1), w(2), w(3), w(4), w(5)];
    expect(requeueAnchor(waiting, 3)).toBe('W3');
    expect(requeueAnchor(waiting.slice(0, 2), 3)).toBe('W2');
    expect(requeueAnchor([], 3)).toBeNull();
    expect(requeueAnchor(waiting, 0)).toBeNull();
  });

  it('goes right behind its anchor, not by its old place in time', () => {
    expect(order([w(1), w(2), w(3), w(4), back('P', 'W3')])).toEqual(['W1', 'W2', 'W3', 'P', 'W4']);
  });

  it('once the anchor has been called, it goes first', () => {
    expect(order([w(4), w(5), back('P', 'W3')])).toEqual(['P', 'W4', 'W5']);
    expect(order([w(4), back('P', null)])).toEqual(['P', 'W4']);
  });

  it('several returns keep the order they came back in', () => {
    const first = back('P1', 'W2', '2026-11-25T02:00:00Z');
    const second = back('P2', 'W2', '2026-11-25T02:01:00Z');
    expect(order([w(1), w(2), w(3), second, first])).toEqual(['W1', 'W2', 'P1', 'P2', 'W3']);
    expect(order([w(3), second, first])).toEqual(['P1', 'P2', 'W3']);
  });

  it('counts it as waiting behind exactly those ahead', () => {
    expect(countAhead([w(1), w(2), w(3), w(4), back('P', 'W3')], 'P', now, 'priority')).toBe(3);
  });
});
