// RECORD_RETENTION_DAYS: 1095 days by default, 0 or "off" to keep records, else 30 to 36500 days.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const days = (value?: string) => loadConfig(value === undefined ? {} : { RECORD_RETENTION_DAYS: value }).recordRetentionDays;

describe('RECORD_RETENTION_DAYS', () => {
  it.each([
    [undefined, 1095],
    ['', 1095],
    ['0', 0],
    ['off', 0],
    ['OFF', 0],
    ['30', 30],
    ['3650', 3650],
  ])('%s -> %d', (value, expected) => expect(days(value)).toBe(expected));

  it.each(['7', '29', '-1', '36501', '3y', '1.5'])('refuses %s in words', (value) => {
    expect(() => days(value)).toThrow(ConfigError);
    expect(() => days(value)).toThrow(/RECORD_RETENTION_DAYS must be/);
  });
});
