// SMS_DRIVER=aliyun: the official SDK talking plain HTTP (Config.protocol 'http') to a local fake
// of dysmsapi's SendSms.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGE_KINDS } from '../../src/domain/messages.js';
import { aliyunDriver } from '../../src/server/messaging/aliyun-driver.js';
import { type OutgoingSms, SmsRejected } from '../../src/server/messaging/sms-driver.js';
import type { TemplateCodes } from '../../src/server/messaging/sms-driver-config.js';
import { type FakeSmsGateway, closedPort, failure, startFakeSmsGateway } from '../support/fake-sms-gateway.js';

const PHONE = '13912345678';
const SECRET = 'AliyunAccessKeySecret0001';
const templates = Object.fromEntries(MESSAGE_KINDS.map((kind, i) => [kind, `SMS_90${i}`])) as TemplateCodes;
const sms: OutgoingSms = {
  id: 812,
  to: PHONE,
  kind: 'booking.cancelled',
  lang: 'zh',
  text: 'ignored by template gateways',
  params: { number: 'Y20261126090001', service: '医社保办理', date: '2026-11-26', slot: '09:00', hall: '市民中心' },
};
const never = () => new AbortController().signal;
const ok = { status: 200, json: { Code: 'OK', Message: 'OK', BizId: '900619746936498440^0', RequestId: 'F655A8D5' } };
const refusal = (Code: string, status = 200) => ({ status, json: { Code, Message: `refused for ${PHONE}`, RequestId: 'r1' } });

describe('aliyun SMS driver', () => {
  let gw: FakeSmsGateway;
  beforeAll(async () => {
    gw = await startFakeSmsGateway();
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    gw.requests.length = 0;
  });
  const driver = (host = gw.host, timeoutMs = 2_000) =>
    aliyunDriver({ accessKeyId: 'LTAI5tTestId', accessKeySecret: SECRET, signName: '微预约', templates, endpoint: { host, protocol: 'http' }, timeoutMs });

  it('sends SendSms with the sign, the template of the kind, its variables and OutId; BizId is the gateway id', async () => {
    gw.answer(() => ok);
    expect(await driver().send(sms, never())).toEqual({ gatewayId: '900619746936498440^0' });
    expect(gw.requests).toHaveLength(1);
    const req = gw.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.headers['x-acs-action']).toBe('SendSms');
    expect(req.headers['x-acs-version']).toBe('2017-05-25');
    expect(req.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAI5tTestId,/);
    const q = req.url.searchParams;
    expect(q.get('PhoneNumbers')).toBe(PHONE);
    expect(q.get('SignName')).toBe('微预约');
    expect(q.get('TemplateCode')).toBe('SMS_903');
    expect(JSON.parse(q.get('TemplateParam')!)).toEqual(sms.params);
    expect(q.get('OutId')).toBe('812');
    expect(JSON.stringify(req.headers) + req.url + req.rawBody).not.toContain(SECRET);
  });

  it.each(['isv.MOBILE_NUMBER_ILLEGAL', 'isv.SMS_TEMPLATE_ILLEGAL', 'isv.SMS_SIGNATURE_ILLEGAL', 'isv.BLACK_KEY_CONTROL_LIMIT'])(
    '%s refuses the message: SmsRejected, sent once, no number in the text',
    async (code) => {
      gw.answer(() => refusal(code));
      const { error } = await failure(driver().send(sms, never()));
      expect(error).toBeInstanceOf(SmsRejected);
      expect((error as SmsRejected).code).toBe(code);
      expect(error.message).toBe('refused for ***');
      expect(gw.requests).toHaveLength(1);
    },
  );

  it('a refusal the gateway sends as HTTP 400 (the SDK throws ClientError) is SmsRejected too', async () => {
    gw.answer(() => refusal('isv.SMS_TEMPLATE_ILLEGAL', 400));
    const { error } = await failure(driver().send(sms, never()));
    expect(error).toBeInstanceOf(SmsRejected);
    expect((error as SmsRejected).code).toBe('isv.SMS_TEMPLATE_ILLEGAL');
    expect(error.message).not.toContain(PHONE);
  });

  it.each([
    ['isv.BUSINESS_LIMIT_CONTROL', 200],
    ['isv.AMOUNT_NOT_ENOUGH', 200],
    ['Throttling.User', 400],
    ['InvalidAccessKeyId.NotFound', 404],
    ['isp.SYSTEM_ERROR', 500],
    ['ServiceUnavailable', 503],
  ])('%s (HTTP %i) is temporary and tried once', async (code, status) => {
    gw.answer(() => refusal(code, status));
    const { error } = await failure(driver().send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).toContain(code);
    expect(error.message).not.toContain(PHONE);
    expect(gw.requests).toHaveLength(1);
  });

  it('a 5xx without an Aliyun body is temporary', async () => {
    gw.answer(() => ({ status: 502, text: '<html>bad gateway</html>' }));
    const { error } = await failure(driver().send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).not.toContain(PHONE);
  });

  it('a refused connection is temporary', async () => {
    const { error } = await failure(driver(await closedPort()).send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).toBe('the gateway could not be reached (ECONNREFUSED)');
  });

  it('a gateway that never answers fails within the timeout', async () => {
    gw.answer(() => 'hang');
    const { error, ms } = await failure(driver(gw.host, 400).send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).toBe('the gateway did not answer within 400 ms');
    expect(ms).toBeGreaterThanOrEqual(350);
    expect(ms).toBeLessThan(3_000);
  });

  it("the caller's signal ends the wait at once although the SDK takes none", async () => {
    gw.answer(() => 'hang');
    const caller = new AbortController();
    const sending = failure(driver(gw.host, 60_000).send(sms, caller.signal));
    await gw.received();
    caller.abort(new Error('lease lost'));
    const { error, ms } = await sending;
    expect(error.message).toBe('the call was aborted (lease lost)');
    expect(ms).toBeLessThan(5_000);
  });
});
