import { describe, expect, it } from 'vitest';
import { offerState, offerTokenOfPath } from './offer-logic.js';

const offer = (status: 'held' | 'accepted' | 'expired' | 'released') => ({
  offer: { token: 'x'.repeat(22), slotStart: '09:00', slotEnd: '10:00', expiresAt: '', expiresAtLocal: '09:00', status },
});

describe('the offer page', () => {
  it('reads the token from /w/<token> only', () => {
    expect(offerTokenOfPath('/w/abcDEF_-123')).toBe('abcDEF_-123');
    expect(offerTokenOfPath('/w/abc/')).toBe('abc');
    expect(offerTokenOfPath('/w/')).toBe('');
    expect(offerTokenOfPath('/t/abc')).toBe('');
  });
  it('can be accepted only while held', () => {
    expect(offerState(offer('held'))).toBe('open');
    expect(offerState(offer('expired'))).toBe('expired');
    expect(offerState(offer('accepted'))).toBe('gone');
    expect(offerState(offer('released'))).toBe('gone');
  });
});
