// Pull-to-refresh arithmetic: the list follows the finger with resistance, and letting go past
// the threshold refreshes.

export const PULL_THRESHOLD = 64;
export const PULL_MAX = 96;

/** How far the list moves for a finger that travelled `dy` pixels down from the top. */
export function pullOffset(dy: number): number {
  if (dy <= 0) return 0;
  return Math.min(PULL_MAX, Math.round(dy * 0.5));
}

export type PullPhase = 'idle' | 'pulling' | 'armed';

export function pullPhase(offset: number): PullPhase {
  if (offset <= 0) return 'idle';
  return offset >= PULL_THRESHOLD ? 'armed' : 'pulling';
}
