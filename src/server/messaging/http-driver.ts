// SMS_DRIVER=http: a signed JSON POST to a hall's own gateway or a 政务短信平台 adapter.
// The receiver checks X-VReserve-Signature = "sha256=" + hex HMAC-SHA256(SMS_HTTP_SECRET,
// "<X-VReserve-Timestamp>.<raw body>") and dedupes on Idempotency-Key (the README has the scheme).
import { createHmac } from 'node:crypto';
import { gatewayError, scrub, temporary, withDeadline } from './gateway-driver.js';
import { type OutgoingSms, type SmsDriver, SmsRejected } from './sms-driver.js';

export interface HttpDriverOptions {
  url: string;
  secret: string;
  timeoutMs: number;
  /** Unix milliseconds; tests pass a fixed clock. */
  now?: () => number;
}

export const SIGNATURE_HEADER = 'x-vreserve-signature';
export const TIMESTAMP_HEADER = 'x-vreserve-timestamp';

/** The signature of a body sent at `timestamp` (unix seconds), as the header carries it. */
export function signHttpBody(secret: string, timestamp: number | string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export function httpDriver(options: HttpDriverOptions): SmsDriver {
  const now = options.now ?? Date.now;
  return {
    name: 'http',
    async send(sms: OutgoingSms, signal: AbortSignal) {
      const body = JSON.stringify({ id: sms.id, to: sms.to, kind: sms.kind, lang: sms.lang, text: sms.text, params: sms.params });
      const timestamp = Math.floor(now() / 1000);
      const headers = {
        'content-type': 'application/json; charset=utf-8',
        accept: 'application/json',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signHttpBody(options.secret, timestamp, body),
        'idempotency-key': `vreserve-${sms.id}`,
      };
      return withDeadline(signal, options.timeoutMs, async (deadline) => {
        let res: Response;
        try {
          // A redirect is not followed: the signed POST is meant for this URL only.
          res = await fetch(options.url, { method: 'POST', headers, body, signal: deadline, redirect: 'manual' });
        } catch (e) {
          throw temporary(e, sms.to);
        }
        const answer = await readAnswer(res);
        if (res.ok) {
          const id = answer.id;
          return { gatewayId: typeof id === 'string' || typeof id === 'number' ? String(id) : `http-${sms.id}` };
        }
        const message = scrub(String(answer.message ?? answer.error ?? res.statusText ?? ''), sms.to);
        if (refusesTheMessage(res.status)) {
          const code = typeof answer.code === 'string' || typeof answer.code === 'number' ? String(answer.code) : `HTTP_${res.status}`;
          throw new SmsRejected((message || `the gateway refused the message (HTTP ${res.status})`).slice(0, 200), code);
        }
        throw gatewayError(`HTTP_${res.status}`, message || `the gateway answered HTTP ${res.status}`, new Set(), sms.to);
      });
    },
  };
}

/**
 * 4xx is the gateway saying no to this message, except 408 and 429 ("not now") and 401/403: those
 * are about our key (a secret rotated on one side first), not the message, so the message waits
 * and goes out once the secret is fixed instead of being thrown away.
 */
function refusesTheMessage(status: number): boolean {
  return status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status);
}

/** The answer's JSON object, or {} when it is empty or not JSON (a proxy's HTML error page). */
async function readAnswer(res: Response): Promise<Record<string, unknown>> {
  const text = await res.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
