// SMS_DRIVER=tencent: 腾讯云短信 SendSms (sms 2021-01-11) through the official SDK. Tencent
// templates take an ordered list {1},{2},…: the order is MESSAGE_VARIABLES' order for the kind
// (tencentTemplateParams), listed in the README so a hall can write its templates to match.
import { createRequire } from 'node:module';
import { MESSAGE_VARIABLES } from '../../domain/messages.js';
import { gatewayError, temporary, withDeadline } from './gateway-driver.js';
import { type OutgoingSms, type SmsDriver, SmsRejected } from './sms-driver.js';
import type { SmsDriverConfig } from './sms-driver-config.js';

// CommonJS with an __esModule flag: require() reads it the same under Node and under Vite. Required
// when the driver is built: a server on another driver does not load the SDK.
const require = createRequire(import.meta.url);

/** The checked settings of SMS_DRIVER=tencent (sms-driver-config.ts). */
export type TencentDriverOptions = Omit<Extract<SmsDriverConfig, { driver: 'tencent' }>, 'driver'>;

/**
 * Codes that refuse this message itself (a bad or blacklisted number, a region Tencent does not
 * send to, a sign or template not approved, parameters the template does not accept, blocked
 * words): the same message would be refused again, so it is not retried.
 *
 * Retried with backoff: LimitExceeded.* (per-number and per-app frequency limits),
 * RequestLimitExceeded, InternalError.*, and account-wide problems (AuthFailure.*,
 * FailedOperation.InsufficientBalanceInSmsPackage, UnauthorizedOperation.*): they are about the
 * account, and the waiting messages should go out once an operator has fixed it. Unknown codes too.
 */
const PERMANENT = new Set([
  'FailedOperation.PhoneNumberInBlacklist',
  'FailedOperation.PhoneNumberParseFail',
  'InvalidParameterValue.IncorrectPhoneNumber',
  'UnsupportedOperation.UnsupportedRegion',
  'FailedOperation.SignatureIncorrectOrUnapproved',
  'FailedOperation.TemplateIncorrectOrUnapproved',
  'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
  'FailedOperation.TemplateUnapprovedOrNotExist',
  'FailedOperation.ContainSensitiveWord',
  'FailedOperation.MissingSignature',
  'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter',
  'InvalidParameterValue.TemplateParameterFormatError',
  'InvalidParameterValue.TemplateParameterLengthLimit',
  'InvalidParameterValue.ContentLengthLimit',
]);

/** The template parameters of a message in Tencent's order: MESSAGE_VARIABLES[kind], {1} first. */
export function tencentTemplateParams(sms: Pick<OutgoingSms, 'kind' | 'params'>): string[] {
  return MESSAGE_VARIABLES[sms.kind].map((name) => {
    const value = sms.params[name];
    // A gap would shift every later {n}: refuse rather than send wrong text.
    if (value === undefined) throw new SmsRejected(`message ${sms.kind} has no value for {${name}}`, 'VRESERVE_MISSING_PARAMETER');
    return value;
  });
}

export function tencentDriver(options: TencentDriverOptions): SmsDriver {
  const tencentcloud = require('tencentcloud-sdk-nodejs-sms') as typeof import('tencentcloud-sdk-nodejs-sms');
  const client = new tencentcloud.sms.v20210111.Client({
    credential: { secretId: options.secretId, secretKey: options.secretKey },
    region: options.region,
    profile: {
      httpProfile: {
        endpoint: options.endpoint.host,
        protocol: `${options.endpoint.protocol}://`,
        reqTimeout: Math.ceil(options.timeoutMs / 1000),
      },
    },
  });
  return {
    name: 'tencent',
    async send(sms: OutgoingSms, signal: AbortSignal) {
      const request = {
        SmsSdkAppId: options.sdkAppId,
        SignName: options.signName,
        TemplateId: options.templates[sms.kind],
        TemplateParamSet: tencentTemplateParams(sms),
        PhoneNumberSet: [`+86${sms.to}`],
        SessionContext: String(sms.id),
      };
      const answer = await withDeadline(signal, options.timeoutMs, async (deadline) => {
        try {
          // request() is SendSms with options: the SDK passes the signal on to its fetch.
          return (await client.request('SendSms', request, { signal: deadline })) as { SendStatusSet?: SendStatus[] };
        } catch (e) {
          throw sdkError(e, sms.to);
        }
      });
      const status = answer.SendStatusSet?.[0];
      if (status?.Code === 'Ok' && status.SerialNo) return { gatewayId: status.SerialNo };
      throw gatewayError(status?.Code || 'NO_STATUS', status?.Message || 'SendSms answered without a status', PERMANENT, sms.to);
    },
  };
}

interface SendStatus {
  SerialNo?: string;
  Code?: string;
  Message?: string;
}

/** The SDK throws TencentCloudSDKHttpException: with Tencent's code for an error answer, without for HTTP/network. */
function sdkError(e: unknown, to: string): Error {
  const err = e as { code?: unknown; message?: string; httpCode?: number };
  if (typeof err?.code === 'string' && err.code !== '') return gatewayError(err.code, err.message ?? '', PERMANENT, to);
  if (typeof err?.httpCode === 'number') return new Error(`HTTP_${err.httpCode}: ${temporary(e, to).message}`);
  return temporary(e, to);
}
