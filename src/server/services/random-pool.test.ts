import { describe, expect, it } from 'vitest';
import { randomBytesPooled } from './random-pool.js';

describe('pooled random bytes', () => {
  it('never hands out the same bytes twice, across refills, and each answer is its own buffer', () => {
    const seen = new Set<string>();
    const answers: Buffer[] = [];
    // 20 000 × 12 bytes: about 60 refills of the 4 kB pool.
    for (let i = 0; i < 20_000; i++) {
      const b = randomBytesPooled(i % 2 ? 12 : 16);
      expect(b.length).toBe(i % 2 ? 12 : 16);
      seen.add(b.toString('hex'));
      if (i < 10) answers.push(b);
    }
    expect(seen.size).toBe(20_000);
    // Refilling the pool did not change what was handed out before.
    const before = answers.map((b) => b.toString('hex'));
    for (let i = 0; i < 1000; i++) randomBytesPooled(16);
    expect(answers.map((b) => b.toString('hex'))).toEqual(before);
  });

  it('looks random: each byte value about equally often', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 16_000; i++) for (const byte of randomBytesPooled(16)) counts[byte] = (counts[byte] as number) + 1;
    // 256 000 bytes: 1000 expected per value; a fair source stays well within ±20 %.
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1200);
  });

  it('refuses more than the pool holds', () => expect(() => randomBytesPooled(5000)).toThrow(RangeError));
});
