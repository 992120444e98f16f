// SMS_DRIVER and the settings of each gateway, checked at start with clear messages. Every problem
// is reported at once; a secret's value is never put in a message (only its name).
import { MESSAGE_KINDS, type MessageKind } from '../../domain/messages.js';

export const SMS_DRIVERS = ['log', 'http', 'aliyun', 'tencent'] as const;

/** Gateway endpoint: a host[:port], and whether it is reached over plain HTTP (an http:// URL). */
export interface GatewayEndpoint {
  host: string;
  protocol: 'https' | 'http';
}

/** A template code (Aliyun) or id (Tencent) for each message kind. */
export type TemplateCodes = Record<MessageKind, string>;

interface Common {
  /** How long one call to the gateway may take (SMS_TIMEOUT_MS, default 10 000). */
  timeoutMs: number;
}

export type SmsDriverConfig = Common &
  (
    | { driver: 'log' }
    | { driver: 'http'; url: string; secret: string }
    | {
        driver: 'aliyun';
        accessKeyId: string;
        accessKeySecret: string;
        signName: string;
        templates: TemplateCodes;
        endpoint: GatewayEndpoint;
      }
    | {
        driver: 'tencent';
        secretId: string;
        secretKey: string;
        sdkAppId: string;
        signName: string;
        templates: TemplateCodes;
        region: string;
        endpoint: GatewayEndpoint;
      }
  );

export const DEFAULT_SMS_TIMEOUT_MS = 10_000;
/** HMAC keys shorter than this are guessable; `openssl rand -hex 32` gives 64 characters. */
const MIN_HTTP_SECRET_LENGTH = 16;

export function smsDriverConfigFromEnv(env: NodeJS.ProcessEnv, problems: string[]): SmsDriverConfig {
  const timeoutMs = timeoutFrom(env, problems);
  const driver = (env.SMS_DRIVER ?? 'log').trim() || 'log';
  switch (driver) {
    case 'log':
      return { driver, timeoutMs };
    case 'http':
      return { driver, timeoutMs, ...httpSettings(env, problems) };
    case 'aliyun':
      return {
        driver,
        timeoutMs,
        accessKeyId: required(env, 'SMS_ALIYUN_ACCESS_KEY_ID', problems),
        accessKeySecret: required(env, 'SMS_ALIYUN_ACCESS_KEY_SECRET', problems),
        signName: required(env, 'SMS_ALIYUN_SIGN_NAME', problems),
        templates: templateCodes(env, 'SMS_ALIYUN_TEMPLATES', /^[A-Za-z0-9_]+$/, 'SMS_123456789', problems),
        endpoint: endpointFrom(env, 'SMS_ALIYUN_ENDPOINT', 'dysmsapi.aliyuncs.com', problems),
      };
    case 'tencent':
      return {
        driver,
        timeoutMs,
        secretId: required(env, 'SMS_TENCENT_SECRET_ID', problems),
        secretKey: required(env, 'SMS_TENCENT_SECRET_KEY', problems),
        sdkAppId: matching(env, 'SMS_TENCENT_SDK_APP_ID', /^\d+$/, 'the SmsSdkAppId, digits such as 1400000000', problems),
        signName: required(env, 'SMS_TENCENT_SIGN_NAME', problems),
        templates: templateCodes(env, 'SMS_TENCENT_TEMPLATES', /^\d+$/, '1234567', problems),
        region: matching(env, 'SMS_TENCENT_REGION', /^[a-z]+(-[a-z0-9]+)+$/, 'a region such as ap-guangzhou', problems, 'ap-guangzhou'),
        endpoint: endpointFrom(env, 'SMS_TENCENT_ENDPOINT', 'sms.tencentcloudapi.com', problems),
      };
    default:
      problems.push(`SMS_DRIVER must be one of ${SMS_DRIVERS.join(', ')} (got "${driver}")`);
      return { driver: 'log', timeoutMs };
  }
}

function timeoutFrom(env: NodeJS.ProcessEnv, problems: string[]): number {
  const raw = (env.SMS_TIMEOUT_MS ?? '').trim();
  if (raw === '') return DEFAULT_SMS_TIMEOUT_MS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 100 || n > 120_000) {
    problems.push(`SMS_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000 (got "${raw}")`);
    return DEFAULT_SMS_TIMEOUT_MS;
  }
  return n;
}

function required(env: NodeJS.ProcessEnv, name: string, problems: string[]): string {
  const value = (env[name] ?? '').trim();
  if (value === '') problems.push(`${name} is required with SMS_DRIVER=${env.SMS_DRIVER?.trim()}`);
  return value;
}

/** A setting that must match a pattern; its value is shown when wrong (never use this for secrets). */
function matching(env: NodeJS.ProcessEnv, name: string, pattern: RegExp, what: string, problems: string[], fallback?: string): string {
  const value = (env[name] ?? '').trim();
  if (value === '' && fallback !== undefined) return fallback;
  if (value === '') problems.push(`${name} is required with SMS_DRIVER=${env.SMS_DRIVER?.trim()}: ${what}`);
  else if (!pattern.test(value)) problems.push(`${name} must be ${what} (got "${value}")`);
  return value;
}

function httpSettings(env: NodeJS.ProcessEnv, problems: string[]): { url: string; secret: string } {
  const url = required(env, 'SMS_HTTP_URL', problems);
  if (url !== '') {
    let ok = false;
    try {
      const parsed = new URL(url);
      ok = (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.username === '' && parsed.password === '';
    } catch {}
    // The URL may carry a token in its query, so it is not echoed back.
    if (!ok) problems.push('SMS_HTTP_URL must be an http:// or https:// URL without user:password@');
  }
  const secret = required(env, 'SMS_HTTP_SECRET', problems);
  if (secret !== '' && secret.length < MIN_HTTP_SECRET_LENGTH) {
    problems.push(`SMS_HTTP_SECRET must be at least ${MIN_HTTP_SECRET_LENGTH} characters (openssl rand -hex 32 makes one)`);
  }
  return { url, secret };
}

/** A host[:port], or a URL: https://host[:port] or, for a local test gateway or proxy, http://host[:port]. */
function endpointFrom(env: NodeJS.ProcessEnv, name: string, fallback: string, problems: string[]): GatewayEndpoint {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return { host: fallback, protocol: 'https' };
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `https://${raw}`);
    const bare = url.pathname === '/' && url.search === '' && url.username === '' && url.password === '';
    if ((url.protocol === 'https:' || url.protocol === 'http:') && bare) {
      return { host: url.host, protocol: url.protocol === 'http:' ? 'http' : 'https' };
    }
  } catch {}
  problems.push(`${name} must be a host name such as ${fallback} (or https://host:port; http://host:port for a local gateway) (got "${raw}")`);
  return { host: fallback, protocol: 'https' };
}

/**
 * One template per message kind, as JSON {"booking.confirmed":"SMS_1",…} or as
 * booking.confirmed=SMS_1,ticket.called=SMS_2 (commas or new lines). Every kind needs one: a
 * message with no approved template could never be sent, so that is found at start, not at send.
 */
export function templateCodes(env: NodeJS.ProcessEnv, name: string, pattern: RegExp, example: string, problems: string[]): TemplateCodes {
  const raw = (env[name] ?? '').trim();
  const codes: Partial<Record<string, string>> = {};
  const before = problems.length;
  if (raw.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      for (const [kind, code] of Object.entries(parsed as Record<string, unknown>)) {
        if (typeof code === 'string' || typeof code === 'number') codes[kind] = String(code).trim();
        else problems.push(`${name}: the template of ${kind} must be a string such as "${example}"`);
      }
    } catch {
      problems.push(`${name} is not valid JSON: use {"booking.confirmed":"${example}",…} or booking.confirmed=${example},…`);
      return emptyCodes();
    }
  } else if (raw !== '') {
    for (const entry of raw.split(/[,\n]/).map((e) => e.trim()).filter((e) => e !== '')) {
      const eq = entry.indexOf('=');
      if (eq <= 0) problems.push(`${name}: "${entry}" is not kind=code (such as booking.confirmed=${example})`);
      else codes[entry.slice(0, eq).trim()] = entry.slice(eq + 1).trim();
    }
  }
  for (const [kind, code] of Object.entries(codes)) {
    if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) problems.push(`${name}: unknown message kind "${kind}" (known: ${MESSAGE_KINDS.join(', ')})`);
    else if (!pattern.test(code ?? '')) problems.push(`${name}: the template of ${kind} must look like ${example} (got "${code}")`);
  }
  const missing = MESSAGE_KINDS.filter((kind) => !codes[kind]);
  if (missing.length > 0) problems.push(`${name} needs a template for every message kind; missing: ${missing.join(', ')}`);
  return problems.length > before ? emptyCodes() : (codes as TemplateCodes);
}

function emptyCodes(): TemplateCodes {
  return Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, ''])) as TemplateCodes;
}
