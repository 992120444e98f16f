// The signature of a webhook delivery: HMAC-SHA256 with the endpoint's secret over
// "<unix seconds>.<body>", sent as `X-VReserve-Signature: sha256=<hex>` beside
// `X-VReserve-Timestamp`. Signing the timestamp lets a receiver refuse replays of old deliveries.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does (the README shows it): the signature matches, and the timestamp is within
 * `toleranceSeconds` of its own clock.
 */
export function verifyWebhook(secret: string, header: { signature: string; timestamp: string }, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const timestamp = Number(header.timestamp);
  if (!/^\d{1,12}$/.test(header.timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(header.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
