// SMS_DRIVER=tencent: the official SDK talking plain HTTP (httpProfile.protocol 'http://') to a
// local fake of sms.tencentcloudapi.com's SendSms.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MESSAGE_KINDS, MESSAGE_VARIABLES } from '../../src/domain/messages.js';
import { type OutgoingSms, SmsRejected } from '../../src/server/messaging/sms-driver.js';
import type { TemplateCodes } from '../../src/server/messaging/sms-driver-config.js';
import { tencentDriver, tencentTemplateParams } from '../../src/server/messaging/tencent-driver.js';
import { type FakeSmsGateway, closedPort, failure, startFakeSmsGateway } from '../support/fake-sms-gateway.js';

const PHONE = '15012345678';
const SECRET_KEY = 'TencentSecretKey000000001';
const templates = Object.fromEntries(MESSAGE_KINDS.map((kind, i) => [kind, String(1_800_000 + i)])) as TemplateCodes;
const sms: OutgoingSms = {
  id: 77,
  to: PHONE,
  kind: 'ticket.soon',
  lang: 'zh',
  text: 'ignored by template gateways',
  params: { link: 'https://yuyue.example.gov.cn/t/Y012', hall: '市民中心', ahead: '3', service: '医社保办理', callNumber: 'Y012' },
};
const never = () => new AbortController().signal;
const status = (Code: string, over: Record<string, unknown> = {}) => ({
  status: 200,
  json: { Response: { SendStatusSet: [{ SerialNo: '2028:10293', PhoneNumber: `+86${PHONE}`, Fee: 1, SessionContext: '77', Code, Message: `status of +86${PHONE}`, IsoCode: 'CN', ...over }], RequestId: 'r' } },
});
const apiError = (Code: string) => ({ status: 200, json: { Response: { Error: { Code, Message: `error for +86${PHONE}` }, RequestId: 'r' } } });

describe('tencent SMS driver', () => {
  let gw: FakeSmsGateway;
  beforeAll(async () => {
    gw = await startFakeSmsGateway();
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    gw.requests.length = 0;
  });
  const driver = (host = gw.host, timeoutMs = 2_000) =>
    tencentDriver({
      secretId: 'AKIDtest',
      secretKey: SECRET_KEY,
      sdkAppId: '1400123456',
      signName: '微预约',
      templates,
      region: 'ap-shanghai',
      endpoint: { host, protocol: 'http' },
      timeoutMs,
    });

  it('template parameters follow MESSAGE_VARIABLES order, whatever order they were given in', () => {
    expect(tencentTemplateParams(sms)).toEqual(['Y012', '医社保办理', '3', '市民中心', 'https://yuyue.example.gov.cn/t/Y012']);
  });

  it("the README's table of Tencent parameter orders is the order sent", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const kind of MESSAGE_KINDS) {
      const row = readme.match(new RegExp(`^  \\| \`${kind.replace('.', '\\.')}\` \\| ([a-zA-Z, ]+) \\|$`, 'm'));
      expect(row?.[1]?.split(', '), kind).toEqual(MESSAGE_VARIABLES[kind]);
      const params = Object.fromEntries(MESSAGE_VARIABLES[kind].map((name) => [name, `<${name}>`]));
      expect(tencentTemplateParams({ kind, params })).toEqual(MESSAGE_VARIABLES[kind].map((name) => `<${name}>`));
    }
  });

  it('sends SendSms with the app, sign, template, ordered parameters, +86 number and SessionContext; SerialNo is the gateway id', async () => {
    gw.answer(() => status('Ok'));
    expect(await driver().send(sms, never())).toEqual({ gatewayId: '2028:10293' });
    expect(gw.requests).toHaveLength(1);
    const req = gw.requests[0]!;
    expect(req.headers['x-tc-action']).toBe('SendSms');
    expect(req.headers['x-tc-version']).toBe('2021-01-11');
    expect(req.headers['x-tc-region']).toBe('ap-shanghai');
    expect(req.headers.authorization).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDtest\//);
    expect(JSON.parse(req.rawBody)).toEqual({
      SmsSdkAppId: '1400123456',
      SignName: '微预约',
      TemplateId: '1800005',
      TemplateParamSet: ['Y012', '医社保办理', '3', '市民中心', 'https://yuyue.example.gov.cn/t/Y012'],
      PhoneNumberSet: [`+86${PHONE}`],
      SessionContext: '77',
    });
    expect(JSON.stringify(req.headers) + req.rawBody).not.toContain(SECRET_KEY);
  });

  it('a message missing a parameter is refused before anything is sent', async () => {
    const { error } = await failure(driver().send({ ...sms, params: { callNumber: 'Y012' } }, never()));
    expect(error).toBeInstanceOf(SmsRejected);
    expect((error as SmsRejected).code).toBe('VRESERVE_MISSING_PARAMETER');
    expect(gw.requests).toHaveLength(0);
  });

  it.each(['InvalidParameterValue.IncorrectPhoneNumber', 'FailedOperation.PhoneNumberInBlacklist'])(
    'status %s refuses the message: SmsRejected, sent once, no number in the text',
    async (code) => {
      gw.answer(() => status(code));
      const { error } = await failure(driver().send(sms, never()));
      expect(error).toBeInstanceOf(SmsRejected);
      expect((error as SmsRejected).code).toBe(code);
      expect(error.message).toBe('status of +86***');
      expect(gw.requests).toHaveLength(1);
    },
  );

  it('an API error that refuses the message (template not approved) is SmsRejected', async () => {
    gw.answer(() => apiError('FailedOperation.TemplateIncorrectOrUnapproved'));
    const { error } = await failure(driver().send(sms, never()));
    expect(error).toBeInstanceOf(SmsRejected);
    expect((error as SmsRejected).code).toBe('FailedOperation.TemplateIncorrectOrUnapproved');
    expect(error.message).not.toContain(PHONE);
  });

  it.each([
    ['status', 'LimitExceeded.PhoneNumberOneHourLimit'],
    ['error', 'LimitExceeded.PhoneNumberDailyLimit'],
    ['error', 'InternalError.Timeout'],
    ['error', 'FailedOperation.InsufficientBalanceInSmsPackage'],
    ['error', 'AuthFailure.SignatureFailure'],
  ])('%s %s is temporary and tried once', async (where, code) => {
    gw.answer(() => (where === 'status' ? status(code) : apiError(code)));
    const { error } = await failure(driver().send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).toContain(code);
    expect(error.message).not.toContain(PHONE);
    expect(gw.requests).toHaveLength(1);
  });

  it('HTTP 5xx is temporary', async () => {
    gw.answer(() => ({ status: 502, text: 'bad gateway' }));
    const { error } = await failure(driver().send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).toMatch(/^HTTP_502/);
  });

  it('a refused connection is temporary', async () => {
    const { error } = await failure(driver(await closedPort()).send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('a gateway that never answers fails within the timeout', async () => {
    gw.answer(() => 'hang');
    const { error, ms } = await failure(driver(gw.host, 400).send(sms, never()));
    expect(error).not.toBeInstanceOf(SmsRejected);
    expect(error.message).toBe('the gateway did not answer within 400 ms');
    expect(ms).toBeGreaterThanOrEqual(350);
    expect(ms).toBeLessThan(3_000);
  });

  it("the caller's signal ends the call at once", async () => {
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
