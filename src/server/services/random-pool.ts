// Random bytes for IVs and tokens, taken from a pool filled by the CSPRNG 4 kB at a time: a call
// into OpenSSL per 12 or 16 bytes cost microseconds each, several times a booking. Every byte
// is handed out once and the pool is refilled when spent, so each answer is as unpredictable as
// randomBytes' own.
import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let used = POOL_SIZE;

/** `n` (≤ 4096) fresh random bytes, in a buffer of their own. */
export function randomBytesPooled(n: number): Buffer {
  if (n > POOL_SIZE) throw new RangeError(`at most ${POOL_SIZE} bytes at a time`);
  if (used + n > POOL_SIZE) {
    randomFillSync(pool);
    used = 0;
  }
  const out = Buffer.allocUnsafe(n);
  pool.copy(out, 0, used, used + n);
  // Handed out bytes are wiped, so the pool never holds a copy of a given IV or token.
  pool.fill(0, used, used + n);
  used += n;
  return out;
}
