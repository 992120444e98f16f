import { describe, expect, it } from 'vitest';
import { EMPTY_WEBHOOK, toggled, webhookProblems } from './webhooks-logic.js';

describe('the webhook form', () => {
  const ok = { ...EMPTY_WEBHOOK, url: 'https://receiver.example/in', events: ['ticket.called' as const] };

  it('takes an http(s) address and at least one event', () => {
    expect(webhookProblems(ok)).toEqual({});
    expect(webhookProblems({ ...ok, url: 'http://10.0.0.2:8080/x' })).toEqual({});
  });

  it.each(['', 'receiver.example', 'ftp://receiver.example', 'https://a b', 'https://u:p@receiver.example/'])('refuses the address "%s"', (url) => {
    expect(webhookProblems({ ...ok, url }).url).toBe('INVALID');
  });

  it('wants an event, and a given secret of 16 printable characters', () => {
    expect(webhookProblems({ ...ok, events: [] }).events).toBe('REQUIRED');
    expect(webhookProblems({ ...ok, secret: 'short' }).secret).toBe('SHORT');
    expect(webhookProblems({ ...ok, secret: 'sixteen chars ok' }).secret).toBe('SHORT');
    expect(webhookProblems({ ...ok, secret: 'sixteen-chars-ok' })).toEqual({});
  });

  it('keeps the chosen events in the list’s order', () => {
    expect(toggled(['ticket.called'], 'booking.created', true)).toEqual(['booking.created', 'ticket.called']);
    expect(toggled(['booking.created', 'ticket.called'], 'booking.created', false)).toEqual(['ticket.called']);
  });
});
