import { describe, expect, it } from 'vitest';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestLog, createLogger, lazyChildLogger, redactUrl } from './logging.js';

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

describe('the request line', () => {
  const capture = () => {
    const written: string[] = [];
    return { written, destination: { write: (s: string) => void written.push(s) } };
  };
  const withoutTime = (line: string) => line.replace(/"time":\d+/, '"time":0');

  it('is the line pino itself would write for the same fields', () => {
    const { written, destination } = capture();
    const logger = createLogger('info', destination);
    const cases = [
      { id: 'req-1', url: '/api/v1/services?date=2026-11-26', status: 200, elapsed: 0.123456, ip: '127.0.0.1' },
      // Quotes, a backslash, control and non-ASCII characters in the path are escaped as pino escapes them.
      { id: 'req-2', url: '/x"y\\z\u0001/%E5%BC%A0/办事', status: 404, elapsed: 12.5, ip: '::ffff:10.0.0.1' },
      { id: 'req-3', url: '/plain', status: 500, elapsed: Number.NaN, ip: undefined },
    ];
    for (const c of cases) {
      written.length = 0;
      new RequestLog(logger).requestCompleted(
        null,
        { id: c.id, method: 'GET', url: c.url, ip: c.ip } as unknown as FastifyRequest,
        { statusCode: c.status, elapsedTime: c.elapsed } as unknown as FastifyReply,
      );
      const ours = written.join('');
      written.length = 0;
      logger
        .child({}, { redact: [] })
        .info({ reqId: c.id, method: 'GET', url: redactUrl(c.url), status: c.status, ms: Math.round(c.elapsed * 100) / 100, ip: c.ip }, 'request');
      expect(withoutTime(ours)).toBe(withoutTime(written.join('')));
    }
  });

  it('is not written above info', () => {
    const { written, destination } = capture();
    new RequestLog(createLogger('warn', destination)).requestCompleted(
      null,
      { id: 'req-1', method: 'GET', url: '/', ip: '127.0.0.1' } as unknown as FastifyRequest,
      { statusCode: 200, elapsedTime: 1 } as unknown as FastifyReply,
    );
    expect(written).toEqual([]);
  });
});

describe("a request's logger", () => {
  it('is made on first use, with the request id and the redaction of the logger it came from', () => {
    const written: string[] = [];
    const logger = createLogger('info', { write: (s: string) => void written.push(s) });
    let made = 0;
    const counted = new Proxy(logger, {
      get: (target, name, receiver) =>
        name === 'child'
          ? (...args: Parameters<typeof logger.child>) => {
              made++;
              return target.child(...args);
            }
          : Reflect.get(target, name, receiver),
    });
    const log = lazyChildLogger(counted, { reqId: 'req-7' }, {});
    expect(made).toBe(0);
    expect(log.level).toBe('info');
    log.debug('not at this level');
    log.warn({ idCard: '11010519491231002X', phone: '13812348000' }, 'something');
    log.error('again');
    expect(made).toBe(1);
    const lines = written.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, reqId: 'req-7', idCard: '***', phone: '***', msg: 'something' }),
      expect.objectContaining({ level: 50, reqId: 'req-7', msg: 'again' }),
    ]);
  });
});
