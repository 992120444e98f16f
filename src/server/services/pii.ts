// ID card and phone numbers are kept only as keyed HMACs (for lookup) and masked forms (for
// display). The prefixes keep the two kinds of value from ever matching each other.
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';

export interface PiiHasher {
  idCard(value: string): string;
  phone(value: string): string;
  idempotencyKey(key: string, idHash: string): string;
  /** A keyed hash of a whole request, to tell a retry from a different request under the same key. */
  request(fields: readonly unknown[]): string;
  /**
   * A booking's status token: given with the booking to the person who made or looked it up, so the
   * device that keeps it can later ask for that booking's status alone (never its personal data).
   */
  statusToken(number: string): string;
  statusTokenMatches(number: string, token: string): boolean;
}

export function createPiiHasher(secret: string): PiiHasher {
  // The same HMAC as keyed with the secret's text, without encoding the key again for every value.
  const key = createSecretKey(Buffer.from(secret, 'utf8'));
  const mac = (kind: string, value: string) => createHmac('sha256', key).update(`${kind}:${value}`).digest('hex');
  return {
    idCard: (v) => mac('id', v),
    phone: (v) => mac('phone', v),
    idempotencyKey: (key, idHash) => mac('idem', `${idHash}:${key}`),
    request: (fields) => mac('request', JSON.stringify(fields)),
    statusToken: (number) => mac('status', number).slice(0, 32),
    statusTokenMatches: (number, token) => {
      const expected = Buffer.from(mac('status', number).slice(0, 32));
      const given = Buffer.from(token);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
