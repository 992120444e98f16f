// From the environment to a sent message: SMS_DRIVER and its settings, as an operator writes them,
// build a driver that reaches the gateway they name (here a local fake on plain HTTP).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_KINDS } from '../../src/domain/messages.js';
import { smsDriverFor } from '../../src/server/messaging/drivers.js';
import type { OutgoingSms } from '../../src/server/messaging/sms-driver.js';
import { smsDriverConfigFromEnv } from '../../src/server/messaging/sms-driver-config.js';
import { type FakeSmsGateway, startFakeSmsGateway } from '../support/fake-sms-gateway.js';

const sms: OutgoingSms = {
  id: 5,
  to: '13700000005',
  kind: 'ticket.called',
  lang: 'en',
  text: '[V-Reserve] Number Y012, please go to counter 3 (City Hall).',
  params: { callNumber: 'Y012', counter: '3', hall: 'City Hall' },
};

function driverFrom(env: Record<string, string>, log: (fields: Record<string, unknown>, msg: string) => void = () => {}) {
  const problems: string[] = [];
  const config = smsDriverConfigFromEnv(env, problems);
  expect(problems).toEqual([]);
  return smsDriverFor(config, log);
}

describe('SMS drivers from the environment', () => {
  let gw: FakeSmsGateway;
  beforeAll(async () => {
    gw = await startFakeSmsGateway();
  });
  afterAll(() => gw.close());

  it('log (the default) writes the message with the number masked', async () => {
    const lines: Record<string, unknown>[] = [];
    const driver = driverFrom({}, (fields) => lines.push(fields));
    expect(driver.name).toBe('log');
    expect(await driver.send(sms, new AbortController().signal)).toEqual({ gatewayId: 'log-5' });
    expect(JSON.stringify(lines)).not.toContain(sms.to);
    expect(lines[0]).toMatchObject({ notification: 5, kind: 'ticket.called', text: sms.text });
  });

  it('http', async () => {
    gw.answer(() => ({ status: 200, json: { id: 'h-1' } }));
    const driver = driverFrom({ SMS_DRIVER: 'http', SMS_HTTP_URL: `${gw.url}/send`, SMS_HTTP_SECRET: 'x'.repeat(32) });
    expect(await driver.send(sms, new AbortController().signal)).toEqual({ gatewayId: 'h-1' });
    expect((await gw.received(1)).url.pathname).toBe('/send');
  });

  it('aliyun', async () => {
    gw.answer(() => ({ status: 200, json: { Code: 'OK', BizId: 'biz-1', RequestId: 'r' } }));
    const driver = driverFrom({
      SMS_DRIVER: 'aliyun',
      SMS_ALIYUN_ACCESS_KEY_ID: 'id',
      SMS_ALIYUN_ACCESS_KEY_SECRET: 'secret',
      SMS_ALIYUN_SIGN_NAME: '微预约',
      SMS_ALIYUN_TEMPLATES: MESSAGE_KINDS.map((kind, i) => `${kind}=SMS_${i}`).join(','),
      SMS_ALIYUN_ENDPOINT: gw.url,
    });
    expect(await driver.send(sms, new AbortController().signal)).toEqual({ gatewayId: 'biz-1' });
    expect((await gw.received(2)).url.searchParams.get('TemplateCode')).toBe('SMS_6');
  });

  it('tencent', async () => {
    gw.answer(() => ({ status: 200, json: { Response: { SendStatusSet: [{ Code: 'Ok', SerialNo: 's-1' }], RequestId: 'r' } } }));
    const driver = driverFrom({
      SMS_DRIVER: 'tencent',
      SMS_TENCENT_SECRET_ID: 'id',
      SMS_TENCENT_SECRET_KEY: 'key',
      SMS_TENCENT_SDK_APP_ID: '1400000001',
      SMS_TENCENT_SIGN_NAME: '微预约',
      SMS_TENCENT_TEMPLATES: JSON.stringify(Object.fromEntries(MESSAGE_KINDS.map((kind, i) => [kind, String(100 + i)]))),
      SMS_TENCENT_ENDPOINT: gw.url,
    });
    expect(await driver.send(sms, new AbortController().signal)).toEqual({ gatewayId: 's-1' });
    expect(JSON.parse((await gw.received(3)).rawBody)).toMatchObject({ TemplateId: '106', TemplateParamSet: ['Y012', '3', 'City Hall'] });
  });
});
