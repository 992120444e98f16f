import { describe, expect, it } from 'vitest';
import { EVENT_GAP_PATIENCE_MS, WEBHOOK_RETRY_FOR_MS, fanOutUpTo, orderKeyOf, webhookBody, webhookRetry } from './webhooks.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

describe('webhook retries', () => {
  it.each([
    [1, 10 * S],
    [2, 30 * S],
    [3, 2 * M],
    [4, 10 * M],
    [5, 30 * M],
    [6, H],
    [7, H],
    [20, H],
  ])('after failed attempt %i it waits %i ms', (attempts, wait) => {
    expect(webhookRetry(0, 5 * M, attempts)).toEqual({ retryAt: 5 * M + wait });
  });

  it('keeps trying until 24 hours after the first attempt, then gives up', () => {
    const first = Date.parse('2026-12-10T08:00:00Z');
    let now = first;
    let attempts = 0;
    const tries: number[] = [];
    for (;;) {
      attempts++;
      tries.push(now);
      const next = webhookRetry(first, now, attempts);
      if ('give' in next) break;
      now = next.retryAt;
    }
    // 10 s + 30 s + 2 min + 10 min + 30 min then hourly: 6 quick ones, then about one an hour.
    expect(tries.length).toBe(29);
    expect(tries.at(-1)! - first).toBeLessThanOrEqual(WEBHOOK_RETRY_FOR_MS);
    expect(tries.at(-1)! + H - first).toBeGreaterThan(WEBHOOK_RETRY_FOR_MS);
  });

  it('an attempt whose next wait would pass the 24 hours is the last', () => {
    expect(webhookRetry(0, WEBHOOK_RETRY_FOR_MS - 5 * S, 1)).toEqual({ give: 'up' });
    expect(webhookRetry(0, WEBHOOK_RETRY_FOR_MS - 10 * S, 1)).toEqual({ retryAt: WEBHOOK_RETRY_FOR_MS });
  });
});

describe('webhook body', () => {
  const event = { id: 41, type: 'ticket.called', at: '2026-12-10T01:02:03.000Z', date: '2026-12-10', number: 'Y20261210090003', counterNumber: 3 };

  it('carries the event’s public fields with the hall code and service letter', () => {
    expect(webhookBody(event, 'HQ', 'Y')).toEqual({
      id: 41,
      event: 'ticket.called',
      hallCode: 'HQ',
      serviceCode: 'Y',
      date: '2026-12-10',
      at: '2026-12-10T01:02:03.000Z',
      number: 'Y20261210090003',
      counterNumber: 3,
    });
  });

  it('leaves out what the event does not have', () => {
    expect(webhookBody({ id: 2, type: 'booking.cancelled', at: 'x', date: null }, 'HQ', undefined)).toEqual({ id: 2, event: 'booking.cancelled', hallCode: 'HQ', date: null, at: 'x' });
  });

  it('passes `data` on as is, less any key naming an ID card or phone, at any depth', () => {
    const data = { level: 5, reasons: ['服务态度'], caseId: 7, idCard: '110105199001010019', citizen: { phone: '13800138000', mobile: '1', name: '张三' }, list: [{ id_card: 'x', ok: 1 }] };
    expect(webhookBody({ ...event, type: 'rating.created', data }, 'HQ', 'Y').data).toEqual({ level: 5, reasons: ['服务态度'], caseId: 7, citizen: { name: '张三' }, list: [{ ok: 1 }] });
  });

  it('drops a `data` that is not an object', () => {
    expect('data' in webhookBody({ ...event, data: 'text' }, 'HQ', 'Y')).toBe(false);
    expect('data' in webhookBody({ ...event, data: [1] }, 'HQ', 'Y')).toBe(false);
  });

  it('orders by number, or by the event alone when it has none', () => {
    expect(orderKeyOf({ id: 1, number: 'Y1' })).toBe(orderKeyOf({ id: 2, number: 'Y1' }));
    expect(orderKeyOf({ id: 1 })).not.toBe(orderKeyOf({ id: 2 }));
  });
});

describe('how far the fan-out reads the outbox', () => {
  const now = Date.parse('2026-12-10T08:00:00Z');
  const ev = (id: number, agoMs = 0) => ({ id, at: new Date(now - agoMs).toISOString() });

  it('takes every event when none is missing', () => {
    expect(fanOutUpTo(10, [ev(11), ev(12), ev(13)], now)).toBe(13);
  });

  it('stops before an id that may still commit', () => {
    expect(fanOutUpTo(10, [ev(11), ev(13), ev(14)], now)).toBe(11);
    expect(fanOutUpTo(10, [ev(12)], now)).toBe(10);
  });

  it('passes over an id missing for longer than the patience (rolled back)', () => {
    expect(fanOutUpTo(10, [ev(11), ev(13, EVENT_GAP_PATIENCE_MS), ev(14)], now)).toBe(14);
  });

  it('nothing to read leaves the cursor where it is', () => {
    expect(fanOutUpTo(10, [], now)).toBe(10);
  });
});
