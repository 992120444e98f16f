import { describe, expect, it } from 'vitest';
import { type QueueEntry, countAhead, orderForServices, orderQueue } from './queue-order.js';

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
