// Numbers as a voice should read them, one character at a time (the board and the kiosk).
/** 'Y012' -> 'Y 0 1 2': spaced, so the voice reads each letter and digit on its own. */
export function spellOut(callNumber: string): string {
  return [...callNumber.replace(/\s+/g, '')].join(' ');
}
