// The webhook form's rules, as the server checks them (so a mistake is shown before sending), and
// the body a draft becomes.
import { WEBHOOK_EVENTS, type WebhookEndpoint, type WebhookEvent } from '../../contracts/webhooks.js';

export interface WebhookDraft {
  url: string;
  events: WebhookEvent[];
  active: boolean;
  allHalls: boolean;
  secret: string;
}

export const EMPTY_WEBHOOK: WebhookDraft = { url: '', events: [], active: true, allHalls: false, secret: '' };

export function draftOf(e: WebhookEndpoint): WebhookDraft {
  return { url: e.url, events: [...e.events], active: e.active, allHalls: e.hallCode === null, secret: '' };
}

export type WebhookProblems = Partial<Record<'url' | 'events' | 'secret', 'INVALID' | 'REQUIRED' | 'SHORT'>>;

export function webhookProblems(d: WebhookDraft): WebhookProblems {
  const out: WebhookProblems = {};
  const url = d.url.trim();
  if (!/^https?:\/\/\S+$/i.test(url) || url.length > 500 || !parses(url)) out.url = 'INVALID';
  if (d.events.length === 0) out.events = 'REQUIRED';
  if (d.secret !== '' && !/^[\x21-\x7e]{16,200}$/.test(d.secret)) out.secret = 'SHORT';
  return out;
}

function parses(url: string): boolean {
  try {
    const u = new URL(url);
    return !u.username && !u.password;
  } catch {
    return false;
  }
}

/** The events in the order the form lists them. */
export function toggled(events: readonly WebhookEvent[], event: WebhookEvent, on: boolean): WebhookEvent[] {
  return WEBHOOK_EVENTS.filter((e) => (e === event ? on : events.includes(e)));
}
