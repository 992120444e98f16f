// SMS_DRIVER=http against a local fake gateway that checks the signature exactly as the README
// tells a receiver to.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { httpDriver } from '../../src/server/messaging/http-driver.js';
import { type OutgoingSms, SmsRejected, describeSmsError } from '../../src/server/messaging/sms-driver.js';
import { type FakeSmsGateway, type RecordedRequest, closedPort, failure, startFakeSmsGateway } from '../support/fake-sms-gateway.js';

const SECRET = 'test-secret-0123456789abcdef';
const PHONE = '13812348000';
const sms: OutgoingSms = {
  id: 4711,
  to: PHONE,
  kind: 'ticket.called',
  lang: 'zh',
  text: '【微预约】请 Y012 号到 3 号窗口办理（市民中心）。',
  params: { callNumber: 'Y012', counter: '3', hall: '市民中心' },
};
const never = () => new AbortController().signal;

/** The receiver's check, written from the README and not from the driver's code. */
function verify(req: RecordedRequest, secret: string, nowSeconds: number): string | null {
  const timestamp = String(req.headers['x-vreserve-timestamp'] ?? '');
  const signature = String(req.headers['x-vreserve-signature'] ?? '');
  if (!/^\d+$/.test(timestamp)) return 'no timestamp';
  if (Math.abs(nowSeconds - Number(timestamp)) > 300) return 'outside the replay window';
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${timestamp}.${req.rawBody}`).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad signature';
  return null;
}

describe('http SMS driver', () => {
  let gw: FakeSmsGateway;
  beforeAll(async () => {
    gw = await startFakeSmsGateway();
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    gw.requests.length = 0;
  });
  const driver = (over: Partial<Parameters<typeof httpDriver>[0]> = {}) => httpDriver({ url: `${gw.url}/sms/send`, secret: SECRET, timeoutMs: 2_000, ...over });
  /** A gateway that verifies the signature, answering 401 when it does not hold. */
  const verifying = (then: (req: RecordedRequest) => { status: number; json?: unknown }) =>
    gw.answer((req) => (verify(req, SECRET, Math.floor(Date.now() / 1000)) === null ? then(req) : { status: 401, json: { message: 'bad signature' } }));

  it('posts the signed JSON message and returns the gateway id', async () => {
    verifying(() => ({ status: 200, json: { id: 'gw-99' } }));
    expect(await driver().send(sms, never())).toEqual({ gatewayId: 'gw-99' });
    const [req] = gw.requests;
    expect(req!.method).toBe('POST');
    expect(req!.url.pathname).toBe('/sms/send');
    expect(req!.headers['content-type']).toMatch(/^application\/json/);
    expect(req!.headers['idempotency-key']).toBe('vreserve-4711');
    expect(verify(req!, SECRET, Math.floor(Date.now() / 1000))).toBeNull();
    expect(JSON.parse(req!.rawBody)).toEqual({ id: 4711, to: PHONE, kind: 'ticket.called', lang: 'zh', text: sms.text, params: sms.params });
    // The secret itself never travels.
    expect(JSON.stringify(req!.headers) + req!.rawBody).not.toContain(SECRET);
  });

  it('the receiver refuses a wrong secret, a changed body and a stale timestamp', async () => {
    gw.answer(() => ({ status: 200, json: {} }));
    await driver({ now: () => 1_800_000_000_000 }).send(sms, never());
    const req = gw.requests[0]!;
    expect(req.headers['x-vreserve-timestamp']).toBe('1800000000');
    expect(verify(req, SECRET, 1_800_000_100)).toBeNull();
    expect(verify(req, 'another-secret-0123456789', 1_800_000_100)).toBe('bad signature');
    expect(verify({ ...req, rawBody: req.rawBody.replace('Y012', 'Y013') }, SECRET, 1_800_000_100)).toBe('bad signature');
    expect(verify(req, SECRET, 1_800_000_301)).toBe('outside the replay window');
  });

  it('takes any 2xx, using a made-up id when the answer has none', async () => {
    gw.answer(() => ({ status: 202, text: 'accepted' }));
    expect(await driver().send(sms, never())).toEqual({ gatewayId: 'http-4711' });
    gw.answer(() => ({ status: 200, json: { id: 12345 } }));
    expect(await driver().send(sms, never())).toEqual({ gatewayId: '12345' });
  });

  it('a 4xx refusal is SmsRejected with the gateway code, the number blanked out, and no second try', async () => {
    verifying(() => ({ status: 422, json: { code: 'NUMBER_BLOCKED', message: `number ${PHONE} is blocked` } }));
    const { error } = await failure(driver().send(sms, never()));
    expect(error).toBeInstanceOf(SmsRejected);
    expect((error as SmsRejected).code).toBe('NUMBER_BLOCKED');
    expect(error.message).toBe('number *** is blocked');
    expect(gw.requests).toHaveLength(1);
    gw.answer(() => ({ status: 400, text: 'no' }));
    const plain = await failure(driver().send(sms, never()));
    expect(plain.error).toBeInstanceOf(SmsRejected);
    expect((plain.error as SmsRejected).code).toBe('HTTP_400');
  });

  it.each([500, 503, 408, 429, 401, 403])('HTTP %i is temporary (retried later)', async (status) => {
    gw.answer(() => ({ status, json: { message: `try again, ${PHONE}` } }));
    const { error } = await failure(driver().send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).toContain(`HTTP_${status}`);
    expect(describeSmsError(error, PHONE)).not.toContain(PHONE);
    expect(error.message).not.toContain(PHONE);
  });

  it('a wrong secret is refused by the receiver and retried, not thrown away', async () => {
    verifying(() => ({ status: 200, json: { id: 'never' } }));
    const { error } = await failure(driver({ secret: 'a-different-secret-000000' }).send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).toContain('HTTP_401');
  });

  it('a refused connection is temporary', async () => {
    const { error } = await failure(httpDriver({ url: `http://${await closedPort()}/`, secret: SECRET, timeoutMs: 2_000 }).send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).toBe('the gateway could not be reached (ECONNREFUSED)');
  });

  it('a gateway that never answers fails within SMS_TIMEOUT_MS', async () => {
    gw.answer(() => 'hang');
    const { error, ms } = await failure(driver({ timeoutMs: 300 }).send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).toBe('the gateway did not answer within 300 ms');
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(3_000);
  });

  it("the caller's signal ends a call at once", async () => {
    gw.answer(() => 'hang');
    const caller = new AbortController();
    const sending = failure(driver({ timeoutMs: 60_000 }).send(sms, caller.signal));
    await gw.received();
    caller.abort(new Error('shutting down'));
    const { error, ms } = await sending;
    expect(error.message).toBe('the call was aborted (shutting down)');
    expect(ms).toBeLessThan(10_000);
  });
});
