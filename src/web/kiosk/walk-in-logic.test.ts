import { describe, expect, it } from 'vitest';
import type { ServiceSummary } from '../../contracts/services.js';
import { walkInState } from './walk-in-logic.js';

type Hours = ServiceSummary['walkIn']['hours'];

describe('walkInState', () => {
  it.each([
    [true, 50, 3, 'open', 'available'],
    [true, 50, 0, 'open', 'full'],
    [false, 0, 0, 'closed', 'closed'],
    [true, 0, 0, 'open', 'closed'],
    // Before opening or over lunch: not tappable, the note says when (issue 10).
    [true, 50, 50, 'later', 'later'],
    // After hours: 今日已结束, not 今日剩余 50 个号.
    [true, 50, 50, 'over', 'over'],
    // Taken out in the morning: 今日已取完 says more than "opens at 14:00".
    [true, 50, 0, 'later', 'full'],
  ] as const)('open=%s quota=%i remaining=%i hours=%s -> %s', (open, quota, remaining, hours: Hours, state) => {
    expect(walkInState({ open, walkIn: { quota, issued: quota - remaining, remaining, hours } })).toBe(state);
  });
});
