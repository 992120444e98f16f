// Text messages to citizens: which gateway (SMS_DRIVER and its settings), the wording
// (SMS_TEMPLATES_FILE), when they may go out (QUIET_HOURS, REMINDER_*), what links point at
// (PUBLIC_URL) and how long a phone number is kept (CONTACT_RETENTION_DAYS). Problems are appended
// to `problems`; config.ts reports them all at once.
import { readFileSync } from 'node:fs';
import { DEFAULT_QUIET_HOURS, DEFAULT_REMINDERS, type QuietHours, type ReminderPlan, parseQuietHours } from '../../domain/delivery.js';
import { type MessageTemplates, DEFAULT_TEMPLATES, mergeTemplates, templateProblems } from '../../domain/messages.js';
import { wholeNumber } from '../env-number.js';
import { type SmsDriverConfig, smsDriverConfigFromEnv } from './sms-driver-config.js';

export interface MessagingOptions {
  sms: SmsDriverConfig;
  templates: MessageTemplates;
  /** Reminders wait while it is quiet on the hall's clock (QUIET_HOURS, default 21:00-08:00; "off"). */
  quietHours: QuietHours | null;
  reminders: ReminderPlan;
  /** 即将到号: a message when this many people are ahead (SMS_SOON_AHEAD, default 3; 0 = off). */
  soonAhead: number;
  /** The address citizens open links at (PUBLIC_URL), e.g. https://yuyue.example.gov.cn. */
  publicUrl: string;
  /** Days after a booking's day its encrypted phone is erased (CONTACT_RETENTION_DAYS, default 30). */
  contactRetentionDays: number;
  /** How long a sender's claim on a message lasts (SMS_LEASE_SECONDS, default 60): after it, another sender may send it. */
  leaseMs: number;
  /** BOOKING_VERIFY=sms: a 短信验证码 before booking and cancelling (default with a real SMS_DRIVER; off with `log`). */
  verifyPhone: boolean;
  /** Run the senders in this process (SMS_SENDER, default on; off for an instance that only serves). */
  sender: boolean;
  /** Run the webhook deliverers in this process (WEBHOOK_SENDER, default on; off for an instance that only serves). */
  webhookSender: boolean;
}


function templatesFrom(file: string | undefined, problems: string[]): MessageTemplates {
  if (!file) return DEFAULT_TEMPLATES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`SMS_TEMPLATES_FILE ${file} could not be read as JSON (${(e as Error).message})`);
    return DEFAULT_TEMPLATES;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`SMS_TEMPLATES_FILE ${file} must hold an object such as {"ticket.called": {"zh": "请{callNumber}号到{counter}号窗口"}}`);
    return DEFAULT_TEMPLATES;
  }
  const found = templateProblems(parsed as Record<string, Record<string, string>>);
  for (const p of found) problems.push(`SMS_TEMPLATES_FILE ${file}: ${p}`);
  return found.length > 0 ? DEFAULT_TEMPLATES : mergeTemplates(parsed as Partial<MessageTemplates>);
}

function reminderPlan(env: NodeJS.ProcessEnv, problems: string[]): ReminderPlan {
  const raw = (env.REMINDER_DAY_BEFORE_AT ?? '').trim();
  let dayBeforeAt = DEFAULT_REMINDERS.dayBeforeAt;
  if (raw === 'off') dayBeforeAt = null;
  else if (raw !== '') {
    if (/^([01]\d|2[0-3]):[0-5]\d$/.test(raw)) dayBeforeAt = raw;
    else problems.push(`REMINDER_DAY_BEFORE_AT must be a time such as 18:00, or off (got "${raw}")`);
  }
  return { dayBeforeAt, beforeMinutes: wholeNumber(env, 'REMINDER_BEFORE_MINUTES', DEFAULT_REMINDERS.beforeMinutes, 0, 24 * 60, problems) };
}

function publicUrlFrom(env: NodeJS.ProcessEnv, problems: string[]): string {
  const raw = (env.PUBLIC_URL ?? '').trim();
  if (raw === '') return `http://localhost:${env.PORT || '8080'}`;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    return raw.replace(/\/+$/, '');
  } catch {
    problems.push(`PUBLIC_URL must be the address citizens open, such as https://yuyue.example.gov.cn (got "${raw}")`);
    return 'http://localhost:8080';
  }
}

export function messagingOptionsFromEnv(env: NodeJS.ProcessEnv, problems: string[]): MessagingOptions {
  const options = messagingOptions(env, problems);
  const verify = (env.BOOKING_VERIFY ?? '').trim();
  if (verify !== '' && verify !== 'sms' && verify !== 'off') problems.push(`BOOKING_VERIFY must be sms or off (got "${verify}")`);
  options.verifyPhone = verify === '' ? options.sms.driver !== 'log' : verify === 'sms';
  // The log driver writes messages, codes included, to the log: fine on a developer's machine only.
  if (options.verifyPhone && options.sms.driver === 'log' && env.NODE_ENV === 'production') {
    problems.push('BOOKING_VERIFY=sms needs a real SMS_DRIVER (http, aliyun or tencent) when NODE_ENV=production: the log driver would write the codes to the log');
  }
  if (options.leaseMs <= options.sms.timeoutMs) {
    problems.push(`SMS_LEASE_SECONDS (${options.leaseMs / 1000}) must be longer than SMS_TIMEOUT_MS (${options.sms.timeoutMs} ms): a message still being sent must not be taken by another sender`);
  }
  return options;
}

function messagingOptions(env: NodeJS.ProcessEnv, problems: string[]): MessagingOptions {
  const quietRaw = env.QUIET_HOURS ?? '';
  let quietHours: QuietHours | null = DEFAULT_QUIET_HOURS;
  if (quietRaw.trim() !== '') {
    const parsed = parseQuietHours(quietRaw);
    if (parsed === 'invalid') problems.push(`QUIET_HOURS must be a period such as 21:00-08:00, or off (got "${quietRaw}")`);
    else quietHours = parsed;
  }
  const senderRaw = (env.SMS_SENDER ?? 'on').trim().toLowerCase();
  if (!['on', 'off'].includes(senderRaw)) problems.push(`SMS_SENDER must be on or off (got "${env.SMS_SENDER}")`);
  const webhookRaw = (env.WEBHOOK_SENDER ?? 'on').trim().toLowerCase();
  if (!['on', 'off'].includes(webhookRaw)) problems.push(`WEBHOOK_SENDER must be on or off (got "${env.WEBHOOK_SENDER}")`);
  return {
    sms: smsDriverConfigFromEnv(env, problems),
    templates: templatesFrom(env.SMS_TEMPLATES_FILE, problems),
    quietHours,
    reminders: reminderPlan(env, problems),
    soonAhead: wholeNumber(env, 'SMS_SOON_AHEAD', 3, 0, 50, problems),
    publicUrl: publicUrlFrom(env, problems),
    contactRetentionDays: wholeNumber(env, 'CONTACT_RETENTION_DAYS', 30, 1, 3650, problems),
    leaseMs: wholeNumber(env, 'SMS_LEASE_SECONDS', 60, 2, 3600, problems) * 1000,
    sender: senderRaw !== 'off',
    webhookSender: webhookRaw !== 'off',
    verifyPhone: false,
  };
}
