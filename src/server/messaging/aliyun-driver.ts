// SMS_DRIVER=aliyun: 阿里云短信服务 SendSms (dysmsapi 2017-05-25) through the official SDK, with an
// approved template per message kind and the message's variables as TemplateParam.
import { createRequire } from 'node:module';
import { gatewayError, temporary, withDeadline } from './gateway-driver.js';
import type { OutgoingSms, SmsDriver } from './sms-driver.js';
import type { SmsDriverConfig } from './sms-driver-config.js';

// The SDK is CommonJS with an __esModule default that Node's ESM loader and Vite's interop read
// differently; require() gives the same module.exports everywhere. It is required when the driver is
// built, not when this module loads: the SDK takes about 25 MB and 2 s to load, and a server on
// another driver (the default is log) never needs it.
const require = createRequire(import.meta.url);

/** The checked settings of SMS_DRIVER=aliyun (sms-driver-config.ts). */
export type AliyunDriverOptions = Omit<Extract<SmsDriverConfig, { driver: 'aliyun' }>, 'driver'>;

/**
 * Codes that refuse this message itself: sending it again unchanged cannot succeed. A bad or
 * blocked number, a sign or template that is not (or no longer) approved, variables the template
 * does not take or that break its rules, words the carrier blocks. Retrying would only repeat the
 * refusal, and the sender's log shows the code so an operator can fix the template or sign.
 *
 * Deliberately NOT here (retried with backoff): throttling (isv.BUSINESS_LIMIT_CONTROL: at most so
 * many messages a minute/hour/day to one number; isv.DAY_LIMIT_CONTROL; Throttling.*), Aliyun's own
 * faults (isp.SYSTEM_ERROR, ServiceUnavailable), and account-wide problems (isv.AMOUNT_NOT_ENOUGH,
 * isv.OUT_OF_SERVICE, isp.RAM_PERMISSION_DENY, InvalidAccessKeyId.*, SignatureDoesNotMatch …):
 * they are about the account, not the message, and once an operator tops up or fixes the key the
 * waiting messages go out rather than all having been thrown away. Unknown codes are retried too.
 */
const PERMANENT = new Set([
  'isv.MOBILE_NUMBER_ILLEGAL',
  'isv.MOBILE_COUNT_OVER_LIMIT',
  'isv.DOMESTIC_NUMBER_NOT_SUPPORTED',
  'isv.CUSTOMER_REFUSED',
  'isv.SMS_TEMPLATE_ILLEGAL',
  'isv.SMS_SIGNATURE_ILLEGAL',
  'isv.SMS_SIGN_ILLEGAL',
  'isv.SMS_SIGNATURE_SCENE_ILLEGAL',
  'isv.SMS_CONTENT_ILLEGAL',
  'isv.BLACK_KEY_CONTROL_LIMIT',
  'isv.TEMPLATE_MISSING_PARAMETERS',
  'isv.TEMPLATE_PARAMS_ILLEGAL',
  'isv.INVALID_JSON_PARAM',
  'isv.INVALID_PARAMETERS',
  'isv.PARAM_LENGTH_LIMIT',
  'isv.PARAM_NOT_SUPPORT_URL',
]);

/** What SendSms answers (the SDK's model, narrowed to what is read). */
interface SendSmsBody {
  code?: string;
  message?: string;
  bizId?: string;
}

export function aliyunDriver(options: AliyunDriverOptions): SmsDriver {
  const dysms = require('@alicloud/dysmsapi20170525') as typeof import('@alicloud/dysmsapi20170525');
  const { $OpenApiUtil } = require('@alicloud/openapi-core') as typeof import('@alicloud/openapi-core');
  const client = new dysms.default(
    new $OpenApiUtil.Config({
      accessKeyId: options.accessKeyId,
      accessKeySecret: options.accessKeySecret,
      endpoint: options.endpoint.host,
      protocol: options.endpoint.protocol,
      // The SDK takes no AbortSignal: its own timeouts end the socket, withDeadline ends the wait.
      connectTimeout: Math.min(options.timeoutMs, 5_000),
      readTimeout: options.timeoutMs,
    }),
  );
  return {
    name: 'aliyun',
    async send(sms: OutgoingSms, signal: AbortSignal) {
      const request = new dysms.SendSmsRequest({
        phoneNumbers: sms.to,
        signName: options.signName,
        templateCode: options.templates[sms.kind],
        templateParam: JSON.stringify(sms.params),
        outId: String(sms.id),
      });
      const body = await withDeadline(signal, options.timeoutMs, async () => {
        try {
          return ((await client.sendSms(request)).body ?? {}) as SendSmsBody;
        } catch (e) {
          throw sdkError(e, sms.to);
        }
      });
      if (body.code === 'OK' && body.bizId) return { gatewayId: body.bizId };
      throw gatewayError(body.code || 'NO_CODE', body.message || 'SendSms answered without OK', PERMANENT, sms.to);
    },
  };
}

/** The SDK throws ClientError / ServerError / ThrottlingError with Aliyun's code for answers that are not 2xx. */
function sdkError(e: unknown, to: string): Error {
  const err = e as { code?: unknown; data?: { Message?: unknown }; message?: string };
  if (typeof err?.code === 'string' && /^[A-Za-z]/.test(err.code) && err.data) {
    return gatewayError(err.code, String(err.data.Message ?? err.message ?? ''), PERMANENT, to);
  }
  return temporary(e, to);
}
