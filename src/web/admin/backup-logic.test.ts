import { describe, expect, it } from 'vitest';
import { formatBytes, formatEvery } from './backup-logic.js';

describe('backup figures', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [184_320, '180 KB'],
    [5 * 1024 ** 3, '5.0 GB'],
  ])('%d bytes read %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it.each([
    [86_400, '24h'],
    [5400, '1h30m'],
    [90, '1m30s'],
    [7 * 86_400, '7d'],
  ])('every %d seconds reads %s', (seconds, text) => expect(formatEvery(seconds)).toBe(text));
});
