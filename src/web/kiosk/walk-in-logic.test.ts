import { describe, expect, it } from 'vitest';
import { walkInState } from './walk-in-logic.js';

describe('walkInState', () => {
  it.each([
    [true, 50, 3, 'available'],
    [true, 50, 0, 'full'],
    [false, 0, 0, 'closed'],
    [true, 0, 0, 'closed'],
  ] as const)('open=%s quota=%i remaining=%i -> %s', (open, quota, remaining, state) => {
    expect(walkInState({ open, walkIn: { quota, issued: quota - remaining, remaining } })).toBe(state);
  });
});
