// One Idempotency-Key per booking attempt: a retry of the same request (after a lost answer or
// a double tap) reuses it, so the server returns the first booking instead of making a second.
// Changing anything in the request starts a new attempt.

export interface AttemptKey {
  fingerprint: string;
  key: string;
}

/** 128 random bits as hex. getRandomValues works on plain http too, unlike randomUUID. */
export function randomKey(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  return Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fingerprintOf(request: { serviceId: number; date: string; slot: string; idCard: string; phone: string; name?: string }): string {
  return JSON.stringify([request.serviceId, request.date, request.slot, request.idCard, request.phone, request.name ?? '']);
}

/** The key to send: the previous one if this is the same request again, else a new one. */
export function keyForAttempt(previous: AttemptKey | null, fingerprint: string, make: () => string = randomKey): AttemptKey {
  if (previous && previous.fingerprint === fingerprint) return previous;
  return { fingerprint, key: make() };
}
