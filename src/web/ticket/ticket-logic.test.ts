import { describe, expect, it } from 'vitest';
import { FINAL_POLL_MS, HIDDEN_POLL_MS, NEAR_POLL_MS, POLL_MS, checkInMessage, isNewCall, pollDelay, tokenOfPath } from './ticket-logic.js';

describe('ticket page logic', () => {
  it('reads the token from the path', () => {
    expect(tokenOfPath('/t/AbCdEfGhIjKlMnOpQr_-12')).toBe('AbCdEfGhIjKlMnOpQr_-12');
    expect(tokenOfPath('/t/AbCdEfGhIjKlMnOpQr_-12/')).toBe('AbCdEfGhIjKlMnOpQr_-12');
    expect(tokenOfPath('/t')).toBe('');
    expect(tokenOfPath('/t/a/b')).toBe('');
  });

  it.each([
    [undefined, null, false, POLL_MS],
    ['booked', null, false, POLL_MS],
    ['waiting', 10, false, POLL_MS],
    ['waiting', 3, false, NEAR_POLL_MS],
    ['waiting', 0, true, HIDDEN_POLL_MS],
    ['called', null, false, NEAR_POLL_MS],
    ['serving', null, false, POLL_MS],
    ['no_show', null, false, POLL_MS],
    ['served', null, false, FINAL_POLL_MS],
    ['cancelled', null, true, FINAL_POLL_MS],
  ] as const)('poll %s (%s ahead, hidden %s) every %i ms', (state, waitingAhead, hidden, ms) => {
    expect(pollDelay(state === undefined ? undefined : { state, waitingAhead }, hidden)).toBe(ms);
  });

  it.each([
    [undefined, { state: 'called', callCount: 1 }, true],
    [{ state: 'waiting', callCount: 0 }, { state: 'called', callCount: 1 }, true],
    [{ state: 'called', callCount: 1 }, { state: 'called', callCount: 1 }, false],
    [{ state: 'called', callCount: 1 }, { state: 'called', callCount: 2 }, true],
    [{ state: 'called', callCount: 2 }, { state: 'serving', callCount: 2 }, false],
    [undefined, { state: 'waiting', callCount: 0 }, false],
  ] as const)('%j -> %j alerts: %s', (before, now, alert) => {
    expect(isNewCall(before, now)).toBe(alert);
  });

  it('says when check-in opens', () => {
    const base = { date: '2026-11-25', today: '2026-11-25', checkInOpensAt: '13:00' };
    expect(checkInMessage({ ...base, checkIn: 'too_early' })).toEqual({ key: 'ticket.checkInOpensToday', params: { opensAt: '13:00' } });
    expect(checkInMessage({ ...base, today: '2026-11-24', checkIn: 'too_early' })).toEqual({
      key: 'ticket.checkInOpensOn',
      params: { date: '2026-11-25', opensAt: '13:00' },
    });
    expect(checkInMessage({ ...base, checkIn: 'open' })?.key).toBe('ticket.checkInOpen');
    expect(checkInMessage({ ...base, checkIn: 'expired' })?.key).toBe('ticket.checkInExpired');
    expect(checkInMessage({ ...base, checkIn: null })).toBeNull();
  });
});
