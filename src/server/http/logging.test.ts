import { describe, expect, it } from 'vitest';
import { redactUrl } from './logging.js';

describe('URLs in logs', () => {
  it.each([
    ['/order/selectAll?idcard=11010519491231002X&phone=13812348000', '/order/selectAll?idcard=***&phone=***'],
    ['/api/v1/services?date=2026-11-25', '/api/v1/services?date=2026-11-25'],
    ['/x?ID_CARD=1&name=%E5%BC%A0', '/x?ID_CARD=***&name=***'],
    ['/api/v1/services?%E0=1', '/api/v1/services?***'],
    ['/plain', '/plain'],
    // Array and object forms of the same parameters.
    ['/order/selectAll?idcard[]=11010519491231002X&phone[]=13812348000', '/order/selectAll?idcard[]=***&phone[]=***'],
    ['/order/selectAll?idcard%5B%5D=11010519491231002X', '/order/selectAll?idcard%5B%5D=***'],
    ['/x?person[idCard]=1&person[phone][0]=2', '/x?person[idCard]=***&person[phone][0]=***'],
    // An ID or phone number under any other name, or in a path segment.
    ['/x?q=11010519491231002X', '/x?q=***'],
    ['/x?q=%2B8613812348000', '/x?q=***'],
    ['/x?tel=+86%20138-1234-8000', '/x?tel=***'],
    ['/x?q=13812348000', '/x?q=***'],
    ['/api/v1/bookings/11010519491231002X/cancel', '/api/v1/bookings/***/cancel'],
    ['/api/v1/bookings/11010519491231002x', '/api/v1/bookings/***'],
    ['/u/110105491231002', '/u/***'],
    ['/u/13812348000/x?date=2026-11-25', '/u/***/x?date=2026-11-25'],
    ['/u/%31%31010519491231002X', '/u/***'],
    // 办事编号 and call numbers are not personal data and stay readable.
    ['/api/v1/bookings/Y20261125090001/cancel', '/api/v1/bookings/Y20261125090001/cancel'],
    ['/api/v1/tickets/Y202611250900123/call', '/api/v1/tickets/Y202611250900123/call'],
    ['/api/v1/services?serviceName=x', '/api/v1/services?serviceName=x'],
  ])('%s -> %s', (url, logged) => expect(redactUrl(url)).toBe(logged));
});
