// What the gateway drivers share: one deadline per call whatever the SDK does with signals, and
// error texts that never carry the citizen's number.
import { SmsRejected, scrub } from './sms-driver.js';

export { scrub };

/**
 * Runs `call` with a signal that fires when the caller's does or after `timeoutMs`, and settles as
 * soon as it fires even if the call ignores it (an SDK without abort): a late answer is dropped.
 * Either way it is a plain Error, so the message is retried.
 */
export function withDeadline<T>(signal: AbortSignal, timeoutMs: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      const why = signal.aborted ? `the call was aborted (${reasonText(signal.reason)})` : `the gateway did not answer within ${timeoutMs} ms`;
      reject(new Error(why));
    };
    if (deadline.aborted) return onAbort();
    // Added before the call starts, so this listener runs before the SDK's own: its "aborted" error
    // comes later and is ignored.
    deadline.addEventListener('abort', onAbort, { once: true });
    let started: Promise<T>;
    try {
      started = call(deadline);
    } catch (e) {
      started = Promise.reject(e);
    }
    started.then(resolve, reject).finally(() => deadline.removeEventListener('abort', onAbort));
  });
}

function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.name === 'TimeoutError' ? 'timed out' : reason.message;
  return String(reason ?? 'no reason');
}


/**
 * The error for a gateway's answer code: SmsRejected when the code is about this message (so it is
 * not retried), else a plain Error (retried with backoff). The number never appears in it.
 */
export function gatewayError(code: string, message: string, permanent: ReadonlySet<string>, to: string): Error {
  const text = scrub(message || code, to).slice(0, 200);
  return permanent.has(code) ? new SmsRejected(text, code) : new Error(`${code}: ${text}`);
}

/** An error thrown by an SDK or fetch, as a temporary Error whose text has no number in it. */
export function temporary(error: unknown, to: string): Error {
  const err = error as { code?: unknown; cause?: { code?: unknown }; message?: unknown } | null;
  // A socket error (ECONNREFUSED, ETIMEDOUT …) says enough; the SDKs' own texts repeat the request URL.
  const errno = [err?.code, err?.cause?.code].find((c): c is string => typeof c === 'string' && /^E[A-Z_]+$/.test(c));
  if (errno) return new Error(`the gateway could not be reached (${errno})`);
  const text = typeof err?.message === 'string' ? err.message : String(error);
  return new Error(scrub(text, to).slice(0, 200));
}
