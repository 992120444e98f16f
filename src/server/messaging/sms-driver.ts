// What every SMS gateway driver does: send one message, say the gateway's id for it, or fail
// saying whether trying again could help. Drivers never log or keep the phone number.
import type { MessageKind, MessageLang } from '../../domain/messages.js';

export interface OutgoingSms {
  /** The notification's id: the gateway's OutId / the HTTP gateway's idempotency key. */
  id: number;
  /** 11-digit mainland mobile number, decrypted just for this call. */
  to: string;
  kind: MessageKind;
  lang: MessageLang;
  /** The rendered text (for gateways that take free text). */
  text: string;
  /** The template's variables (for gateways that take a template code and parameters). */
  params: Readonly<Record<string, string>>;
}

export interface SmsDriver {
  readonly name: string;
  /** Resolves with the gateway's message id. `signal` aborts a call that takes too long. */
  send(sms: OutgoingSms, signal: AbortSignal): Promise<{ gatewayId: string }>;
}

/**
 * The gateway refused the message itself (an invalid or blocked number, a template not approved):
 * sending it again cannot help, so it is marked failed at once. Any other error is retried.
 */
export class SmsRejected extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** `text` with the number (and so also +86number) blanked out. */
export function scrub(text: string, to: string): string {
  return to === '' ? text : text.split(to).join('***');
}

/** The error text kept in the log and the outbox: short, and never with the number in it. */
export function describeSmsError(error: unknown, to: string): string {
  const text = error instanceof Error ? `${error instanceof SmsRejected ? `${error.code}: ` : ''}${error.message}` : String(error);
  return scrub(text, to).slice(0, 300);
}
