import { describe, expect, it } from 'vitest';
import { redactUrl } from './logging.js';

describe('URLs in logs', () => {
  it.each([
    ['/order/selectAll?idcard=11010519491231002X&phone=13812348000', '/order/selectAll?idcard=***&phone=***'],
    ['/api/v1/services?date=2026-11-25', '/api/v1/services?date=2026-11-25'],
    ['/x?ID_CARD=1&name=%E5%BC%A0', '/x?ID_CARD=***&name=***'],
    ['/api/v1/services?%E0=1', '/api/v1/services?***'],
    ['/plain', '/plain'],
  ])('%s -> %s', (url, logged) => expect(redactUrl(url)).toBe(logged));
});
