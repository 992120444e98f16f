import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

const secret = 'test-webhook-secret-0001';
const body = '{"id":1,"event":"ticket.called","hallCode":"HQ"}';

describe('webhook signature', () => {
  it('is the hex HMAC-SHA256 of "timestamp.body" with the secret', () => {
    const expected = createHmac('sha256', secret).update(`1765353600.${body}`).digest('hex');
    expect(signWebhook(secret, 1765353600, body)).toBe(`sha256=${expected}`);
  });

  it('a known vector', () => {
    expect(signWebhook('secret', 1, '{}')).toBe(`sha256=${createHmac('sha256', 'secret').update('1.{}').digest('hex')}`);
  });

  it('verifies what was signed, within the tolerance', () => {
    const signature = signWebhook(secret, 1000, body);
    expect(verifyWebhook(secret, { signature, timestamp: '1000' }, body, 1200)).toBe(true);
  });

  it.each([
    ['another body', { body: body.replace('HQ', 'XX') }],
    ['another secret', { secret: 'another-secret-000000' }],
    ['another timestamp', { timestamp: '1001' }],
    ['a timestamp too old', { now: 1000 + 301 }],
    ['a timestamp that is not a number', { timestamp: '1e3' }],
  ])('refuses %s', (_name, change: { body?: string; secret?: string; timestamp?: string; now?: number }) => {
    const signature = signWebhook(secret, 1000, body);
    expect(verifyWebhook(change.secret ?? secret, { signature, timestamp: change.timestamp ?? '1000' }, change.body ?? body, change.now ?? 1000)).toBe(false);
  });
});
