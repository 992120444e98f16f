// Pairing a kiosk, a display board or a counter's 评价器: the link `/kiosk#pair=TOKEN` carries the device token in
// the fragment (never sent to a server, never in its logs). The page reads it, gives it to the
// server (which keeps it in an HttpOnly cookie) and takes it out of the address bar.
import type { MeResponse } from '../../contracts/auth.js';

export type DeviceKind = 'kiosk' | 'display' | 'evaluator';

/** The pairing token in a location hash ('#pair=…'), or null. */
export function pairTokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('pair')?.trim() ?? '';
  return /^[A-Za-z0-9_-]{10,200}$/.test(token) ? token : null;
}

/** The hash with the pairing token taken out ('' when nothing else was there). */
export function hashWithoutPair(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('pair');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

export type DeviceVerdict = 'paired' | 'unpaired' | 'wrong-kind';

/**
 * Whether this browser may act as a device of `kind`: paired as one, or a signed-in staff member
 * (staff may use a kiosk or a display themselves) who has no one-time password left to change.
 * A 评价器 is only ever a paired device: it rates its counter's tickets, which a clerk must not.
 */
export function deviceVerdict(me: MeResponse | null, kind: DeviceKind): DeviceVerdict {
  if (!me) return 'unpaired';
  if (me.kind === 'staff') return me.mustChangePassword || kind === 'evaluator' ? 'unpaired' : 'paired';
  return me.deviceKind === kind ? 'paired' : 'wrong-kind';
}
