import { describe, expect, it } from 'vitest';
import { MESSAGE_KINDS } from '../../domain/messages.js';
import { type SmsDriverConfig, smsDriverConfigFromEnv } from './sms-driver-config.js';

function parse(env: Record<string, string>): { config: SmsDriverConfig; problems: string[] } {
  const problems: string[] = [];
  return { config: smsDriverConfigFromEnv(env, problems), problems };
}

const allKinds = (code: (i: number) => string) => MESSAGE_KINDS.map((kind, i) => `${kind}=${code(i)}`).join(',');

describe('SMS driver settings', () => {
  it('defaults to the log driver with a 10 s timeout', () => {
    expect(parse({})).toEqual({ config: { driver: 'log', timeoutMs: 10_000 }, problems: [] });
    expect(parse({ SMS_DRIVER: 'log', SMS_TIMEOUT_MS: '2500' }).config).toEqual({ driver: 'log', timeoutMs: 2500 });
  });

  it('names an unknown driver and a bad timeout', () => {
    expect(parse({ SMS_DRIVER: 'carrier-pigeon', SMS_TIMEOUT_MS: '10s' }).problems).toEqual([
      'SMS_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000 (got "10s")',
      'SMS_DRIVER must be one of log, http, aliyun, tencent (got "carrier-pigeon")',
    ]);
  });

  it('http: lists every missing setting', () => {
    expect(parse({ SMS_DRIVER: 'http' }).problems).toEqual(['SMS_HTTP_URL is required with SMS_DRIVER=http', 'SMS_HTTP_SECRET is required with SMS_DRIVER=http']);
  });

  it('http: a bad URL and a short secret are named without echoing either', () => {
    const { problems } = parse({ SMS_DRIVER: 'http', SMS_HTTP_URL: 'ftp://gw.example/send?token=s3cr3t', SMS_HTTP_SECRET: 'short-pw' });
    expect(problems).toEqual([
      'SMS_HTTP_URL must be an http:// or https:// URL without user:password@',
      'SMS_HTTP_SECRET must be at least 16 characters (openssl rand -hex 32 makes one)',
    ]);
    expect(problems.join('\n')).not.toMatch(/s3cr3t|short-pw/);
  });

  it('http: a good setting', () => {
    const env = { SMS_DRIVER: 'http', SMS_HTTP_URL: 'https://sms.hall.example/v1/send', SMS_HTTP_SECRET: 'a'.repeat(32), SMS_TIMEOUT_MS: '5000' };
    expect(parse(env)).toEqual({ config: { driver: 'http', timeoutMs: 5000, url: env.SMS_HTTP_URL, secret: env.SMS_HTTP_SECRET }, problems: [] });
  });

  it('aliyun: names every missing setting and every kind without a template, never a secret', () => {
    const { problems } = parse({ SMS_DRIVER: 'aliyun', SMS_ALIYUN_ACCESS_KEY_SECRET: 'TopSecretValue123', SMS_ALIYUN_TEMPLATES: 'booking.confirmed=SMS_1,ticket.called=SMS_2' });
    expect(problems).toEqual([
      'SMS_ALIYUN_ACCESS_KEY_ID is required with SMS_DRIVER=aliyun',
      'SMS_ALIYUN_SIGN_NAME is required with SMS_DRIVER=aliyun',
      'SMS_ALIYUN_TEMPLATES needs a template for every message kind; missing: booking.reminder_day, booking.reminder_hour, booking.cancelled, booking.hall_closed, ticket.soon, ticket.passed, verify.code, waitlist.offer, rating.invite',
    ]);
    expect(problems.join('\n')).not.toContain('TopSecretValue123');
    expect(parse({ SMS_DRIVER: 'aliyun' }).problems).toContain(`SMS_ALIYUN_TEMPLATES needs a template for every message kind; missing: ${MESSAGE_KINDS.join(', ')}`);
  });

  it('aliyun: templates as JSON or kind=code, the endpoint as a host or a URL', () => {
    const json = JSON.stringify(Object.fromEntries(MESSAGE_KINDS.map((kind, i) => [kind, `SMS_${100 + i}`])));
    const base = { SMS_DRIVER: 'aliyun', SMS_ALIYUN_ACCESS_KEY_ID: 'LTAIid', SMS_ALIYUN_ACCESS_KEY_SECRET: 'sk', SMS_ALIYUN_SIGN_NAME: '微预约' };
    const fromJson = parse({ ...base, SMS_ALIYUN_TEMPLATES: json });
    const fromPairs = parse({ ...base, SMS_ALIYUN_TEMPLATES: allKinds((i) => `SMS_${100 + i}`).replaceAll(',', ',\n '), SMS_ALIYUN_ENDPOINT: 'http://127.0.0.1:9000' });
    expect(fromJson.problems).toEqual([]);
    expect(fromPairs.problems).toEqual([]);
    expect(fromJson.config).toMatchObject({ driver: 'aliyun', signName: '微预约', endpoint: { host: 'dysmsapi.aliyuncs.com', protocol: 'https' } });
    expect(fromPairs.config).toMatchObject({ endpoint: { host: '127.0.0.1:9000', protocol: 'http' } });
    expect(fromJson.config.driver === 'aliyun' && fromJson.config.templates).toEqual(fromPairs.config.driver === 'aliyun' && fromPairs.config.templates);
    expect(fromJson.config.driver === 'aliyun' && fromJson.config.templates['ticket.called']).toBe('SMS_106');
  });

  it('aliyun: an unknown kind, a bad code, bad JSON and a bad endpoint are each named', () => {
    const base = { SMS_DRIVER: 'aliyun', SMS_ALIYUN_ACCESS_KEY_ID: 'id', SMS_ALIYUN_ACCESS_KEY_SECRET: 'sk', SMS_ALIYUN_SIGN_NAME: 's' };
    expect(parse({ ...base, SMS_ALIYUN_TEMPLATES: `${allKinds(() => 'SMS_1')},ticket.gone=SMS_9,oops` }).problems).toEqual([
      'SMS_ALIYUN_TEMPLATES: "oops" is not kind=code (such as booking.confirmed=SMS_123456789)',
      'SMS_ALIYUN_TEMPLATES: unknown message kind "ticket.gone" (known: booking.confirmed, booking.reminder_day, booking.reminder_hour, booking.cancelled, booking.hall_closed, ticket.soon, ticket.called, ticket.passed, verify.code, waitlist.offer, rating.invite)',
    ]);
    expect(parse({ ...base, SMS_ALIYUN_TEMPLATES: allKinds((i) => (i === 0 ? 'SMS 1' : 'SMS_1')) }).problems).toEqual([
      'SMS_ALIYUN_TEMPLATES: the template of booking.confirmed must look like SMS_123456789 (got "SMS 1")',
    ]);
    expect(parse({ ...base, SMS_ALIYUN_TEMPLATES: '{"booking.confirmed":' }).problems).toEqual([
      'SMS_ALIYUN_TEMPLATES is not valid JSON: use {"booking.confirmed":"SMS_123456789",…} or booking.confirmed=SMS_123456789,…',
    ]);
    expect(parse({ ...base, SMS_ALIYUN_TEMPLATES: allKinds(() => 'SMS_1'), SMS_ALIYUN_ENDPOINT: 'https://dysmsapi.aliyuncs.com/path' }).problems).toEqual([
      'SMS_ALIYUN_ENDPOINT must be a host name such as dysmsapi.aliyuncs.com (or https://host:port; http://host:port for a local gateway) (got "https://dysmsapi.aliyuncs.com/path")',
    ]);
  });

  it('tencent: names every missing setting; the region defaults to ap-guangzhou', () => {
    const { problems } = parse({ SMS_DRIVER: 'tencent', SMS_TENCENT_SECRET_KEY: 'TencentSecretKey42', SMS_TENCENT_SDK_APP_ID: 'app-1' });
    expect(problems).toEqual([
      'SMS_TENCENT_SECRET_ID is required with SMS_DRIVER=tencent',
      'SMS_TENCENT_SDK_APP_ID must be the SmsSdkAppId, digits such as 1400000000 (got "app-1")',
      'SMS_TENCENT_SIGN_NAME is required with SMS_DRIVER=tencent',
      `SMS_TENCENT_TEMPLATES needs a template for every message kind; missing: ${MESSAGE_KINDS.join(', ')}`,
    ]);
    expect(problems.join('\n')).not.toContain('TencentSecretKey42');
    const ok = parse({
      SMS_DRIVER: 'tencent',
      SMS_TENCENT_SECRET_ID: 'AKID',
      SMS_TENCENT_SECRET_KEY: 'key',
      SMS_TENCENT_SDK_APP_ID: '1400000000',
      SMS_TENCENT_SIGN_NAME: '微预约',
      SMS_TENCENT_TEMPLATES: allKinds((i) => String(2000 + i)),
    });
    expect(ok.problems).toEqual([]);
    expect(ok.config).toMatchObject({ region: 'ap-guangzhou', endpoint: { host: 'sms.tencentcloudapi.com', protocol: 'https' } });
  });

  it('tencent: template ids are digits, the region looks like one', () => {
    const env = { SMS_DRIVER: 'tencent', SMS_TENCENT_SECRET_ID: 'a', SMS_TENCENT_SECRET_KEY: 'k', SMS_TENCENT_SDK_APP_ID: '1', SMS_TENCENT_SIGN_NAME: 's' };
    expect(parse({ ...env, SMS_TENCENT_TEMPLATES: allKinds((i) => (i === 7 ? 'SMS_7' : '7')), SMS_TENCENT_REGION: 'Guangzhou' }).problems).toEqual([
      'SMS_TENCENT_TEMPLATES: the template of ticket.passed must look like 1234567 (got "SMS_7")',
      'SMS_TENCENT_REGION must be a region such as ap-guangzhou (got "Guangzhou")',
    ]);
  });
});
