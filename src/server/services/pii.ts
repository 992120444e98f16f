// ID card and phone numbers are kept only as keyed HMACs (for lookup) and masked forms (for
// display). The prefixes keep the two kinds of value from ever matching each other.
import { createHmac } from 'node:crypto';

export interface PiiHasher {
  idCard(value: string): string;
  phone(value: string): string;
  idempotencyKey(key: string, idHash: string): string;
  /** A keyed hash of a whole request, to tell a retry from a different request under the same key. */
  request(fields: readonly unknown[]): string;
}

export function createPiiHasher(secret: string): PiiHasher {
  const mac = (kind: string, value: string) => createHmac('sha256', secret).update(`${kind}:${value}`).digest('hex');
  return {
    idCard: (v) => mac('id', v),
    phone: (v) => mac('phone', v),
    idempotencyKey: (key, idHash) => mac('idem', `${idHash}:${key}`),
    request: (fields) => mac('request', JSON.stringify(fields)),
  };
}
