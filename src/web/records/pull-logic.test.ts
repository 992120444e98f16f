import { describe, expect, it } from 'vitest';
import { PULL_MAX, PULL_THRESHOLD, pullOffset, pullPhase } from './pull-logic.js';

describe('pull to refresh', () => {
  it('follows the finger at half speed up to a maximum', () => {
    expect(pullOffset(-20)).toBe(0);
    expect(pullOffset(40)).toBe(20);
    expect(pullOffset(1000)).toBe(PULL_MAX);
  });

  it('arms once past the threshold', () => {
    expect(pullPhase(0)).toBe('idle');
    expect(pullPhase(PULL_THRESHOLD - 1)).toBe('pulling');
    expect(pullPhase(pullOffset(PULL_THRESHOLD * 2))).toBe('armed');
  });
});
