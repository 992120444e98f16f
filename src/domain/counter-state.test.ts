import { describe, expect, it } from 'vitest';
import { nextCounterState, pauseRefusal, secondsWithin } from './counter-state.js';

describe('counter state', () => {
  it('pauses only an open counter; resumes a paused or closed one; closes any that is not closed', () => {
    expect(nextCounterState('open', 'pause')).toBe('paused');
    expect(nextCounterState('paused', 'pause')).toBeNull();
    expect(nextCounterState('closed', 'pause')).toBeNull();
    expect(nextCounterState('paused', 'resume')).toBe('open');
    expect(nextCounterState('closed', 'resume')).toBe('open');
    expect(nextCounterState('open', 'resume')).toBeNull();
    expect(nextCounterState('open', 'close')).toBe('closed');
    expect(nextCounterState('paused', 'close')).toBe('closed');
    expect(nextCounterState('closed', 'close')).toBeNull();
  });

  it('a pause for another reason needs a few words; notes are short', () => {
    expect(pauseRefusal({ reason: 'break' })).toBeNull();
    expect(pauseRefusal({ reason: 'other' })).toBe('NOTE_REQUIRED');
    expect(pauseRefusal({ reason: 'other', note: '   ' })).toBe('NOTE_REQUIRED');
    expect(pauseRefusal({ reason: 'other', note: '系统故障' })).toBeNull();
    expect(pauseRefusal({ reason: 'meeting', note: '长'.repeat(40) })).toBeNull();
    expect(pauseRefusal({ reason: 'meeting', note: '长'.repeat(41) })).toBe('NOTE_TOO_LONG');
  });
});

describe('time paused within a day', () => {
  const day = [new Date('2026-11-25T00:00:00Z'), new Date('2026-11-26T00:00:00Z')] as const;
  const late = new Date('2026-11-27T00:00:00Z');

  it('adds the pauses of the day', () => {
    const pauses = [
      { from: '2026-11-25T01:00:00Z', to: '2026-11-25T01:10:00Z' },
      { from: '2026-11-25T05:00:00Z', to: '2026-11-25T05:00:30Z' },
    ];
    expect(secondsWithin(pauses, ...day, late)).toBe(630);
  });

  it('clips pauses that cross midnight, and counts an open pause up to now', () => {
    const pauses = [
      { from: '2026-11-24T23:50:00Z', to: '2026-11-25T00:05:00Z' },
      { from: '2026-11-25T23:55:00Z', to: null },
    ];
    expect(secondsWithin(pauses, ...day, late)).toBe(5 * 60 + 5 * 60);
    expect(secondsWithin(pauses, ...day, new Date('2026-11-25T23:57:00Z'))).toBe(5 * 60 + 2 * 60);
  });

  it('counts overlapping pauses once', () => {
    const pauses = [
      { from: '2026-11-25T01:00:00Z', to: '2026-11-25T02:00:00Z' },
      { from: '2026-11-25T01:30:00Z', to: '2026-11-25T01:45:00Z' },
      { from: '2026-11-25T01:50:00Z', to: '2026-11-25T02:10:00Z' },
    ];
    expect(secondsWithin(pauses, ...day, late)).toBe(70 * 60);
  });
});
